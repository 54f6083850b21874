// The roster as text: labels (building, unit, room, address), enum texts, flags, CSV
// cells neutralised for spreadsheets, the roster and round CSV exports, and the printable
// HTML checklist per building. Sections follow that order.
#include "io/roster_text.hpp"

#include <cctype>
#include <cstdio>

#include "base/ascii.hpp"
#include "io/xlsx_exchange.hpp"

namespace linli {
namespace {

std::string Format(const char* pattern, std::string_view value) {
    const std::string v(value);
    const int n = std::snprintf(nullptr, 0, pattern, v.c_str());
    std::string out(static_cast<size_t>(n > 0 ? n : 0), '\0');
    std::snprintf(out.data(), out.size() + 1, pattern, v.c_str());
    return out;
}

} // namespace

std::string BuildingLabel(std::string_view building, Language lang) {
    return AllAsciiDigits(building) ? Format(Tr(SamplingText::BuildingName, lang), building)
                                    : std::string(building);
}

std::string UnitLabel(std::string_view unit, Language lang) {
    if (unit.empty()) {
        return Tr(SamplingText::NoUnit, lang);
    }
    return AllAsciiDigits(unit) ? Format(Tr(SamplingText::UnitName, lang), unit)
                                : std::string(unit);
}

std::string RoomLabel(std::string_view room, Language lang) {
    return AllAsciiDigits(room) ? Format(Tr(SamplingText::RoomName, lang), room)
                                : std::string(room);
}

std::string AddressLabel(const Resident& r, Language lang) {
    std::string out = BuildingLabel(r.building, lang);
    if (!r.unit.empty()) {
        out += " " + UnitLabel(r.unit, lang);
    }
    return out + " " + RoomLabel(r.room, lang);
}

std::string ShortAddress(const Resident& r) {
    return r.unit.empty() ? r.building + "-" + r.room : r.building + "-" + r.unit + "-" + r.room;
}

SamplingText ControlLevelText(ControlLevel level) {
    switch (level) {
    case ControlLevel::Sealed:
        return SamplingText::LevelSealed;
    case ControlLevel::Controlled:
        return SamplingText::LevelControlled;
    case ControlLevel::Precaution:
        return SamplingText::LevelPrecaution;
    }
    return SamplingText::LevelPrecaution;
}

SamplingText MarkStatusText(MarkStatus status) {
    switch (status) {
    case MarkStatus::Pending:
        return SamplingText::StatusPending;
    case MarkStatus::Sampled:
        return SamplingText::StatusSampled;
    case MarkStatus::Absent:
        return SamplingText::StatusAbsent;
    case MarkStatus::Exempt:
        return SamplingText::StatusExempt;
    case MarkStatus::Refused:
        return SamplingText::StatusRefused;
    case MarkStatus::NeedsHomeVisit:
        return SamplingText::StatusNeedsHomeVisit;
    case MarkStatus::HomeVisitDone:
        return SamplingText::StatusHomeVisitDone;
    }
    return SamplingText::StatusPending;
}

SamplingText RoundKindText(RoundKind kind) {
    switch (kind) {
    case RoundKind::Everyone:
        return SamplingText::KindEveryone;
    case RoundKind::FocusGroups:
        return SamplingText::KindFocus;
    case RoundKind::Antigen:
        return SamplingText::KindAntigen;
    case RoundKind::Retest:
        return SamplingText::KindRetest;
    }
    return SamplingText::KindEveryone;
}

SamplingText TubeResultText(TubeResult result) {
    switch (result) {
    case TubeResult::Pending:
        return SamplingText::TubeResultPending;
    case TubeResult::Negative:
        return SamplingText::TubeResultNegative;
    case TubeResult::Abnormal:
        return SamplingText::TubeResultAbnormal;
    }
    return SamplingText::TubeResultPending;
}

SamplingText PoolText(int pool_size) {
    return pool_size == 1    ? SamplingText::PoolSingle
           : pool_size == 20 ? SamplingText::Pool20
                             : SamplingText::Pool10;
}

SamplingText FlagText(uint32_t flag) {
    switch (flag) {
    case kFlagLivesAlone:
        return SamplingText::FlagLivesAlone;
    case kFlagBedridden:
        return SamplingText::FlagBedridden;
    case kFlagImmobile:
        return SamplingText::FlagImmobile;
    case kFlagChronic:
        return SamplingText::FlagChronic;
    case kFlagPregnant:
        return SamplingText::FlagPregnant;
    case kFlagInfant:
        return SamplingText::FlagInfant;
    case kFlagDisability:
        return SamplingText::FlagDisability;
    default:
        return SamplingText::FlagAway;
    }
}

std::string FlagsLabel(uint32_t flags, Language lang) {
    std::string out;
    for (const uint32_t flag : kAllResidentFlags) {
        if ((flags & flag) != 0) {
            if (!out.empty()) {
                out += lang == Language::Chinese ? "、" : ", ";
            }
            out += Tr(FlagText(flag), lang);
        }
    }
    return out;
}

std::string CsvCell(std::string_view text) {
    std::string value(text);
    if (!value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '-' ||
                           value[0] == '@' || value[0] == '\t' || value[0] == '\r')) {
        value.insert(value.begin(), '\'');
    }
    size_t digits = 0;
    for (const char c : value) {
        digits += std::isdigit(static_cast<unsigned char>(c)) ? 1 : 0;
    }
    if (digits >= 11 &&
        (AllAsciiDigits(value) || (value.size() == 18 && AllAsciiDigits(value.substr(0, 17))))) {
        value.push_back('\t');
    }
    if (value.find_first_of(",\"\r\n\t") == std::string::npos) {
        return value;
    }
    std::string quoted = "\"";
    for (const char c : value) {
        quoted += c;
        if (c == '"') {
            quoted += '"';
        }
    }
    return quoted + "\"";
}

