// The leader's one screen (总览): today's sampling per building, sealed buildings, supply
// orders undelivered and late, medicine requests open and handled, today's shifts and
// those short of people in the next 24 hours, and when each device last synced; at the
// bottom, within the thumb's reach, 复制日报 (the report as text for WeChat) and 导出日报
// (the same as .xlsx). It only reads: nothing here writes.
// Sections: the day · sampling · supplies and medicine · shifts · devices · the action bar ·
// the screen.
#include <imgui.h>

#include "io/leader_report.hpp"
#include "io/roster_text.hpp"
#include "ui/kit/theme.hpp"
#include "ui/kit/widgets.hpp"
#include "ui/sampling/sampling_widgets.hpp"
#include "ui/shell/screens.hpp"
#include "ui/volunteers/volunteers_widgets.hpp"

namespace linli::ui {

namespace {

// ------------------------------------------------------------------------------- the day

LocalDay TodayAt(int64_t now_ms) {
    LocalDay day;
    day.now_ms = now_ms;
    day.date = TodayDate(now_ms);
    day.start_ms = LocalDayStart(now_ms);
    day.end_ms = LocalDayStart(day.start_ms + 36 * kHourMs); // a DST day is 23 or 25 hours
    day.utc_offset_minutes = UtcOffsetMinutes(now_ms);
    return day;
}

int I(size_t n) {
    return static_cast<int>(n);
}

// ------------------------------------------------------------------------------ sampling

// A building at a glance: name and level, sampled/to sample and the share, a bar. Tapping
// it opens the building's door-to-door view in today's round.
bool BuildingRow(UiContext& ui, const BuildingToday& b) {
    ImGui::PushID(b.building.c_str());
    const float width = ImGui::GetContentRegionAvail().x;
    const float height = ui.metrics.touch_target + 12.0f;
    const std::string title =
        BuildingLabel(b.building, ui.lang) + " · " + ui.T(ControlLevelText(b.level));
    const int percent = PercentOf(b.sampled, b.to_sample);
    const std::string counts =
        Format(ui.T(LeaderText::BuildingCounts), I(b.sampled), I(b.to_sample));
    ImVec2 pos;
    const bool pressed =
        Card(ui, width, height, title + " " + counts + " " + std::to_string(percent) + "%", pos);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* font = ImGui::GetFont();
    const float pad = 12.0f;
    const float size = ui.metrics.body_font;
    const std::string right = std::to_string(b.sampled) + "/" + std::to_string(b.to_sample) + "  " +
                              std::to_string(percent) + "%";
    const float right_w = font->CalcTextSizeA(size, FLT_MAX, 0.0f, right.c_str()).x;
    const ImU32 level_colour = b.level == ControlLevel::Sealed ? colors::kDanger : colors::kText;
    const ImVec4 clip(pos.x, pos.y, pos.x + width - pad - right_w - 8.0f, pos.y + height);
    dl->AddText(font, size, ImVec2(pos.x + pad, pos.y + 8.0f), level_colour, title.c_str(), nullptr,
                0.0f, &clip);
    const bool done = b.to_sample > 0 && b.sampled == b.to_sample;
    dl->AddText(font, size, ImVec2(pos.x + width - pad - right_w, pos.y + 8.0f),
                done ? colors::kPrimary : colors::kText, right.c_str());
    const float bar_y = pos.y + height - 18.0f;
    const float bar_w = width - 2 * pad;
    dl->AddRectFilled(ImVec2(pos.x + pad, bar_y), ImVec2(pos.x + pad + bar_w, bar_y + 8.0f),
                      colors::kBorder, 4.0f);
    if (b.sampled > 0 && b.to_sample > 0) {
        const float share = static_cast<float>(b.sampled) / static_cast<float>(b.to_sample);
        dl->AddRectFilled(ImVec2(pos.x + pad, bar_y),
                          ImVec2(pos.x + pad + bar_w * share, bar_y + 8.0f),
                          done ? colors::kPrimary : colors::kProgress, 4.0f);
    }
    ImGui::PopID();
    return pressed;
}

void DrawSampling(UiContext& ui, AppState& state, const DailySummary& sum) {
    const SamplingToday& t = sum.sampling;
    SectionTitle(ui, ui.T(LeaderText::SamplingSection));
    if (t.round_ids.empty()) {
        StatusText(ui, "leader-sampling", ui.T(LeaderText::NoRoundToday));
    } else {
        StatusText(ui, "leader-sampling",
                   Format(ui.T(LeaderText::SamplingTotal), I(t.sampled), I(t.to_sample),
                          PercentOf(t.sampled, t.to_sample))
                       .c_str(),
                   t.sampled == t.to_sample ? colors::kPrimary : colors::kText);
        if (t.round_ids.size() > 1) {
            MutedText(Format(ui.T(LeaderText::RoundsToday), I(t.round_ids.size())).c_str());
        }
        for (const BuildingToday& b : t.buildings) {
            if (BuildingRow(ui, b)) {
                SamplingState& s = state.sampling;
                s.round_id = t.round_ids.back(); // the newest of today's rounds
                s.building = b.building;
                s.view = SamplingView::Building;
                s.status_sheet.clear();
                s.message.clear();
                state.area = Area::Sampling;
                ImGui::SetScrollY(0.0f);
            }
        }
    }
    if (sum.sealed.empty()) {
        StatusText(ui, "leader-sealed", ui.T(LeaderText::NoSealed));
    } else {
        std::string names;
        for (const std::string& b : sum.sealed) {
            names +=
                (names.empty() ? "" : ui.T(LeaderText::ListSeparator)) + BuildingLabel(b, ui.lang);
        }
        StatusText(
            ui, "leader-sealed",
            Format(ui.T(LeaderText::SealedLine), I(sum.sealed.size()), names.c_str()).c_str(),
            colors::kDanger);
    }
}

// ------------------------------------------------------------------ supplies and medicine

void DrawSupplies(UiContext& ui, const DailySummary& sum) {
    const OrdersToday& o = sum.orders;
    SectionTitle(ui, ui.T(LeaderText::SuppliesSection));
    if (o.undelivered == 0) {
        StatusText(ui, "leader-undelivered", ui.T(LeaderText::AllDelivered), colors::kPrimary);
    } else {
        StatusText(ui, "leader-undelivered",
                   Format(ui.T(LeaderText::Undelivered), o.undelivered, o.late).c_str(),
                   o.late > 0 ? colors::kDanger : colors::kWarning);
    }
    StatusText(
        ui, "leader-supplied",
        Format(ui.T(LeaderText::SuppliedToday), o.households_supplied, o.orders_delivered).c_str());
    ImGui::PushFont(nullptr, ui.metrics.body_font - 2.0f);
    for (const RoundUndelivered& r : o.rounds) {
        const std::string title = r.title.empty() ? ui.T(SupplyText::UntitledRound) : r.title;
        std::string line = r.delivery_date.empty()
                               ? Format(ui.T(LeaderText::RoundNoDate), title.c_str(), r.undelivered)
                               : Format(ui.T(LeaderText::RoundUndelivered), title.c_str(),
                                        r.delivery_date.c_str(), r.undelivered);
        if (r.late || r.due_today) {
            line +=
                std::string(" · ") + ui.T(r.late ? LeaderText::LateTag : LeaderText::DueTodayTag);
        }
        ImGui::PushStyleColor(ImGuiCol_Text, r.late ? colors::kDanger : colors::kTextMuted);
        ImGui::TextWrapped("%s", line.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::PopFont();
}

void DrawMedicine(UiContext& ui, const DailySummary& sum) {
    const MedicineToday& m = sum.medicine;
    SectionTitle(ui, ui.T(LeaderText::MedicineSection));
    if (m.open == 0) {
        StatusText(ui, "leader-medicine", ui.T(LeaderText::MedicineNoneOpen), colors::kPrimary);
    } else {
        StatusText(ui, "leader-medicine",
                   Format(ui.T(LeaderText::MedicineOpen), m.open, m.open_now).c_str(),
                   m.open_now > 0 ? colors::kDanger : colors::kWarning);
    }
    StatusText(ui, "leader-medicine-handled",
               Format(ui.T(LeaderText::MedicineHandled), m.handled).c_str());
}

// -------------------------------------------------------------------------------- shifts

void DrawShifts(UiContext& ui, AppState& state, const DailySummary& sum) {
    const ShiftsToday& v = sum.shifts;
    SectionTitle(ui, ui.T(LeaderText::ShiftsSection));
    if (v.shifts == 0) {
        StatusText(ui, "leader-shifts", ui.T(LeaderText::NoShiftsToday));
    } else {
        StatusText(ui, "leader-shifts",
                   Format(ui.T(LeaderText::ShiftsToday), v.shifts, v.people, v.checked_in).c_str(),
                   colors::kText);
        StatusText(ui, "leader-hours",
                   Format(ui.T(LeaderText::HoursToday), HoursText(v.worked_hours).c_str(),
                          HoursText(v.planned_hours).c_str())
                       .c_str());
    }
    if (sum.gaps.empty()) {
        StatusText(ui, "leader-gaps", ui.T(LeaderText::NoGaps), colors::kPrimary);
        return;
    }
    StatusText(ui, "leader-gaps", Format(ui.T(LeaderText::GapsTitle), I(sum.gaps.size())).c_str(),
               colors::kWarning);
    constexpr size_t kShown = 8;
    for (size_t i = 0; i < sum.gaps.size() && i < kShown; ++i) {
        const ShiftGap& g = sum.gaps[i];
        if (ListRow(ui, g.shift_id.c_str(), g.post + " · " + ShiftTimeLabel(ui, g.start, g.end),
                    Format(ui.T(LeaderText::GapDetail), g.confirmed, g.min_people))) {
            state.area = Area::Volunteers;
            OpenShiftView(state, g.shift_id);
        }
    }
    if (sum.gaps.size() > kShown) {
        MutedText(Format(ui.T(LeaderText::MoreGaps), I(sum.gaps.size() - kShown)).c_str());
    }
}

// ------------------------------------------------------------------------------- devices

void DrawDevices(UiContext& ui, const DailySummary& sum) {
    SectionTitle(ui, ui.T(LeaderText::DevicesSection));
    for (const DeviceSync& d : sum.devices) {
        std::string line = d.name.empty() ? d.tag : d.name;
        if (d.this_device) {
            line += std::string(" · ") + ui.T(LeaderText::ThisDevice);
        }
        line += " · ";
        if (d.last_sync_ms) {
            const int64_t at = *d.last_sync_ms;
            line += Format(ui.T(LeaderText::SyncedAt),
                           (DayLabel(ui, at) + " " + ClockLabel(at)).c_str());
        } else {
            line += ui.T(LeaderText::NeverSynced);
        }
        StatusText(ui, ("leader-device-" + d.tag).c_str(), line.c_str(),
                   d.last_sync_ms ? colors::kText : colors::kWarning);
    }
}

// ---------------------------------------------------------------------------- action bar

void CopyReport(UiContext& ui, LeaderState& s, const DailySummary& sum) {
    ui.platform.CopyText(DailyReportText(sum, ui.lang));
    s.said = ReportSaid::Copied;
    s.said_detail.clear();
}

void ExportReport(UiContext& ui, LeaderState& s, const DailySummary& sum) {
    const XlsxWriteResult book = DailyReportXlsx(sum, ui.lang);
    if (!book.error.empty()) {
        s.said = ReportSaid::ExportFailed;
        s.said_detail = book.error;
        return;
    }
    const std::string name = DailyReportFileName(sum, ui.lang);
    ui.platform.DownloadFile(name, std::string(kXlsxMime), book.bytes);
    s.said = ReportSaid::Exported;
    s.said_detail = name;
}

void DrawSaid(UiContext& ui, const LeaderState& s) {
    switch (s.said) {
    case ReportSaid::Nothing:
        return;
    case ReportSaid::Copied:
        StatusText(ui, "leader-message", ui.T(LeaderText::Copied), colors::kPrimary);
        return;
    case ReportSaid::Exported:
        StatusText(ui, "leader-message",
                   Format(ui.T(LeaderText::Exported), s.said_detail.c_str()).c_str(),
                   colors::kPrimary);
        return;
    case ReportSaid::ExportFailed:
        ErrorText(ui, "leader-message",
                  Format(ui.T(LeaderText::ExportFailed), s.said_detail.c_str()).c_str());
        return;
    }
}

// Pinned to the bottom of the content, over the scrolling sections, where a thumb is.
void DrawActionBar(UiContext& ui, LeaderState& s, const DailySummary& sum) {
    const ImVec2 content_pos = ImGui::GetWindowPos();
    const float width = ImGui::GetWindowWidth();
    ImGui::SetNextWindowPos(ImVec2(content_pos.x, content_pos.y + ImGui::GetWindowHeight()),
                            ImGuiCond_Always, ImVec2(0.0f, 1.0f));
    ImGui::SetNextWindowSize(ImVec2(width, 0.0f));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, colors::kSurface);
    ImGui::Begin("##leader-actions", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize |
                     ImGuiWindowFlags_NoFocusOnAppearing);
    // A line along the top edge: the bar is over the content scrolling under it.
    const ImVec2 top = ImGui::GetWindowPos();
    ImGui::GetWindowDrawList()->AddLine(top, ImVec2(top.x + ImGui::GetWindowWidth(), top.y),
                                        colors::kBorder);
    DrawSaid(ui, s);
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float half = (ImGui::GetContentRegionAvail().x - gap) * 0.5f;
    if (PrimaryButton(ui, ui.T(LeaderText::CopyReport), "leader-copy", half)) {
        CopyReport(ui, s, sum);
    }
    ImGui::SameLine();
    if (TouchButton(ui, ui.T(LeaderText::ExportReport), "leader-export", half)) {
        ExportReport(ui, s, sum);
    }
    s.bar_height = ImGui::GetWindowHeight();
    ImGui::End();
    ImGui::PopStyleColor();
}

bool NothingYet(UiContext& ui) {
    AppData& data = ui.data;
    return data.Sampling().Model().Residents().empty() &&
           data.Sampling().Model().Rounds().empty() && data.Supplies().Model().Rounds().empty() &&
           data.Shifts().Model().Posts().empty() && data.Medicine().Model().Requests().empty();
}

} // namespace

// ----------------------------------------------------------------------------- the screen

void DrawOverviewScreen(UiContext& ui, AppState& state) {
    LeaderState& s = state.leader;
    const int64_t now = ui.platform.NowMs();
    const DailySummary& sum = ui.data.Leader().Summary(TodayAt(now));
    // "The next 24 hours" and the time shown move on: a frame when the minute turns.
    state.wake_at_ms = (now / 60'000 + 1) * 60'000;
    Heading(ui, ui.T(LeaderText::Title));
    MutedText(
        Format(ui.T(LeaderText::AsOf), DayLabel(ui, now).c_str(), ClockLabel(now).c_str()).c_str());
    if (NothingYet(ui)) {
        MutedText(ui.T(LeaderText::EmptyApp));
        DrawSampleOffer(ui, state);
    }
    DrawSampling(ui, state, sum);
    DrawSupplies(ui, sum);
    DrawMedicine(ui, sum);
    DrawShifts(ui, state, sum);
    DrawDevices(ui, sum);
    // Room to scroll the last lines above the action bar.
    ImGui::Dummy(ImVec2(1.0f, s.bar_height > 0 ? s.bar_height : 2 * ui.metrics.touch_target));
    if (state.area == Area::Leader) { // a tap above may have opened another area
        DrawActionBar(ui, s, sum);
    }
}

void LeaderFileOpened(UiContext&, AppState&, const std::string&, const std::string&) {
    // The overview asks for no file.
}

void LeaderFileFailed(UiContext&, AppState&, const std::string&) {}

} // namespace linli::ui
