// Add or edit one resident: address, name, phone, birth year, ID number (optional and
// masked in lists), relation, crisis flags and a note. Deleting takes a second tap.
#include <cstdlib>
#include <imgui.h>

#include "ui/kit/widgets.hpp"
#include "ui/sampling/sampling_widgets.hpp"
#include "ui/shell/screens.hpp"

namespace linli::ui {
namespace {

const char* ProblemText(const UiContext& ui, ResidentProblem p) {
    switch (p) {
    case ResidentProblem::NameMissing:
        return ui.T(ShellText::ProblemNameMissing);
    case ResidentProblem::NameTooLong:
        return ui.T(ShellText::ProblemNameTooLong);
    case ResidentProblem::BuildingMissing:
        return ui.T(SamplingText::ProblemBuildingMissing);
    case ResidentProblem::RoomMissing:
        return ui.T(SamplingText::ProblemRoomMissing);
    case ResidentProblem::BirthYear:
        return ui.T(SamplingText::ProblemBirthYear);
    }
    return "";
}

} // namespace

void OpenResidentForm(AppState& state, const Resident& r, SamplingView back_to) {
    ResidentForm& form = state.sampling.resident_form;
    form = ResidentForm{};
    form.resident = r;
    form.birth_year = r.birth_year != 0 ? std::to_string(r.birth_year) : "";
    form.back_to = back_to;
    state.sampling.view = SamplingView::ResidentForm;
    state.sampling.status_sheet.clear();
}

void DrawResidentForm(UiContext& ui, AppState& state) {
    SamplingState& s = state.sampling;
    ResidentForm& form = s.resident_form;
    switch (form.saving.Poll(ui.data)) {
    case WriteState::Durable:
        s.view = form.back_to;
        form = ResidentForm{};
        return;
    case WriteState::Failed: {
        // Keep what was typed; saving again retries (the failed write was rolled back).
        const Resident* stored = ui.data.Sampling().Model().FindResident(form.resident.id);
        if (stored != nullptr) {
            form.resident.rev = stored->rev;
        } else {
            form.resident.id.clear();
            form.resident.rev.clear();
        }
        break;
    }
    case WriteState::Pending:
    case WriteState::Nothing:
        break;
    }
    if (BackButton(ui, "resident-back")) {
        s.view = form.back_to;
        form = ResidentForm{};
        return;
    }
    Resident& r = form.resident;
    const bool adding = r.id.empty();
    Heading(ui, ui.T(adding ? SamplingText::ResidentNew : SamplingText::ResidentEdit));
    DrawSaveStatus(ui);
    if (DrawConflictHere(ui, state, r.id)) {
        if (const Resident* stored = ui.data.Sampling().Model().FindResident(r.id)) {
            r = *stored; // the version chosen
        }
    }
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float third = (ImGui::GetContentRegionAvail().x - 2 * gap) / 3.0f;
    // Building, unit and room side by side: they are short.
    ImGui::BeginGroup();
    ImGui::PushItemWidth(third);
    ImGui::BeginChild("addr-b", ImVec2(third, 0), ImGuiChildFlags_AutoResizeY);
    TextField(ui, "resident-building", ui.T(SamplingText::FieldBuilding),
              ui.T(SamplingText::FieldBuildingHint), r.building);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("addr-u", ImVec2(third, 0), ImGuiChildFlags_AutoResizeY);
    TextField(ui, "resident-unit", ui.T(SamplingText::FieldUnit), ui.T(SamplingText::FieldUnitHint),
              r.unit);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("addr-r", ImVec2(third, 0), ImGuiChildFlags_AutoResizeY);
    TextField(ui, "resident-room", ui.T(SamplingText::FieldRoom), ui.T(SamplingText::FieldRoomHint),
              r.room);
    ImGui::EndChild();
    ImGui::PopItemWidth();
    ImGui::EndGroup();
    TextField(ui, "resident-name", ui.T(ShellText::FieldName), ui.T(ShellText::FieldNameHint),
              r.name);
    TextField(ui, "resident-phone", ui.T(ShellText::FieldPhone), ui.T(ShellText::FieldPhoneHint),
              r.phone);
    TextField(ui, "resident-birth-year", ui.T(SamplingText::FieldBirthYear),
              ui.T(SamplingText::FieldBirthYearHint), form.birth_year);
    TextField(ui, "resident-id-number", ui.T(SamplingText::FieldIdNumber), "", r.id_number);
    TextField(ui, "resident-relation", ui.T(SamplingText::FieldRelation), "", r.relation);
    MutedText(ui.T(SamplingText::FieldFlags));
    const float half = (ImGui::GetContentRegionAvail().x - gap) * 0.5f;
    int column = 0;
    for (const uint32_t flag : kAllResidentFlags) {
        if (column == 1) {
            ImGui::SameLine();
        }
        const std::string id = std::string("flag-") + ResidentFlagKey(flag);
        if (SegmentOption(ui, ui.T(FlagText(flag)), id.c_str(), (r.flags & flag) != 0, half)) {
            r.flags ^= flag;
        }
        column = 1 - column;
    }
    TextField(ui, "resident-note", ui.T(SamplingText::FieldNote), ui.T(SamplingText::FieldNoteHint),
              r.note);
    for (size_t i = 0; i < form.problems.size(); ++i) {
        ErrorText(ui, ("resident-problem-" + std::to_string(i)).c_str(),
                  ProblemText(ui, form.problems[i]));
    }
    if (!form.error.empty()) {
        ErrorText(ui, "resident-error", form.error.c_str());
    }
    if (PrimaryButton(ui, ui.T(ShellText::ActionSave), "resident-save", half)) {
        const std::string year = TrimSpaces(form.birth_year);
        r.birth_year = year.empty() ? 0 : std::atoi(year.c_str());
        if (!year.empty() && r.birth_year == 0) {
            r.birth_year = -1; // not a number: reported as a bad birth year
        }
        const Outcome out = ui.data.Sampling().SaveResident(r, CurrentYear(ui.platform.NowMs()),
                                                            ui.platform.NowMs());
        form.problems = out.problems.Of<ResidentProblem>();
        form.error.clear();
        if (out.error) {
            form.error = *out.error == store::EditError::ReadOnly ? ui.T(ShellText::ReadOnlyRecord)
                                                                  : ui.T(ShellText::EditStale);
        }
        if (out.ok) {
            form.saving.Track(out);
            r.id = out.id;
            if (const Resident* stored = ui.data.Sampling().Model().FindResident(out.id)) {
                r.rev = stored->rev;
            }
        }
    }
    ImGui::SameLine();
    if (TouchButton(ui, ui.T(ShellText::ActionCancel), "resident-cancel", half)) {
        s.view = form.back_to;
        form = ResidentForm{};
        return;
    }
    if (!adding) {
        if (!form.confirm_delete) {
            if (TouchButton(ui, ui.T(ShellText::ActionDelete), "resident-delete")) {
                form.confirm_delete = true;
            }
        } else if (DangerButton(ui, ui.T(ShellText::ActionConfirmDelete),
                                "resident-delete-confirm")) {
            const Outcome out = ui.data.Sampling().RemoveResident(r.id, r.rev);
            if (out.ok) {
                s.view = form.back_to;
                form = ResidentForm{};
            } else {
                form.error = ui.T(ShellText::EditStale);
            }
        }
    }
}

} // namespace linli::ui
