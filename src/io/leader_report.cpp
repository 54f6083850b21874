// Sections: numbers as text · the text report · the workbook.
#include "io/leader_report.hpp"

#include <cmath>
#include <cstdio>

#include "base/civil_date.hpp"
#include "base/text.hpp"
#include "io/roster_text.hpp"
#include "io/xlsx_exchange.hpp"
#include "text/leader_text.hpp"
#include "text/supplies_text.hpp"

namespace linli {

namespace {

// ------------------------------------------------------------------------ numbers as text

std::string T(LeaderText key, Language lang) {
    return Tr(key, lang);
}

int I(size_t n) {
    return static_cast<int>(n);
}

// "12-03 16:00" in the device's time zone.
std::string LocalDateTime(int64_t ms, int utc_offset_minutes) {
    const int64_t local_days = (ms / 60000 + utc_offset_minutes) / (24 * 60);
    // Civil date from days since 1970-01-01.
    const CivilDate date = CivilFromDays(local_days);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d-%02d ", date.month, date.day);
    return buf + TimeOfDay(ms, utc_offset_minutes);
}

std::string ShiftTime(const ShiftGap& g, int utc_offset_minutes) {
    std::string until = TimeOfDay(g.end, utc_offset_minutes);
    if (until == "00:00") {
        until = "24:00"; // the midnight that ends a day
    }
    return LocalDateTime(g.start, utc_offset_minutes) + "-" + until;
}

std::string Joined(const std::vector<std::string>& parts, const std::string& separator) {
    std::string out;
    for (const std::string& p : parts) {
        out += (out.empty() ? "" : separator) + p;
    }
    return out;
}

std::string SealedNames(const DailySummary& s, Language lang) {
    std::vector<std::string> names;
    for (const std::string& b : s.sealed) {
        names.push_back(BuildingLabel(b, lang));
    }
    return Joined(names, T(LeaderText::ListSeparator, lang));
}

std::string TitleLine(const DailySummary& s, Language lang) {
    std::string title = FormatText(T(LeaderText::ReportTitle, lang).c_str(), s.day.date.c_str(),
                                   TimeOfDay(s.day.now_ms, s.day.utc_offset_minutes).c_str());
    if (s.sample_data) {
        title += T(LeaderText::ReportSampleNote, lang);
    }
    return title;
}

} // namespace

std::string HoursText(double hours) {
    const double tenths = std::round(hours * 10.0);
    char buf[32];
    if (std::fmod(tenths, 10.0) == 0.0) {
        std::snprintf(buf, sizeof buf, "%.0f", tenths / 10.0);
    } else {
        std::snprintf(buf, sizeof buf, "%.1f", tenths / 10.0);
    }
    return buf;
}

int PercentOf(size_t part, size_t whole) {
    return whole == 0 ? 0 : static_cast<int>((part * 100 + whole / 2) / whole);
}

// ------------------------------------------------------------------------ the text report

std::string DailyReportText(const DailySummary& s, Language lang) {
    std::vector<std::string> lines;
    lines.push_back(TitleLine(s, lang));

    const SamplingToday& sampling = s.sampling;
    if (sampling.round_ids.empty()) {
        lines.push_back(T(LeaderText::ReportNoRound, lang));
    } else {
        lines.push_back(FormatText(T(LeaderText::ReportSampling, lang).c_str(), I(sampling.sampled),
                                   I(sampling.to_sample),
                                   PercentOf(sampling.sampled, sampling.to_sample)));
        std::vector<std::string> buildings;
        for (const BuildingToday& b : sampling.buildings) {
            std::string one = BuildingLabel(b.building, lang) + " " + std::to_string(b.sampled) +
                              "/" + std::to_string(b.to_sample);
            if (b.level == ControlLevel::Sealed) {
                one += T(LeaderText::SealedMark, lang);
            }
            buildings.push_back(one);
        }
        if (!buildings.empty()) {
            lines.push_back(Joined(buildings, T(LeaderText::ItemSeparator, lang)));
        }
    }

    lines.push_back(s.sealed.empty()
                        ? T(LeaderText::ReportNoSealed, lang)
                        : FormatText(T(LeaderText::ReportSealed, lang).c_str(), I(s.sealed.size()),
                                     SealedNames(s, lang).c_str()));

    const OrdersToday& o = s.orders;
    lines.push_back(FormatText(T(LeaderText::ReportSupplies, lang).c_str(), o.households_supplied,
                               o.orders_delivered, o.undelivered, o.late));

    const MedicineToday& m = s.medicine;
    lines.push_back(FormatText(T(LeaderText::ReportUrgent, lang).c_str(), m.handled, m.handled_now,
                               m.open, m.open_now));

    const ShiftsToday& v = s.shifts;
    std::string shifts =
        FormatText(T(LeaderText::ReportShifts, lang).c_str(), v.shifts, v.people,
                   HoursText(v.worked_hours).c_str(), HoursText(v.planned_hours).c_str());
    if (!s.gaps.empty()) {
        shifts += FormatText(T(LeaderText::ReportGaps, lang).c_str(), I(s.gaps.size()));
    }
    lines.push_back(shifts);

    std::string out;
    for (const std::string& line : lines) {
        out += line + "\n";
    }
    return out;
}

// ---------------------------------------------------------------------------- the workbook

std::vector<XlsxSheet> DailyReportSheets(const DailySummary& s, Language lang) {
    auto text = [&](LeaderText key) { return XlsxCell::Text(T(key, lang)); };
    auto number = [](double d) { return XlsxCell::Number(d); };
    std::vector<XlsxSheet> sheets(4);

    XlsxSheet& report = sheets[0];
    report.name = T(LeaderText::SheetReport, lang);
    report.rows.push_back({XlsxCell::Text(TitleLine(s, lang))});
    report.rows.push_back({text(LeaderText::ColItem), text(LeaderText::ColValue)});
    auto item = [&](LeaderText key, double value) {
        report.rows.push_back({text(key), number(value)});
    };
    item(LeaderText::RowSampled, static_cast<double>(s.sampling.sampled));
    item(LeaderText::RowToSample, static_cast<double>(s.sampling.to_sample));
    item(LeaderText::RowSealedCount, static_cast<double>(s.sealed.size()));
    report.rows.push_back({text(LeaderText::RowSealedNames), XlsxCell::Text(SealedNames(s, lang))});
    item(LeaderText::RowHouseholds, s.orders.households_supplied);
    item(LeaderText::RowOrdersDelivered, s.orders.orders_delivered);
    item(LeaderText::RowUndelivered, s.orders.undelivered);
    item(LeaderText::RowLate, s.orders.late);
    item(LeaderText::RowHandled, s.medicine.handled);
    item(LeaderText::RowHandledNow, s.medicine.handled_now);
    item(LeaderText::RowMedicineOpen, s.medicine.open);
    item(LeaderText::RowShifts, s.shifts.shifts);
    item(LeaderText::RowPeople, s.shifts.people);
    item(LeaderText::RowWorked, std::round(s.shifts.worked_hours * 10.0) / 10.0);
    item(LeaderText::RowPlanned, std::round(s.shifts.planned_hours * 10.0) / 10.0);
    item(LeaderText::RowGaps, static_cast<double>(s.gaps.size()));
    report.column_widths = {30.0, 14.0};

    XlsxSheet& buildings = sheets[1];
    buildings.name = T(LeaderText::SheetBuildings, lang);
    buildings.rows.push_back({text(LeaderText::ColBuilding), text(LeaderText::ColLevel),
                              text(LeaderText::ColSampled), text(LeaderText::ColToSample),
                              text(LeaderText::ColPercent)});
    for (const BuildingToday& b : s.sampling.buildings) {
        buildings.rows.push_back({XlsxCell::Text(BuildingLabel(b.building, lang)),
                                  XlsxCell::Text(Tr(ControlLevelText(b.level), lang)),
                                  number(static_cast<double>(b.sampled)),
                                  number(static_cast<double>(b.to_sample)),
                                  number(PercentOf(b.sampled, b.to_sample))});
    }
    buildings.column_widths = {14.0, 12.0, 10.0, 10.0, 16.0};

    XlsxSheet& orders = sheets[2];
    orders.name = T(LeaderText::SheetOrders, lang);
    orders.rows.push_back({text(LeaderText::ColRound), text(LeaderText::ColDeliveryDate),
                           text(LeaderText::ColUndelivered), text(LeaderText::ColState)});
    for (const RoundUndelivered& r : s.orders.rounds) {
        const std::string state = r.late        ? T(LeaderText::LateTag, lang)
                                  : r.due_today ? T(LeaderText::DueTodayTag, lang)
                                                : std::string();
        orders.rows.push_back(
            {XlsxCell::Text(r.title.empty() ? Tr(SupplyText::UntitledRound, lang) : r.title),
             XlsxCell::Text(r.delivery_date), number(r.undelivered), XlsxCell::Text(state)});
    }
    orders.column_widths = {30.0, 14.0, 12.0, 10.0};

    XlsxSheet& gaps = sheets[3];
    gaps.name = T(LeaderText::SheetGaps, lang);
    gaps.rows.push_back({text(LeaderText::ColPost), text(LeaderText::ColTime),
                         text(LeaderText::ColConfirmed), text(LeaderText::ColMin)});
    for (const ShiftGap& g : s.gaps) {
        gaps.rows.push_back({XlsxCell::Text(g.post),
                             XlsxCell::Text(ShiftTime(g, s.day.utc_offset_minutes)),
                             number(g.confirmed), number(g.min_people)});
    }
    gaps.column_widths = {20.0, 20.0, 10.0, 10.0};
    return sheets;
}

XlsxWriteResult DailyReportXlsx(const DailySummary& s, Language lang) {
    return MakeXlsx(DailyReportSheets(s, lang));
}

std::string DailyReportFileName(const DailySummary& s, Language lang) {
    return FormatText(T(LeaderText::FileName, lang).c_str(), s.day.date.c_str()) + ".xlsx";
}

} // namespace linli
