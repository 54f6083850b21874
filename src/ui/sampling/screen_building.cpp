// One building, walked door to door: units, households and their residents. With a
// testing round open, each resident is one tap to mark sampled (into this phone's open
// tube); "more" gives the other statuses. Only rows on screen are drawn.
// Sections: row heights and the walk rows (units, households, residents); one resident
// row (sample / more); the status sheet; building settings (level, rename, delete);
// DrawBuildingView (tube bar, search, the list drawn only where it is on screen).
#include <algorithm>
#include <imgui.h>

#include "ui/kit/theme.hpp"
#include "ui/kit/widgets.hpp"
#include "ui/sampling/sampling_widgets.hpp"
#include "ui/shell/screens.hpp"

namespace linli::ui {
namespace {

constexpr float kUnitRow = 48.0f;
constexpr float kHouseholdRow = 44.0f;

float ResidentRowHeight(const UiContext& ui) {
    return ui.metrics.touch_target + 24.0f;
}

const WalkRowsCache& WalkRows(UiContext& ui, SamplingState& s, const SamplingModel& model,
                              const Round* round) {
    return UpdateWalkRows(s.walk, model, s.building, round, s.only_missing,
                          {kUnitRow, kHouseholdRow, ResidentRowHeight(ui)});
}

void DrawResident(UiContext& ui, AppState& state, const Resident& r, const Round* round,
                  float width) {
    SamplingState& s = state.sampling;
    const SamplingModel& model = ui.data.Sampling().Model();
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float sample_w = round != nullptr ? 96.0f : 0.0f;
    const float more_w = round != nullptr ? 72.0f : 0.0f;
    const float text_w = round != nullptr ? width - sample_w - more_w - 2 * gap : width;
    const char* status = nullptr;
    unsigned int colour = 0;
    MarkStatus st = MarkStatus::Pending;
    const bool covered = round != nullptr && RoundCovers(*round, r);
    if (covered) {
        const Mark* mark = model.FindMark(round->id, r.id);
        st = StatusOf(r, mark);
        status = ui.T(MarkStatusText(st));
        colour = StatusColour(st);
    }
    if (ResidentRow(ui, r, status, colour, text_w)) {
        OpenResidentForm(state, r, SamplingView::Building);
    }
    if (!covered) {
        return;
    }
    ImGui::SameLine();
    const float y = ImGui::GetCursorPosY();
    ImGui::SetCursorPosY(y + 8.0f);
    ImGui::PushID(r.id.c_str());
    if (IsSampled(st)) {
        ImGui::BeginDisabled();
        TouchButton(ui, ui.T(MarkStatusText(st)), "sampled", sample_w);
        ImGui::EndDisabled();
    } else if (PrimaryButton(ui, ui.T(SamplingText::MarkSample), "sample", sample_w)) {
        const MarkStatus target =
            st == MarkStatus::NeedsHomeVisit ? MarkStatus::HomeVisitDone : MarkStatus::Sampled;
        ShowOutcome(ui, s,
                    ui.data.Sampling().MarkResident(round->id, r.id, target, ui.platform.NowMs()));
    }
    ImGui::SameLine();
    ImGui::SetCursorPosY(y + 8.0f);
    if (TouchButton(ui, ui.T(SamplingText::MarkMore), "more", more_w)) {
        s.status_sheet = r.id;
    }
    ImGui::PopID();
}

// The other statuses for one resident, as a sheet over the bottom of the screen.
void DrawStatusSheet(UiContext& ui, AppState& state, const Round& round) {
    SamplingState& s = state.sampling;
    const SamplingModel& model = ui.data.Sampling().Model();
    const Resident* r = model.FindResident(s.status_sheet);
    if (r == nullptr) {
        s.status_sheet.clear();
        return;
    }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const ImVec2 content_pos = ImGui::GetWindowPos();
    const float width = ImGui::GetWindowWidth();
    ImGui::SetNextWindowPos(ImVec2(content_pos.x, content_pos.y + ImGui::GetWindowHeight()),
                            ImGuiCond_Always, ImVec2(0.0f, 1.0f));
    ImGui::SetNextWindowSize(ImVec2(width, 0.0f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, vp->Size.y * 0.8f));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, colors::kSurface);
    ImGui::PushStyleColor(ImGuiCol_Border, colors::kPrimary);
    ImGui::Begin("##status-sheet", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize);
    const Mark* mark = model.FindMark(round.id, r->id);
    const MarkStatus current = StatusOf(*r, mark);
    SectionTitle(ui, Format(ui.T(SamplingText::MarkChoose), r->name.c_str()).c_str());
    MutedText(AddressLabel(*r, ui.lang).c_str());
    if (mark != nullptr) {
        const int64_t now = ui.platform.NowMs();
        std::string who = mark->by.empty() ? std::string("—") : mark->by;
        std::string line = Format(ui.T(SamplingText::MarkedBy), who.c_str(),
                                  TimeOfDay(mark->at_ms, UtcOffsetMinutes(now)).c_str());
        if (!mark->tube.empty()) {
            line += " · " + std::string(ui.T(SamplingText::TubeNumber)) + " " + mark->tube;
        }
        MutedText(line.c_str());
    }
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float half = (ImGui::GetContentRegionAvail().x - gap) * 0.5f;
    int column = 0;
    for (const MarkStatus option : kAllMarkStatuses) {
        if (column == 1) {
            ImGui::SameLine();
        }
        const std::string id = std::string("status-") + MarkStatusKey(option);
        if (SegmentOption(ui, ui.T(MarkStatusText(option)), id.c_str(), option == current, half)) {
            const Outcome out =
                ui.data.Sampling().MarkResident(round.id, r->id, option, ui.platform.NowMs());
            ShowOutcome(ui, s, out);
            if (out.ok) {
                s.status_sheet.clear();
            }
        }
        column = 1 - column;
    }
    if (column == 1) {
        ImGui::NewLine();
    }
    DrawMessage(ui, s);
    if (TouchButton(ui, ui.T(SamplingText::ActionClose), "status-close")) {
        s.status_sheet.clear();
    }
    ImGui::End();
    ImGui::PopStyleColor(2);
}

// Control level, rename (everyone moves with the building) and delete (two taps), folded
// away behind one button.
void DrawBuildingEdit(UiContext& ui, AppState& state, ControlLevel level) {
    SamplingState& s = state.sampling;
    // Control level: three choices side by side.
    MutedText(ui.T(SamplingText::ControlLevelLabel));
    const float third =
        (ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().ItemSpacing.x) / 3.0f;
    const ControlLevel levels[] = {ControlLevel::Sealed, ControlLevel::Controlled,
                                   ControlLevel::Precaution};
    for (size_t i = 0; i < 3; ++i) {
        if (i > 0) {
            ImGui::SameLine();
        }
        const std::string id = std::string("level-") + ControlLevelKey(levels[i]);
        if (SegmentOption(ui, ui.T(ControlLevelText(levels[i])), id.c_str(), level == levels[i],
                          third) &&
            level != levels[i]) {
            ShowOutcome(ui, s, ui.data.Sampling().SetBuildingLevel(s.building, levels[i]));
        }
    }
    TextField(ui, "building-new-name", ui.T(SamplingText::BuildingNewName),
              ui.T(SamplingText::FieldBuildingHint), s.building_new_name);
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float half = (ImGui::GetContentRegionAvail().x - gap) * 0.5f;
    if (PrimaryButton(ui, ui.T(SamplingText::BuildingRename), "building-rename", half)) {
        const Outcome out = ui.data.Sampling().RenameBuilding(s.building, s.building_new_name);
        if (out.ok) {
            s.building = NormalizeBuilding(s.building_new_name);
            s.building_edit = false;
            s.message.clear();
        } else {
            s.message_is_error = true;
            s.message = out.error == store::EditError::Conflict
                            ? ui.T(SamplingText::BuildingNameTaken)
                            : ui.T(SamplingText::ProblemBuildingMissing);
        }
    }
    ImGui::SameLine();
    if (TouchButton(ui, ui.T(ShellText::ActionCancel), "building-edit-cancel", half)) {
        s.building_edit = false;
    }
    const BuildingRef* b = ui.data.Sampling().Model().FindBuildingRef(s.building);
    const int people = b != nullptr ? static_cast<int>(b->residents) : 0;
    if (!s.confirm_building_delete) {
        if (TouchButton(ui, ui.T(SamplingText::BuildingDelete), "building-delete")) {
            s.confirm_building_delete = true; // a second tap confirms
        }
    } else if (DangerButton(ui, Format(ui.T(SamplingText::BuildingDeleteConfirm), people).c_str(),
                            "building-delete-confirm")) {
        const Outcome out = ui.data.Sampling().RemoveBuilding(s.building);
        ShowOutcome(ui, s, out);
        if (out.ok) {
            s.building_edit = false;
            s.view = SamplingView::Home;
        }
    }
}

} // namespace