std::string CsvLine(const std::vector<std::string>& cells) {
    std::string line;
    for (size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) {
            line += ',';
        }
        line += CsvCell(cells[i]);
    }
    return line + "\r\n";
}

namespace {

// The roster's columns, shared by the CSV and the XLSX export.
std::vector<std::string> RosterHeader(Language lang, bool with_id_numbers) {
    std::vector<std::string> header = {
        Tr(SamplingText::FieldBuilding, lang), Tr(SamplingText::FieldUnit, lang),
        Tr(SamplingText::FieldRoom, lang),     Tr(ShellText::FieldName, lang),
        Tr(ShellText::FieldPhone, lang),       Tr(SamplingText::FieldBirthYear, lang),
        Tr(SamplingText::FieldRelation, lang), Tr(SamplingText::FieldFlags, lang),
        Tr(SamplingText::FieldNote, lang)};
    if (with_id_numbers) {
        header.push_back(Tr(SamplingText::FieldIdNumber, lang));
    }
    return header;
}

std::vector<std::string> RosterRow(const Resident& r, Language lang, bool with_id_numbers) {
    std::vector<std::string> row = {r.building, r.unit,
                                    r.room,     r.name,
                                    r.phone,    r.birth_year ? std::to_string(r.birth_year) : "",
                                    r.relation, FlagsLabel(r.flags, lang),
                                    r.note};
    if (with_id_numbers) {
        row.push_back(r.id_number);
    }
    return row;
}

constexpr size_t kRosterBirthYearColumn = 5;

std::vector<XlsxCell> TextCells(const std::vector<std::string>& texts) {
    std::vector<XlsxCell> cells;
    cells.reserve(texts.size());
    for (const std::string& t : texts) {
        cells.push_back(XlsxCell::Text(t));
    }
    return cells;
}

} // namespace

std::string RosterCsv(const std::vector<Resident>& residents, Language lang, bool with_id_numbers) {
    std::string out(kUtf8Bom);
    out += CsvLine(RosterHeader(lang, with_id_numbers));
    for (const Resident& r : residents) {
        out += CsvLine(RosterRow(r, lang, with_id_numbers));
    }
    return out;
}

XlsxWriteResult RosterXlsx(const std::vector<Resident>& residents, Language lang,
                           bool with_id_numbers) {
    XlsxSheet sheet;
    sheet.name = Tr(SamplingText::ExportRosterSheet, lang);
    sheet.column_widths = {8, 8, 8, 12, 16, 10, 10, 16, 24, 22};
    sheet.rows.reserve(residents.size() + 1);
    sheet.rows.push_back(TextCells(RosterHeader(lang, with_id_numbers)));
    for (const Resident& r : residents) {
        std::vector<XlsxCell> cells = TextCells(RosterRow(r, lang, with_id_numbers));
        if (r.birth_year) {
            cells[kRosterBirthYearColumn] = XlsxCell::Number(r.birth_year);
        }
        sheet.rows.push_back(std::move(cells));
    }
    return MakeXlsx({sheet});
}

std::string TimeOfDay(int64_t ms, int utc_offset_minutes) {
    if (ms <= 0) {
        return "";
    }
    const int64_t day = 24 * 60;
    const int64_t minutes = ((ms / 60000 + utc_offset_minutes) % day + day) % day;
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(minutes / 60),
                  static_cast<int>(minutes % 60));
    return buf;
}

namespace {

const Mark* Find(const MarksByResident& marks, const std::string& id) {
    const auto it = marks.find(id);
    return it == marks.end() ? nullptr : it->second;
}

} // namespace

namespace {

std::vector<std::string> RoundHeader(Language lang) {
    return {Tr(SamplingText::RoundDate, lang),
            Tr(SamplingText::FieldBuilding, lang),
            Tr(SamplingText::FieldUnit, lang),
            Tr(SamplingText::FieldRoom, lang),
            Tr(ShellText::FieldName, lang),
            Tr(ShellText::FieldPhone, lang),
            Tr(SamplingText::FieldFlags, lang),
            Tr(SamplingText::TabProgress, lang),
            Tr(SamplingText::TubeNumber, lang),
            "time",
            "by"};
}

// One row per resident in the round's scope.
std::vector<std::vector<std::string>> RoundRows(const Round& round,
                                                const std::vector<Resident>& residents,
                                                const MarksByResident& marks, Language lang,
                                                int utc_offset_minutes) {
    std::vector<std::vector<std::string>> rows;
    for (const Resident& r : residents) {
        if (!RoundCovers(round, r)) {
            continue;
        }
        const Mark* m = Find(marks, r.id);
        const MarkStatus s = StatusOf(r, m);
        rows.push_back({round.date, r.building, r.unit, r.room, r.name, r.phone,
                        FlagsLabel(r.flags, lang), Tr(MarkStatusText(s), lang),
                        m && IsSampled(s) ? m->tube : "",
                        m ? TimeOfDay(m->at_ms, utc_offset_minutes) : "", m ? m->by : ""});
    }
    return rows;
}

} // namespace

