// Import a reply (导入回执): a volunteer's reply code pasted from WeChat. The status says
// what it did (已报名, 已候补, a cancel, a check-in) or why it was refused, and a
// confirmation code (确认码) to send back shows once the write is durable.
#include <imgui.h>

#include "ui/kit/theme.hpp"
#include "ui/kit/widgets.hpp"
#include "ui/shell/screens.hpp"
#include "ui/volunteers/volunteers_widgets.hpp"

namespace linli::ui {

namespace {

std::string Describe(UiContext& ui, const Outcome& result) {
    const ShiftsModel& m = ui.data.Shifts().Model();
    const SignUpRecord* r = m.FindSignUp(result.id);
    const Shift* shift = r ? m.FindShift(r->signup.shift_id) : nullptr;
    const PostRecord* post = shift ? m.FindPost(shift->post_id) : nullptr;
    const auto v = r ? ui.data.Volunteers().Find(r->signup.volunteer_id) : std::nullopt;
    const std::string who = v ? v->name : "";
    const std::string what = (post ? post->post.name + " " : std::string()) +
                             (shift ? ShiftTimeLabel(ui, shift->start, shift->end) : std::string());
    VolunteerText pattern = VolunteerText::ImportedSignedUp;
    if (result.Did(Effect::CheckedIn)) {
        pattern = VolunteerText::ImportedCheckedIn;
    } else if (result.Did(Effect::CheckedOut)) {
        pattern = VolunteerText::ImportedCheckedOut;
    } else if (result.Did(Effect::SignUpCancelled)) {
        pattern = VolunteerText::ImportedCancelled;
    } else if (result.Did(Effect::Waitlisted)) {
        pattern = VolunteerText::ImportedWaitlisted;
    }
    std::string text = Format(ui.T(pattern), who.c_str(), what.c_str());
    if (result.Did(Effect::Unchanged)) {
        text += ui.T(VolunteerText::ImportedAgain);
    }
    for (const EffectOn& e : result.effects) {
        if (e.effect != Effect::Promoted) {
            continue;
        }
        const SignUpRecord* promoted = m.FindSignUp(e.subject);
        const auto pv =
            promoted ? ui.data.Volunteers().Find(promoted->signup.volunteer_id) : std::nullopt;
        text += "\n" + Format(ui.T(VolunteerText::ImportedPromoted), pv ? pv->name.c_str() : "");
    }
    return text;
}

} // namespace

void DrawReplyImport(UiContext& ui, AppState& state) {
    VolunteersState& v = state.volunteers;
    ReplyImportState& im = v.import;
    if (BackButton(ui, "import-back")) {
        v.view = VolunteersView::Home;
        return;
    }
    Heading(ui, ui.T(VolunteerText::ImportTitle));
    MutedText(ui.T(VolunteerText::ImportExplain));
    DrawSaveStatus(ui);
    TextField(ui, "reply-code", ui.T(VolunteerText::ReplyField), ui.T(VolunteerText::ReplyHint),
              im.code);
    if (PrimaryButton(ui, ui.T(VolunteerText::ImportButton), "reply-import", -FLT_MIN) &&
        !im.saving.Waiting()) {
        const int64_t now = ui.platform.NowMs();
        const Outcome result = ui.data.Shifts().ImportReply(im.code, now);
        im.confirmation.clear();
        im.copied = false;
        im.failed = !result.ok;
        if (!result.ok) {
            const auto problems = result.problems.Of<ShiftProblem>();
            const auto person = result.problems.Of<VolunteerProblem>();
            im.status = !problems.empty() ? ShiftProblemText(ui, problems.front())
                        : !person.empty() ? ui.T(VolunteerText::ProblemCodeDamaged)
                                          : ui.T(ShellText::EditStale);
            // A refused sign-up is still told back (as refused), so the phone knows.
            if (problems.empty() || problems.front() == ShiftProblem::DoubleBooked ||
                problems.front() == ShiftProblem::ShiftOver) {
                im.confirmation = ui.data.Shifts().ConfirmationForReply(im.code, now);
            }
        } else {
            im.status = Describe(ui, result);
            im.saving.Track(result);
            im.confirmation = ui.data.Shifts().ConfirmationForReply(im.code, now);
        }
    }
    const WriteState written = im.saving.Poll(ui.data);
    if (written == WriteState::Failed) {
        im.failed = true;
        im.confirmation.clear(); // nothing was kept: the code can be imported again
    }
    if (!im.status.empty()) {
        StatusText(ui, "reply-status", im.status.c_str(),
                   im.failed ? colors::kDanger : colors::kPrimary);
    }
    if (!im.confirmation.empty() && !im.saving.Waiting()) {
        MutedText(ui.T(VolunteerText::ConfirmationExplain));
        DrawCodeToSend(ui, "confirmation",
                       Format(ui.T(VolunteerText::ConfirmationStatus), im.confirmation.c_str()),
                       im.confirmation, ui.T(VolunteerText::CopyCode), im.qr, im.copied);
    }
}

} // namespace linli::ui
