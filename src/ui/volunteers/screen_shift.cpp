// One shift: who is confirmed and waiting, with check-in, check-out, no-show, promote,
// move and remove; a confirmation code for someone; and placing a volunteer by hand, with
// the conflicts shown before "place anyway" (double booking is always refused).
#include <imgui.h>

#include "ui/kit/theme.hpp"
#include "ui/kit/widgets.hpp"
#include "ui/shell/screens.hpp"
#include "ui/volunteers/volunteers_widgets.hpp"

namespace linli::ui {

namespace {

void Report(UiContext& ui, ShiftViewState& view, const Outcome& result) {
    view.message.clear();
    if (!result.problems.empty()) {
        view.message = ShiftProblemText(ui, result.problems.Of<ShiftProblem>().front());
    } else if (result.error) {
        view.message = ui.T(ShellText::EditStale);
    }
}

void DrawSignUp(UiContext& ui, AppState& state, const Shift& shift, const SignUpRecord& r) {
    ShiftViewState& view = state.volunteers.shift;
    ShiftsService& shifts = ui.data.Shifts();
    const int64_t now = ui.platform.NowMs();
    const auto v = ui.data.Volunteers().Find(r.signup.volunteer_id);
    const std::string name = v ? v->name : r.signup.volunteer_id;
    std::string detail;
    switch (r.signup.state) {
    case SignUpState::Confirmed:
        detail = ui.T(VolunteerText::StateConfirmed);
        break;
    case SignUpState::Waitlist:
        detail = ui.T(VolunteerText::StateWaitlist);
        break;
    case SignUpState::Cancelled:
        detail = ui.T(VolunteerText::StateCancelled);
        break;
    }
    if (r.signup.checked_in > 0) {
        detail += " · " +
                  Format(ui.T(VolunteerText::CheckedInAt), ClockLabel(r.signup.checked_in).c_str());
    }
    if (r.signup.checked_out > 0) {
        detail += " · " + Format(ui.T(VolunteerText::CheckedOutAt),
                                 ClockLabel(r.signup.checked_out).c_str());
    }
    if (r.no_show) {
        detail += " · " + std::string(ui.T(VolunteerText::NoShow));
    }
    for (const ShiftConflict c : shifts.ConflictsOf(shift.id, r.signup.volunteer_id)) {
        const ShiftProblem p = c == ShiftConflict::DoubleBooked    ? ShiftProblem::DoubleBooked
                               : c == ShiftConflict::TooLittleRest ? ShiftProblem::TooLittleRest
                               : c == ShiftConflict::MissingSkill  ? ShiftProblem::MissingSkill
                                                                   : ShiftProblem::TestTooOld;
        detail += " · " + std::string(ShiftProblemText(ui, p));
    }
    ImGui::PushID(r.id.c_str());
    SectionTitle(ui, (name + (v ? "  " + v->phone : "")).c_str());
    MutedText(detail.c_str());
    DrawConflictHere(ui, state, r.id);
    if (r.signup.state == SignUpState::Cancelled) {
        ImGui::PopID();
        return;
    }
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float third = (ImGui::GetContentRegionAvail().x - 2 * gap) / 3.0f;
    Outcome result;
    bool acted = false;
    if (r.signup.state == SignUpState::Confirmed) {
        if (r.signup.checked_in == 0 || r.signup.checked_out > 0) {
            if (TouchButton(ui, ui.T(VolunteerText::ActionCheckIn), "in", third)) {
                result = shifts.CheckIn(r.id, now);
                acted = true;
            }
        } else if (TouchButton(ui, ui.T(VolunteerText::ActionCheckOut), "out", third)) {
            result = shifts.CheckOut(r.id, now);
            acted = true;
        }
        ImGui::SameLine();
        if (TouchButton(ui, ui.T(VolunteerText::ActionNoShow), "noshow", third)) {
            result = shifts.MarkNoShow(r.id, !r.no_show, now);
            acted = true;
        }
        ImGui::SameLine();
    } else if (TouchButton(ui, ui.T(VolunteerText::ActionPromote), "promote", third)) {
        result = shifts.Promote(r.id, now);
        acted = true;
        ImGui::SameLine();
    } else {
        ImGui::SameLine();
    }
    if (view.confirm_remove != r.id) {
        if (TouchButton(ui, ui.T(VolunteerText::ActionRemove), "remove", third)) {
            view.confirm_remove = r.id; // a second tap removes
        }
    } else if (DangerButton(ui, ui.T(ShellText::ActionConfirmDelete), "remove-confirm", third)) {
        result = shifts.Cancel(r.id, now);
        acted = true;
        view.confirm_remove.clear();
    }
    const float half = (ImGui::GetContentRegionAvail().x - gap) * 0.5f;
    // The next shift of the same post, for "move".
    const auto siblings = shifts.Model().ShiftsOf(shift.post_id);
    const Shift* next = nullptr;
    for (const Shift* s : siblings) {
        if (s->start >= shift.end) {
            next = s;
            break;
        }
    }
    if (next != nullptr) {
        if (TouchButton(ui, ui.T(VolunteerText::ActionMove), "move", half)) {
            result = shifts.Move(r.id, next->id, now);
            acted = true;
        }
        ImGui::SameLine();
    }
    if (v && v->code_key != 0 &&
        TouchButton(ui, ui.T(VolunteerText::ActionSendCode), "code", next ? half : -FLT_MIN)) {
        view.confirmation = shifts.ConfirmationFor(v->id, now);
        view.copied = false;
    }
    if (acted) {
        Report(ui, view, result);
    }
    ImGui::PopID();
}

void DrawAssign(UiContext& ui, AppState& state, const Shift& shift) {
    ShiftViewState& view = state.volunteers.shift;
    SectionTitle(ui, ui.T(VolunteerText::AssignTitle));
    TextField(ui, "assign-search", ui.T(VolunteerText::AssignSearch),
              ui.T(VolunteerText::SearchHint), view.search);
    if (TrimSpaces(view.search).empty()) {
        return;
    }
    int shown = 0;
    for (const Volunteer& v : ui.data.Volunteers().List(view.search)) {
        if (shown++ >= 8) {
            break;
        }
        if (ListRow(ui, ("assign-" + v.id).c_str(), v.name, v.phone)) {
            const Outcome result =
                ui.data.Shifts().Assign(shift.id, v.id, ui.platform.NowMs(), false);
            view.warnings = result.problems.Of<ShiftProblem>();
            view.warn_volunteer = view.warnings.empty() ? "" : v.id;
            Report(ui, view, result);
            if (result.ok) {
                view.search.clear();
            }
        }
        if (view.warn_volunteer == v.id) {
            for (size_t i = 0; i < view.warnings.size(); ++i) {
                ErrorText(ui, ("warn-" + std::to_string(i)).c_str(),
                          ShiftProblemText(ui, view.warnings[i]));
            }
            const bool refused = std::find(view.warnings.begin(), view.warnings.end(),
                                           ShiftProblem::DoubleBooked) != view.warnings.end();
            if (!refused &&
                TouchButton(ui, ui.T(VolunteerText::AssignAnyway), ("anyway-" + v.id).c_str())) {
                const Outcome result =
                    ui.data.Shifts().Assign(shift.id, v.id, ui.platform.NowMs(), true);
                Report(ui, view, result);
                view.warnings.clear();
                view.warn_volunteer.clear();
                view.search.clear();
            }
        }
    }
}

} // namespace

void DrawShiftView(UiContext& ui, AppState& state) {
    VolunteersState& v = state.volunteers;
    ShiftViewState& view = v.shift;
    if (BackButton(ui, "shift-back")) {
        v.view = v.post_id.empty() ? VolunteersView::Home : VolunteersView::Post;
        return;
    }
    const ShiftsModel& m = ui.data.Shifts().Model();
    const Shift* found = m.FindShift(view.shift_id);
    const PostRecord* post = found ? m.FindPost(found->post_id) : nullptr;
    if (found == nullptr || post == nullptr) {
        v.view = VolunteersView::Home;
        return;
    }
    const Shift shift = *found; // actions below may re-index the model
    v.post_id = post->post.id;
    Heading(ui, post->post.name.c_str());
    MutedText(ShiftTimeLabel(ui, shift.start, shift.end).c_str());
    StatusText(ui, "shift-people",
               Format(ui.T(VolunteerText::ShiftPeople), m.ConfirmedCount(shift.id),
                      shift.max_people, shift.min_people)
                   .c_str());
    DrawSaveStatus(ui);
    if (!view.message.empty()) {
        ErrorText(ui, "shift-message", view.message.c_str());
    }
    if (!view.confirmation.empty()) {
        DrawCodeToSend(ui, "shift-code",
                       Format(ui.T(VolunteerText::ConfirmationStatus), view.confirmation.c_str()),
                       view.confirmation, ui.T(VolunteerText::CopyCode), view.qr, view.copied);
    }
    const std::vector<const SignUpRecord*> signups = m.SignUpsOf(shift.id);
    std::vector<SignUpRecord> copies;
    for (const SignUpRecord* r : signups) {
        copies.push_back(*r);
    }
    for (const SignUpRecord& r : copies) {
        DrawSignUp(ui, state, shift, r);
    }
    DrawAssign(ui, state, shift);
}

} // namespace linli::ui