std::string RoundCsv(const Round& round, const std::vector<Resident>& residents,
                     const MarksByResident& marks, Language lang, int utc_offset_minutes) {
    std::string out(kUtf8Bom);
    out += CsvLine(RoundHeader(lang));
    for (const auto& row : RoundRows(round, residents, marks, lang, utc_offset_minutes)) {
        out += CsvLine(row);
    }
    return out;
}

XlsxWriteResult RoundXlsx(const Round& round, const std::vector<Resident>& residents,
                          const MarksByResident& marks, Language lang, int utc_offset_minutes) {
    XlsxSheet sheet;
    sheet.name = round.date;
    sheet.column_widths = {12, 8, 8, 8, 12, 16, 16, 10, 12, 8, 12};
    sheet.rows.push_back(TextCells(RoundHeader(lang)));
    for (const auto& row : RoundRows(round, residents, marks, lang, utc_offset_minutes)) {
        sheet.rows.push_back(TextCells(row));
    }
    return MakeXlsx({sheet});
}

std::string HtmlEscape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string PrintableHead(std::string_view title, std::string_view style, Language lang) {
    std::string h = "<!doctype html><html lang=\"";
    h += lang == Language::Chinese ? "zh-CN" : "en";
    h += "\"><head><meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\" "
         "content=\"";
    h += kPrintableCsp;
    h += "\"><title>" + HtmlEscape(title) + "</title><style>";
    h += style;
    h += "</style></head><body>";
    return h;
}

std::string ChecklistHtml(std::string_view building, ControlLevel level, const Round* round,
                          const std::vector<Resident>& residents, const MarksByResident& marks,
                          Language lang) {
    const std::string title =
        Format(Tr(SamplingText::ChecklistTitle, lang), BuildingLabel(building, lang));
    std::string h = PrintableHead(
        title,
        "body{font-family:sans-serif;margin:12mm}table{border-collapse:collapse;"
        "width:100%}th,td{border:1px solid #444;padding:4px 6px;font-size:12pt;text-align:left}"
        "th{background:#eee}.box{width:16px;height:16px;border:1.5px solid #000;display:inline-"
        "block}h2{margin:14px 0 4px;font-size:14pt}@media print{h2{break-after:avoid}tr{break-"
        "inside:avoid}}",
        lang);
    h += "<h1>" + HtmlEscape(title) + "</h1><p>" + HtmlEscape(Tr(ControlLevelText(level), lang));
    if (round != nullptr) {
        h += " · " + HtmlEscape(round->date) + " " +
             HtmlEscape(Tr(RoundKindText(round->kind), lang));
    }
    h += "</p>";
    std::string current_unit = "\x01";
    for (const Resident& r : residents) {
        if (r.building != building) {
            continue;
        }
        if (r.unit != current_unit) {
            if (current_unit != "\x01") {
                h += "</table>";
            }
            current_unit = r.unit;
            h += "<h2>" + HtmlEscape(UnitLabel(r.unit, lang)) + "</h2><table><tr><th>" +
                 HtmlEscape(Tr(SamplingText::FieldRoom, lang)) + "</th><th>" +
                 HtmlEscape(Tr(ShellText::FieldName, lang)) + "</th><th>" +
                 HtmlEscape(Tr(ShellText::FieldPhone, lang)) + "</th><th>" +
                 HtmlEscape(Tr(SamplingText::FieldFlags, lang)) + "</th><th>" +
                 HtmlEscape(Tr(SamplingText::TabProgress, lang)) + "</th><th>✓</th></tr>";
        }
        const std::string status = round != nullptr && RoundCovers(*round, r)
                                       ? Tr(MarkStatusText(StatusOf(r, Find(marks, r.id))), lang)
                                       : "";
        std::string flags = FlagsLabel(r.flags, lang);
        if (!r.note.empty()) {
            flags += flags.empty() ? r.note : " · " + r.note;
        }
        h += "<tr><td>" + HtmlEscape(RoomLabel(r.room, lang)) + "</td><td>" + HtmlEscape(r.name) +
             "</td><td>" + HtmlEscape(r.phone) + "</td><td>" + HtmlEscape(flags) + "</td><td>" +
             HtmlEscape(status) + "</td><td><span class=\"box\"></span></td></tr>";
    }
    if (current_unit != "\x01") {
        h += "</table>";
    }
    h += "<p>" + HtmlEscape(Tr(SamplingText::ChecklistSigned, lang)) + "</p></body></html>";
    return h;
}

} // namespace linli
