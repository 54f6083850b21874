// The volunteer list (志愿者名单): search as in the roster, a form to add, edit or delete
// one (category, skills, latest negative test, note), and a spreadsheet import.
#include <imgui.h>

#include "io/sheet.hpp"
#include "ui/kit/sheet_messages.hpp"
#include "ui/kit/theme.hpp"
#include "ui/kit/widgets.hpp"
#include "ui/sampling/sampling_widgets.hpp"
#include "ui/shell/screens.hpp"
#include "ui/volunteers/volunteers_widgets.hpp"

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

void DrawDetails(UiContext& ui, VolunteerForm& form) {
    Volunteer& v = form.volunteer;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    MutedText(ui.T(VolunteerText::FieldCategory));
    const float third = (ImGui::GetContentRegionAvail().x - 2 * gap) / 3.0f;
    int column = 0;
    for (const char* c : kVolunteerCategories) {
        if (column++ % 3 != 0) {
            ImGui::SameLine();
        }
        if (SegmentOption(ui, CategoryName(ui, c), c, v.category == c, third)) {
            v.category = v.category == c ? "" : c; // a second tap clears it
        }
    }
    MutedText(ui.T(VolunteerText::FieldSkills));
    for (const char* skill : kVolunteerSkills) {
        bool on = std::find(v.skills.begin(), v.skills.end(), skill) != v.skills.end();
        if (CheckOption(ui, SkillName(ui, skill), skill, on)) {
            if (on) {
                v.skills.emplace_back(skill);
            } else {
                std::erase(v.skills, std::string(skill));
            }
        }
    }
    TextField(ui, "volunteer-test", ui.T(VolunteerText::FieldTestDate),
              ui.T(VolunteerText::FieldTestDateHint), form.test_date);
    TextField(ui, "volunteer-note", ui.T(VolunteerText::FieldNote), "", v.note);
}

void DrawForm(UiContext& ui, AppState& state) {
    VolunteerForm& form = state.volunteers.form;
    Volunteer& v = form.volunteer;
    switch (form.saving.Poll(ui.data)) {
    case WriteState::Durable:
        form = VolunteerForm{};
        return;
    case WriteState::Failed:
        // Keep what was typed; the save status says why. Saving again makes a new
        // record (the failed one was rolled back).
        if (const auto stored = ui.data.Volunteers().Find(v.id)) {
            v.rev = stored->rev;
        } else {
            v.id.clear();
            v.rev.clear();
        }
        break;
    case WriteState::Pending:
    case WriteState::Nothing:
        break;
    }
    const bool adding = v.id.empty();
    SectionTitle(ui, ui.T(adding ? VolunteerText::VolunteerNew : VolunteerText::VolunteerEdit));
    if (DrawConflictHere(ui, state, v.id)) {
        if (const auto stored = ui.data.Volunteers().Find(v.id)) {
            v = *stored; // the version chosen
        }
    }
    TextField(ui, "volunteer-name", ui.T(ShellText::FieldName), ui.T(ShellText::FieldNameHint),
              v.name);
    TextField(ui, "volunteer-phone", ui.T(ShellText::FieldPhone), ui.T(ShellText::FieldPhoneHint),
              v.phone);
    // The details fold away: adding someone at the desk takes a name and a phone.
    CheckOption(ui, ui.T(VolunteerText::MoreDetails), "volunteer-more", form.more);
    if (form.more) {
        DrawDetails(ui, form);
    }
    for (size_t i = 0; i < form.problems.size(); ++i) {
        ErrorText(ui, ("problem-" + std::to_string(i)).c_str(), ProblemText(ui, form.problems[i]));
    }
    if (form.test_date_bad) {
        ErrorText(ui, "problem-test", ui.T(VolunteerText::ProblemTestDate));
    }
    if (!form.error.empty()) {
        ErrorText(ui, "form-error", form.error.c_str());
    }
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float half = (ImGui::GetContentRegionAvail().x - gap) * 0.5f;
    if (PrimaryButton(ui, ui.T(ShellText::ActionSave), "volunteer-save", half) &&
        !form.saving.Waiting()) {
        const int64_t now = ui.platform.NowMs();
        const std::string date = TrimSpaces(form.test_date);
        const int64_t test = date.empty() ? 0 : ParseLocalDate(date);
        form.test_date_bad = !date.empty() && (test == 0 || test > now);
        Outcome result;
        if (!form.test_date_bad) {
            v.last_negative_test = test;
            result =
                adding ? ui.data.Volunteers().Add(v, now) : ui.data.Volunteers().Update(v, now);
        }
        form.problems = result.problems.Of<VolunteerProblem>();
        form.error.clear();
        if (result.error) {
            EditErrorText(ui, *result.error, form.error);
        }
        if (result.ok) {
            form.saving.Track(result);
            v.id = result.id;
            v.rev = ui.data.Volunteers().Find(result.id)->rev;
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
            const Outcome result = ui.data.Volunteers().Remove(v.id, v.rev);
            if (result.ok) {
                form = VolunteerForm{};
            } else if (result.error) {
                EditErrorText(ui, *result.error, form.error);
            }
        }
    }
    ImGui::Separator();
}