void DrawBuildingView(UiContext& ui, AppState& state) {
    SamplingState& s = state.sampling;
    const SamplingModel& model = ui.data.Sampling().Model();
    // Back on the left, building settings on the right of the same row: the list of
    // households should start high on a phone.
    const float row_right = ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x;
    const bool back = BackButton(ui, "building-back");
    const char* settings = ui.T(SamplingText::BuildingEdit);
    const float settings_w = ImGui::CalcTextSize(settings).x + 32.0f;
    ImGui::SameLine(row_right - settings_w);
    if (TouchButton(ui, settings, "building-edit", settings_w)) {
        s.building_edit = !s.building_edit;
        s.building_new_name = s.building;
        s.confirm_building_delete = false;
    }
    if (back) {
        s.view = s.round_id.empty() ? SamplingView::Home : SamplingView::Round;
        s.status_sheet.clear();
        s.building_edit = false;
        s.message.clear();
        return;
    }
    const ControlLevel level = model.LevelOf(s.building);
    Heading(ui,
            (BuildingLabel(s.building, ui.lang) + " · " + ui.T(ControlLevelText(level))).c_str());
    DrawSaveStatus(ui);
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    if (s.building_edit) {
        DrawBuildingEdit(ui, state, level);
    }
    const Round* round = s.round_id.empty() ? nullptr : model.FindRound(s.round_id);
    if (round != nullptr) {
        MutedText(Format(ui.T(SamplingText::RoundLine), round->date.c_str(),
                         ui.T(RoundKindText(round->kind)), ui.T(PoolText(round->pool_size)))
                      .c_str());
        if (const BuildingProgress* bp = model.ProgressOf(*round).Find(s.building)) {
            ProgressBar(ui, "building-progress", bp->progress);
        }
        TubeBar(ui, state, *round);
        const float half = (ImGui::GetContentRegionAvail().x - gap) * 0.5f;
        if (SegmentOption(ui, ui.T(SamplingText::OnlyMissing), "only-missing", s.only_missing,
                          half)) {
            s.only_missing = !s.only_missing;
        }
        ImGui::SameLine();
        if (TouchButton(ui, ui.T(SamplingText::PrintChecklist), "print-checklist", half)) {
            ui.platform.OpenPrintable(ChecklistHtml(s.building, level, round, model.Residents(),
                                                    model.MarksOf(round->id), ui.lang));
            s.message = ui.T(SamplingText::PrintOpened);
            s.message_is_error = false;
        }
    } else if (TouchButton(ui, ui.T(SamplingText::PrintChecklist), "print-checklist")) {
        ui.platform.OpenPrintable(
            ChecklistHtml(s.building, level, nullptr, model.Residents(), {}, ui.lang));
        s.message = ui.T(SamplingText::PrintOpened);
        s.message_is_error = false;
    }
    ImGui::Spacing();

    // The list: rows have known heights, so only those on screen are drawn.
    const WalkRowsCache& walk = WalkRows(ui, s, model, round);
    const float width = ImGui::GetContentRegionAvail().x;
    const float list_top = ImGui::GetCursorPosY();
    const float view_top = ImGui::GetScrollY() - list_top;
    const float view_bottom = view_top + ImGui::GetWindowHeight();
    const auto first =
        std::lower_bound(walk.rows.begin(), walk.rows.end(), view_top,
                         [](const WalkRow& row, float y) { return row.top + row.height < y; });
    const auto& residents = model.Residents();
    for (auto it = first; it != walk.rows.end() && it->top < view_bottom; ++it) {
        ImGui::SetCursorPosY(list_top + it->top);
        const Resident& r = residents[it->resident];
        switch (it->kind) {
        case WalkRow::Kind::Unit:
            ImGui::SetCursorPosY(list_top + it->top + 12.0f);
            SectionTitle(ui, UnitLabel(r.unit, ui.lang).c_str());
            break;
        case WalkRow::Kind::Household: {
            ImGui::SetCursorPosY(list_top + it->top + 10.0f);
            std::string line =
                Format(ui.T(SamplingText::HouseholdLine), RoomLabel(r.room, ui.lang).c_str(),
                       static_cast<int>(it->count));
            if (it->complete) {
                line += std::string(" · ") + ui.T(SamplingText::HouseholdDone);
            }
            ImGui::PushStyleColor(ImGuiCol_Text, it->complete ? colors::kPrimary : colors::kText);
            ImGui::TextUnformatted(line.c_str());
            ImGui::PopStyleColor();
            break;
        }
        case WalkRow::Kind::Resident:
            DrawResident(ui, state, r, round, width);
            break;
        }
    }
    ImGui::SetCursorPosY(list_top + walk.total_height);
    ImGui::Dummy(ImVec2(1.0f, 1.0f));
    if (round != nullptr && !s.status_sheet.empty()) {
        DrawStatusSheet(ui, state, *round);
    } else {
        DrawToast(ui, s);
    }
}

} // namespace linli::ui
