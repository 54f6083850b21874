// Volunteers (志愿者): the list, search, and a form to add, edit or delete one. (Shifts,
// posts and sign-ups come with the volunteer issue.)
#include <cstdio>
#include <imgui.h>
#include <string>

#include "ui/kit/widgets.hpp"
#include "ui/shell/screens.hpp"

namespace linli::ui {
namespace {

const char* ProblemText(const UiContext& ui, VolunteerProblem p) {
    switch (p) {
    case VolunteerProblem::NameMissing:
        return ui.T(ShellText::ProblemNameMissing);
    case VolunteerProblem::NameTooLong:
        return ui.T(ShellText::ProblemNameTooLong);
    case VolunteerProblem::PhoneMissing:
        return ui.T(VolunteerText::ProblemPhoneMissing);
    case VolunteerProblem::PhoneInvalid:
        return ui.T(VolunteerText::ProblemPhoneInvalid);
    }
    return "";
}

void EditErrorText(UiContext& ui, store::EditError e, std::string& out) {
    out = e == store::EditError::ReadOnly ? ui.T(ShellText::ReadOnlyRecord)
                                          : ui.T(ShellText::EditStale);
}

void DrawForm(UiContext& ui, AppState& state) {
    VolunteerForm& form = state.volunteers.form;
    switch (form.saving.Poll(ui.data)) {
    case WriteState::Durable:
        form = VolunteerForm{};
        return;
    case WriteState::Failed:
        // Keep what was typed; the save status says why. Saving again makes a new
        // record (the failed one was rolled back).
        if (const auto stored = ui.data.Volunteers().Find(form.id)) {
            form.rev = stored->rev;
        } else {
            form.id.clear();
            form.rev.clear();
        }
        break;
    case WriteState::Pending:
    case WriteState::Nothing:
        break;
    }
    const bool adding = form.id.empty();
    SectionTitle(ui, ui.T(adding ? VolunteerText::VolunteerNew : VolunteerText::VolunteerEdit));
    TextField(ui, "volunteer-name", ui.T(ShellText::FieldName), ui.T(ShellText::FieldNameHint),
              form.name);
    TextField(ui, "volunteer-phone", ui.T(ShellText::FieldPhone), ui.T(ShellText::FieldPhoneHint),
              form.phone);
    for (size_t i = 0; i < form.problems.size(); ++i) {
        ErrorText(ui, ("problem-" + std::to_string(i)).c_str(), ProblemText(ui, form.problems[i]));
    }
    if (!form.error.empty()) {
        ErrorText(ui, "form-error", form.error.c_str());
    }
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float half = (ImGui::GetContentRegionAvail().x - gap) * 0.5f;
    if (PrimaryButton(ui, ui.T(ShellText::ActionSave), "volunteer-save", half)) {
        Outcome result;
        if (adding) {
            result = ui.data.Volunteers().Add(form.name, form.phone, ui.platform.NowMs());
        } else {
            Volunteer edited;
            edited.id = form.id;
            edited.rev = form.rev;
            edited.name = form.name;
            edited.phone = form.phone;
            result = ui.data.Volunteers().Update(edited, ui.platform.NowMs());
        }
        form.problems = result.problems.Of<VolunteerProblem>();
        form.error.clear();
        if (result.error) {
            EditErrorText(ui, *result.error, form.error);
        }
        if (result.ok) {
            form.saving.Track(result);
            form.id = result.id;
            form.rev = ui.data.Volunteers().Find(result.id)->rev;
        }
    }
    ImGui::SameLine();
    if (TouchButton(ui, ui.T(ShellText::ActionCancel), "volunteer-cancel", half)) {
        form = VolunteerForm{};
    }
    if (!adding && form.open) {
        if (!form.confirm_delete) {
            if (TouchButton(ui, ui.T(ShellText::ActionDelete), "volunteer-delete")) {
                form.confirm_delete = true; // a second tap confirms: no accidental deletes
            }
        } else if (DangerButton(ui, ui.T(ShellText::ActionConfirmDelete),
                                "volunteer-delete-confirm")) {
            const Outcome result = ui.data.Volunteers().Remove(form.id, form.rev);
            if (result.ok) {
                form = VolunteerForm{};
            } else if (result.error) {
                EditErrorText(ui, *result.error, form.error);
            }
        }
    }
    ImGui::Separator();
}

} // namespace

void DrawVolunteersScreen(UiContext& ui, AppState& state) {
    Heading(ui, ui.T(VolunteerText::VolunteersTitle));
    DrawSaveStatus(ui);
    VolunteerForm& form = state.volunteers.form;
    if (form.open) {
        DrawForm(ui, state);
    } else if (PrimaryButton(ui, ui.T(VolunteerText::VolunteerAdd), "volunteer-add")) {
        form = VolunteerForm{};
        form.open = true;
    }
    TextField(ui, "volunteer-search", ui.T(ShellText::SearchLabel), ui.T(VolunteerText::SearchHint),
              state.volunteers.search);
    const auto volunteers = ui.data.Volunteers().List(state.volunteers.search);
    if (volunteers.empty()) {
        if (state.volunteers.search.empty()) {
            MutedText(ui.T(VolunteerText::VolunteersEmpty));
        } else {
            char buf[256];
            std::snprintf(buf, sizeof buf, ui.T(ShellText::SearchNoMatch),
                          state.volunteers.search.c_str());
            MutedText(buf);
        }
        return;
    }
    char count[64];
    std::snprintf(count, sizeof count, ui.T(VolunteerText::VolunteerCount),
                  static_cast<int>(volunteers.size()));
    MutedText(count);
    for (const Volunteer& v : volunteers) {
        if (ListRow(ui, v.id.c_str(), v.name, v.phone)) {
            form = VolunteerForm{};
            form.open = true;
            form.id = v.id;
            form.rev = v.rev;
            form.name = v.name;
            form.phone = v.phone;
            ImGui::SetScrollY(0.0f); // the form is at the top
        }
    }
}

} // namespace linli::ui
