// New post (新建岗位): name, place, kind, people per shift, days, three shifts a day
// (00-08, 08-16, 16-24 from today) or set change hours, and what the post requires. Saved
// with all its shifts in one write; the form stays until that write is durable.
#include <algorithm>
#include <cstdlib>
#include <imgui.h>

#include "ui/kit/widgets.hpp"
#include "ui/shell/screens.hpp"
#include "ui/volunteers/volunteers_widgets.hpp"

namespace linli::ui {

namespace {

int NumberOr(const std::string& text, int fallback) {
    const std::string t = TrimSpaces(text);
    if (t.empty() || t.size() > 4 || t.find_first_not_of("0123456789") != std::string::npos) {
        return t.empty() ? fallback : -1;
    }
    return std::atoi(t.c_str());
}

} // namespace

void OpenPostForm(AppState& state, int64_t now_ms) {
    PostForm& f = state.volunteers.post_form;
    f = PostForm{};
    f.draft.first_day_start = LocalDayStart(now_ms);
    f.draft.change_hours = "06/14/22";
    state.volunteers.view = VolunteersView::PostForm;
    ImGui::SetScrollY(0.0f);
}

void DrawPostForm(UiContext& ui, AppState& state) {
    VolunteersState& v = state.volunteers;
    PostForm& f = v.post_form;
    switch (f.saving.Poll(ui.data)) {
    case WriteState::Durable:
        v.view = VolunteersView::Home;
        return;
    case WriteState::Failed: // the save status says why; what was typed stays
    case WriteState::Pending:
    case WriteState::Nothing:
        break;
    }
    if (BackButton(ui, "post-form-back")) {
        v.view = VolunteersView::Home;
        return;
    }
    Heading(ui, ui.T(VolunteerText::PostFormTitle));
    DrawSaveStatus(ui);
    TextField(ui, "post-name", ui.T(VolunteerText::FieldPostName),
              ui.T(VolunteerText::FieldPostNameHint), f.draft.name);
    TextField(ui, "post-place", ui.T(VolunteerText::FieldPlace),
              ui.T(VolunteerText::FieldPlaceHint), f.draft.place);
    MutedText(ui.T(VolunteerText::FieldKind));
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float third = (ImGui::GetContentRegionAvail().x - 2 * gap) / 3.0f;
    int column = 0;
    for (const char* kind : kPostKinds) {
        if (column++ % 3 != 0) {
            ImGui::SameLine();
        }
        if (SegmentOption(ui, PostKindName(ui, kind), kind, f.draft.kind == kind, third)) {
            f.draft.kind = kind;
        }
    }
    TextField(ui, "post-max", ui.T(VolunteerText::FieldMaxPeople), "2", f.max_people);
    TextField(ui, "post-days", ui.T(VolunteerText::FieldDays), "7", f.days);
    TextField(ui, "post-min", ui.T(VolunteerText::FieldMinPeople), "1", f.min_people);
    CheckOption(ui, ui.T(VolunteerText::ThreeShifts), "three-shifts", f.three_shifts);
    if (f.three_shifts) {
        MutedText(ui.T(VolunteerText::ThreeShiftsNote));
    } else {
        TextField(ui, "post-hours", ui.T(VolunteerText::FieldChangeHours),
                  ui.T(VolunteerText::FieldChangeHoursHint), f.draft.change_hours);
    }
    MutedText(ui.T(VolunteerText::RequiredSkills));
    for (const char* skill : kVolunteerSkills) {
        bool on =
            std::find(f.draft.skills.begin(), f.draft.skills.end(), skill) != f.draft.skills.end();
        if (CheckOption(ui, SkillName(ui, skill), skill, on)) {
            if (on) {
                f.draft.skills.emplace_back(skill);
            } else {
                std::erase(f.draft.skills, std::string(skill));
            }
        }
    }
    TextField(ui, "post-test", ui.T(VolunteerText::FieldTestDays), "0", f.test_days);
    for (size_t i = 0; i < f.problems.size(); ++i) {
        ErrorText(ui, ("post-problem-" + std::to_string(i)).c_str(),
                  ShiftProblemText(ui, f.problems[i]));
    }
    if (PrimaryButton(ui, ui.T(ShellText::ActionSave), "post-save", -FLT_MIN) &&
        !f.saving.Waiting()) {
        PostDraft d = f.draft;
        d.max_people = NumberOr(f.max_people, 2);
        d.min_people = NumberOr(f.min_people, 1);
        d.days = NumberOr(f.days, 7);
        d.test_within_days = std::max(0, NumberOr(f.test_days, 0));
        d.min_people = std::min(d.min_people, std::max(d.max_people, 0));
        if (f.three_shifts) {
            d.change_hours = "0/8/16";
        }
        const Outcome result = ui.data.Shifts().CreatePost(d, ui.platform.NowMs());
        f.problems = result.problems.Of<ShiftProblem>();
        if (result.ok) {
            f.saving.Track(result);
        }
    }
}

} // namespace linli::ui