std::string Detail(const UiContext& ui, const Volunteer& v) {
    std::string d = v.phone;
    if (const char* c = CategoryName(ui, v.category); c[0] != '\0') {
        d += " · " + std::string(c);
    }
    for (const std::string& s : v.skills) {
        d += " · " + std::string(SkillName(ui, s));
    }
    if (v.last_negative_test > 0) {
        d += " · " +
             Format(ui.T(VolunteerText::TestDateShown), TodayDate(v.last_negative_test).c_str());
    }
    return d;
}

} // namespace

void VolunteersFileOpened(UiContext& ui, AppState& state, const std::string&,
                          const std::string& bytes) {
    VolunteersState& v = state.volunteers;
    const SheetRows sheet = ReadSheetRows(bytes);
    v.people_failed = true;
    if (sheet.error != SheetError::None) {
        v.people_message = SheetErrorText(ui, sheet);
        return;
    }
    std::vector<std::vector<std::string>> rows;
    for (const CsvRow& r : sheet.rows) {
        rows.push_back(r.cells);
    }
    const VolunteerSheet parsed = VolunteersFromRows(rows);
    if (!parsed.header_found) {
        v.people_message = ui.T(VolunteerText::ImportNoHeader);
        return;
    }
    int added = 0, updated = 0;
    const Outcome result =
        ui.data.Volunteers().ImportSheet(parsed, ui.platform.NowMs(), added, updated);
    v.people_failed = !result.ok;
    v.people_message = result.ok ? Format(ui.T(VolunteerText::ImportDone), added, updated,
                                          static_cast<int>(parsed.bad_rows.size()))
                                 : ui.T(ShellText::EditStale);
}

void VolunteersFileFailed(UiContext&, AppState& state, const std::string& message) {
    state.volunteers.people_failed = true;
    state.volunteers.people_message = message;
}

void DrawPeople(UiContext& ui, AppState& state) {
    VolunteersState& s = state.volunteers;
    if (BackButton(ui, "people-back")) {
        s.view = VolunteersView::Home;
        return;
    }
    Heading(ui, ui.T(VolunteerText::PeopleTitle));
    DrawSaveStatus(ui);
    VolunteerForm& form = s.form;
    if (form.open) {
        DrawForm(ui, state);
    } else {
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        const float half = (ImGui::GetContentRegionAvail().x - gap) * 0.5f;
        if (PrimaryButton(ui, ui.T(VolunteerText::VolunteerAdd), "volunteer-add", half)) {
            form = VolunteerForm{};
            form.open = true;
        }
        ImGui::SameLine();
        if (TouchButton(ui, ui.T(VolunteerText::ImportSheet), "volunteer-import", half)) {
            state.file_for = Area::Volunteers;
            s.people_message.clear();
            ui.platform.OpenFile(kSheetAccept);
        }
    }
    if (!s.people_message.empty()) {
        StatusText(ui, "people-status", s.people_message.c_str(),
                   s.people_failed ? colors::kDanger : colors::kPrimary);
    }
    TextField(ui, "volunteer-search", ui.T(ShellText::SearchLabel), ui.T(VolunteerText::SearchHint),
              s.search);
    const auto volunteers = ui.data.Volunteers().List(s.search);
    if (volunteers.empty()) {
        MutedText(s.search.empty()
                      ? ui.T(VolunteerText::VolunteersEmpty)
                      : Format(ui.T(ShellText::SearchNoMatch), s.search.c_str()).c_str());
        return;
    }
    MutedText(
        Format(ui.T(VolunteerText::VolunteerCount), static_cast<int>(volunteers.size())).c_str());
    for (const Volunteer& v : volunteers) {
        if (ListRow(ui, v.id.c_str(), v.name, Detail(ui, v))) {
            form = VolunteerForm{};
            form.open = true;
            form.volunteer = v;
            form.test_date = v.last_negative_test > 0 ? TodayDate(v.last_negative_test) : "";
            form.more = !v.category.empty() || !v.skills.empty() || v.last_negative_test > 0 ||
                        !v.note.empty();
            ImGui::SetScrollY(0.0f); // the form is at the top
        }
    }
}

} // namespace linli::ui
