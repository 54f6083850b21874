// Volunteer mode: a volunteer's phone opened from a sign-up link. It shows only the open
// shifts the link carries (no roster, no one else's phone, no staff screens), signs up
// (name and phone typed once), shows the reply code to send over WeChat, takes the
// confirmation code back, cancels, and checks in and out by scanning the post's code or
// typing its six digits. With sync (the volunteers' database, at the bottom) the offers,
// the sign-ups and staff's answers travel by themselves; the codes still work without it.
#include <imgui.h>

#include "ui/kit/theme.hpp"
#include "ui/kit/widgets.hpp"
#include "ui/shell/screens.hpp"
#include "ui/volunteers/volunteers_widgets.hpp"

namespace linli::ui {

namespace {

std::string ShiftWords(const UiContext& ui, const MySignUp& m, VolunteerText pattern) {
    const std::string until = EndClockLabel(m.end_ms);
    return Format(ui.T(pattern), m.post.name.c_str(), DayLabel(ui, m.start_ms).c_str(),
                  ClockLabel(m.start_ms).c_str(), until.c_str());
}

const char* StateWord(const UiContext& ui, MyState s) {
    switch (s) {
    case MyState::Sent:
        return ui.T(VolunteerText::VmStateSent);
    case MyState::Confirmed:
        return ui.T(VolunteerText::StateConfirmed);
    case MyState::Waitlist:
        return ui.T(VolunteerText::StateWaitlist);
    case MyState::Cancelled:
        return ui.T(VolunteerText::StateCancelled);
    case MyState::Refused:
        return ui.T(VolunteerText::ProblemDoubleBooked);
    case MyState::CancelSent:
        return ui.T(VolunteerText::VmStateCancelSent);
    }
    return "";
}

void ShowProblem(UiContext& ui, VolunteerModeState& mode, const Outcome& result) {
    mode.status_failed = true;
    const auto p = result.problems.Of<ShiftProblem>();
    mode.status = !p.empty() ? ShiftProblemText(ui, p.front()) : ui.T(ShellText::EditStale);
}

void ApplyConfirmation(UiContext& ui, VolunteerModeState& mode) {
    ShiftsService& shifts = ui.data.Shifts();
    const Outcome result = shifts.ApplyConfirmation(mode.confirmation, ui.platform.NowMs());
    if (!result.ok) {
        ShowProblem(ui, mode, result);
        return;
    }
    mode.status_failed = false;
    std::vector<std::string> lines;
    for (const EffectOn& e : result.effects) {
        const MySignUp* m = shifts.Model().FindMine(e.subject);
        if (m == nullptr) {
            continue;
        }
        VolunteerText pattern = VolunteerText::VmConfirmed;
        if (e.effect == Effect::Waitlisted) {
            pattern = VolunteerText::VmWaitlisted;
        } else if (e.effect == Effect::SignUpCancelled) {
            pattern = VolunteerText::VmCancelled;
        } else if (e.effect == Effect::SignUpRefused) {
            pattern = VolunteerText::VmRefused;
        }
        std::string line = ShiftWords(ui, *m, pattern);
        // The shift whose code was just sent comes first.
        if (m->id == mode.shown_reply) {
            lines.insert(lines.begin(), line);
        } else {
            lines.push_back(line);
        }
    }
    mode.status.clear();
    for (const std::string& l : lines) {
        mode.status += (mode.status.empty() ? "" : "\n") + l;
    }
    if (mode.status.empty()) {
        mode.status = ui.T(VolunteerText::VmNothingNew);
    }
    mode.entering_confirmation = false;
    mode.confirmation.clear();
}

void CheckIn(UiContext& ui, VolunteerModeState& mode, const std::string& code) {
    const Outcome result = ui.data.Shifts().CheckInHere(code, ui.platform.NowMs());
    if (!result.ok) {
        ShowProblem(ui, mode, result);
        return;
    }
    mode.status_failed = false;
    const std::string now = ClockLabel(ui.platform.NowMs());
    mode.status = result.Did(Effect::CheckedOut)
                      ? Format(ui.T(VolunteerText::VmCheckedOut), now.c_str())
                      : Format(ui.T(VolunteerText::VmCheckedIn), now.c_str());
    mode.shown_reply = result.id;
    mode.copied = false;
    mode.checkin_code.clear();
}

void DrawSignUpForm(UiContext& ui, AppState& state) {
    VolunteerModeState& mode = state.volunteers.mode;
    ShiftsService& shifts = ui.data.Shifts();
    MySignUp shown;
    for (const auto& open : shifts.OpenShifts(ui.platform.NowMs())) {
        if (open.post.key == mode.post_key && open.shift.start_ms == mode.start_ms) {
            shown.post = open.post;
            shown.start_ms = open.shift.start_ms;
            shown.end_ms = open.shift.end_ms;
        }
    }
    SectionTitle(ui, ShiftWords(ui, shown, VolunteerText::VmSigningUp).c_str());
    const MyProfile* profile = shifts.Model().Profile();
    if (profile == nullptr) {
        TextField(ui, "vm-name", ui.T(ShellText::FieldName), ui.T(ShellText::FieldNameHint),
                  mode.name);
        TextField(ui, "vm-phone", ui.T(ShellText::FieldPhone), ui.T(ShellText::FieldPhoneHint),
                  mode.phone);
    } else {
        MutedText((profile->name + "  " + profile->phone).c_str());
    }
    for (size_t i = 0; i < mode.problems.size(); ++i) {
        const VolunteerProblem p = mode.problems[i];
        const char* text =
            p == VolunteerProblem::PhoneMissing   ? ui.T(VolunteerText::ProblemPhoneMissing)
            : p == VolunteerProblem::PhoneInvalid ? ui.T(VolunteerText::ProblemPhoneInvalid)
            : p == VolunteerProblem::NameTooLong  ? ui.T(ShellText::ProblemNameTooLong)
                                                  : ui.T(ShellText::ProblemNameMissing);
        ErrorText(ui, ("vm-problem-" + std::to_string(i)).c_str(), text);
    }
    if (!mode.problem.empty()) {
        ErrorText(ui, "vm-problem", mode.problem.c_str());
    }
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float half = (ImGui::GetContentRegionAvail().x - gap) * 0.5f;
    if (PrimaryButton(ui, ui.T(VolunteerText::SubmitSignUp), "vm-submit", half) &&
        !mode.saving.Waiting()) {
        const std::string name = profile ? profile->name : mode.name;
        const std::string phone = profile ? profile->phone : mode.phone;
        const Outcome result = shifts.SignUpHere(mode.post_key, mode.start_ms, name, phone,
                                                 ui.platform.Random64(), ui.platform.NowMs());
        mode.problems = result.problems.Of<VolunteerProblem>();
        mode.problem.clear();
        if (const auto p = result.problems.Of<ShiftProblem>(); !p.empty()) {
            mode.problem = ShiftProblemText(ui, p.front());
        }
        if (result.ok) {
            mode.saving.Track(result);
            mode.shown_reply = result.id;
            mode.copied = false;
            mode.status.clear();
            mode.post_key.clear();
        }
    }
    ImGui::SameLine();
    if (TouchButton(ui, ui.T(ShellText::ActionCancel), "vm-form-cancel", half)) {
        mode.post_key.clear();
        mode.problems.clear();
        mode.problem.clear();
    }
}

void DrawMine(UiContext& ui, AppState& state) {
    VolunteerModeState& mode = state.volunteers.mode;
    ShiftsService& shifts = ui.data.Shifts();
    const auto mine = shifts.Model().Mine();
    if (mine.empty()) {
        return;
    }
    SectionTitle(ui, ui.T(VolunteerText::VmMine));
    const int64_t now = ui.platform.NowMs();
    bool waiting_for_staff = false;
    for (const MySignUp* m : mine) {
        if (m->end_ms < now - 24 * kHourMs) {
            continue;
        }
        waiting_for_staff = waiting_for_staff || m->state == MyState::Sent ||
                            m->state == MyState::Waitlist || m->state == MyState::CancelSent;
        ImGui::PushID(m->id.c_str());
        const std::string title = m->post.name + "  " + ShiftTimeLabel(ui, m->start_ms, m->end_ms);
        std::string detail = StateWord(ui, m->state);
        if (m->checked_in > 0) {
            detail +=
                " · " + Format(ui.T(VolunteerText::CheckedInAt), ClockLabel(m->checked_in).c_str());
        }
        if (m->checked_out > 0) {
            detail += " · " +
                      Format(ui.T(VolunteerText::CheckedOutAt), ClockLabel(m->checked_out).c_str());
        }
        if (ListRow(ui, "mine", title, detail)) {
            mode.shown_reply = m->id; // show its code again
            mode.copied = false;
        }
        const bool can_cancel = m->state == MyState::Sent || m->state == MyState::Confirmed ||
                                m->state == MyState::Waitlist;
        if (can_cancel && m->start_ms > now) {
            if (mode.confirm_cancel != m->id) {
                if (TouchButton(ui, ui.T(VolunteerText::VmCancel), "cancel")) {
                    mode.confirm_cancel = m->id;
                }
            } else if (DangerButton(ui, ui.T(VolunteerText::VmCancelConfirm), "cancel-confirm")) {
                const Outcome result = shifts.CancelHere(m->id, now);
                mode.confirm_cancel.clear();
                if (result.ok) {
                    mode.saving.Track(result);
                    mode.shown_reply = result.id;
                    mode.copied = false;
                }
            }
        }
        ImGui::PopID();
    }
    if (waiting_for_staff && !mode.entering_confirmation &&
        TouchButton(ui, ui.T(VolunteerText::EnterConfirmation), "vm-enter-confirmation")) {
        mode.entering_confirmation = true;
    }
    // Check-in: on a shift that is on now (or within the hour).
    bool on_duty = false;
    for (const MySignUp* m : mine) {
        on_duty = on_duty || (m->state == MyState::Confirmed && m->start_ms - kHourMs <= now &&
                              now < m->end_ms + kHourMs);
    }
    if (on_duty) {
        if (PrimaryButton(ui, ui.T(VolunteerText::VmCheckIn), "vm-scan", -FLT_MIN)) {
            state.scan.waiting = ScanFor::CheckIn;
            state.scan.message = ui.T(VolunteerText::CameraStarting);
            ui.platform.StartScanner();
        }
        if (state.scan.waiting == ScanFor::CheckIn || !state.scan.message.empty()) {
            MutedText(state.scan.message.c_str());
        }
        TextField(ui, "vm-checkin-code", ui.T(VolunteerText::VmCheckInCode),
                  ui.T(VolunteerText::VmCheckInHint), mode.checkin_code);
        if (TouchButton(ui, ui.T(VolunteerText::VmCheckInButton), "vm-checkin")) {
            CheckIn(ui, mode, mode.checkin_code);
        }
    }
}

} // namespace

void VolunteerModeScanned(UiContext& ui, AppState& state, const std::string& text) {
    state.scan.message.clear();
    CheckIn(ui, state.volunteers.mode, text);
}

void DrawVolunteerMode(UiContext& ui, AppState& state) {
    VolunteerModeState& mode = state.volunteers.mode;
    ShiftsService& shifts = ui.data.Shifts();
    const int64_t now = ui.platform.NowMs();
    mode.saving.Poll(ui.data);
    Heading(ui, ui.T(VolunteerText::VmTitle));
    DrawSaveStatus(ui);
    if (!mode.link_error.empty()) {
        ErrorText(ui, "vm-link-error", mode.link_error.c_str());
    }
    if (!mode.status.empty()) {
        StatusText(ui, "vm-status", mode.status.c_str(),
                   mode.status_failed ? colors::kDanger : colors::kPrimary);
    }
    if (const MySignUp* shown = shifts.Model().FindMine(mode.shown_reply);
        shown != nullptr && !shown->reply.empty() && !mode.saving.Waiting()) {
        // A sign-up or a cancel waits for a confirmation; a check-in only goes to staff.
        if (shown->state == MyState::Sent || shown->state == MyState::CancelSent) {
            const SyncService& sync = ui.data.Sync();
            const bool synced = sync.Configured() && sync.Role() == SyncRole::Volunteer;
            if (synced) {
                StatusText(ui, "vm-sent-by-sync", ui.T(SyncText::SentBySync), 0);
            } else {
                MutedText(ui.T(VolunteerText::ReplyExplain));
            }
        }
        DrawCodeToSend(ui, "vm-reply",
                       Format(ui.T(VolunteerText::ReplyStatus), shown->reply.c_str()), shown->reply,
                       ui.T(VolunteerText::CopyReply), mode.qr, mode.copied);
    }
    if (mode.entering_confirmation) {
        TextField(ui, "vm-confirmation", ui.T(VolunteerText::ConfirmationField), "LLC-...",
                  mode.confirmation);
        if (PrimaryButton(ui, ui.T(VolunteerText::ConfirmButton), "vm-confirm", -FLT_MIN)) {
            ApplyConfirmation(ui, mode);
        }
    }
    if (!mode.post_key.empty()) {
        DrawSignUpForm(ui, state);
        return;
    }
    DrawMine(ui, state);
    SectionTitle(ui, ui.T(VolunteerText::VmOpenShifts));
    const auto open = shifts.OpenShifts(now);
    MutedText(open.empty() ? ui.T(VolunteerText::VmNoShifts) : ui.T(VolunteerText::VmExplain));
    for (const auto& o : open) {
        const std::string id = MySignUpIdFor(o.post.key, o.shift.start_ms);
        const MySignUp* mine = shifts.Model().FindMine(id);
        const bool taken =
            mine != nullptr && mine->state != MyState::Cancelled && mine->state != MyState::Refused;
        if (taken) {
            continue; // under "my shifts"
        }
        ImGui::PushID(id.c_str());
        SectionTitle(
            ui,
            (o.post.name + "  " + ShiftTimeLabel(ui, o.shift.start_ms, o.shift.end_ms)).c_str());
        std::string detail = o.shift.free > 0 ? Format(ui.T(VolunteerText::VmFree), o.shift.free)
                                              : std::string(ui.T(VolunteerText::VmFull));
        if (!o.post.place.empty()) {
            detail = o.post.place + " · " + detail;
        }
        const std::string needs = RequirementsText(ui, o.post.skills, o.post.test_within_days);
        if (!needs.empty()) {
            detail += " · " + Format(ui.T(VolunteerText::VmNeeds), needs.c_str());
        }
        MutedText(detail.c_str());
        if (TouchButton(ui, ui.T(VolunteerText::SignUp), "signup")) {
            mode.post_key = o.post.key;
            mode.start_ms = o.shift.start_ms;
            mode.problems.clear();
            mode.problem.clear();
            ImGui::SetScrollY(0.0f);
        }
        ImGui::PopID();
    }
    // Optional: with the volunteers' database (…/linli-volunteers) and a volunteer account,
    // open shifts and staff's answers arrive by themselves and sign-ups go up.
    DrawSyncSection(ui, state);
}

} // namespace linli::ui
