// A post: its place and requirements, the check-in code, and its shifts day by day with
// how full each is (tap one to see and place people).
#include <imgui.h>

#include "ui/kit/theme.hpp"
#include "ui/kit/widgets.hpp"
#include "ui/shell/screens.hpp"
#include "ui/volunteers/volunteers_widgets.hpp"

namespace linli::ui {

void DrawPostView(UiContext& ui, AppState& state) {
    VolunteersState& v = state.volunteers;
    if (BackButton(ui, "post-back")) {
        v.view = VolunteersView::Home;
        return;
    }
    const ShiftsModel& m = ui.data.Shifts().Model();
    const PostRecord* post = m.FindPost(v.post_id);
    if (post == nullptr) {
        v.view = VolunteersView::Home;
        return;
    }
    Heading(ui, post->post.name.c_str());
    std::string detail = PostKindName(ui, post->kind);
    if (!post->post.place.empty()) {
        detail += " · " + post->post.place;
    }
    MutedText(detail.c_str());
    const std::string needs =
        RequirementsText(ui, post->post.skills, post->post.negative_test_within_days);
    if (!needs.empty()) {
        MutedText(Format(ui.T(VolunteerText::VmNeeds), needs.c_str()).c_str());
    }
    if (PrimaryButton(ui, ui.T(VolunteerText::ShowCheckInCode), "show-checkin", -FLT_MIN)) {
        v.view = VolunteersView::CheckInCode;
        return;
    }
    const int64_t now = ui.platform.NowMs();
    std::string day;
    for (const Shift* s : m.ShiftsOf(post->post.id)) {
        if (s->end <= now - 24 * kHourMs) {
            continue; // older than a day: in the hours, not in the way
        }
        const std::string this_day = DayLabel(ui, s->start);
        if (this_day != day) {
            SectionTitle(ui, this_day.c_str());
            day = this_day;
        }
        const int confirmed = m.ConfirmedCount(s->id);
        std::string title =
            ClockLabel(s->start) + "-" +
            (ClockLabel(s->end) == "00:00" ? std::string("24:00") : ClockLabel(s->end));
        std::string line =
            Format(ui.T(VolunteerText::ShiftPeople), confirmed, s->max_people, s->min_people);
        if (const int waiting = m.WaitlistCount(s->id); waiting > 0) {
            line += Format(ui.T(VolunteerText::ShiftWaitlist), waiting);
        }
        if (ListRow(ui, s->id.c_str(), title, line)) {
            OpenShiftView(state, s->id);
            return;
        }
    }
}

} // namespace linli::ui
