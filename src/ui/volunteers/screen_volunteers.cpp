// Volunteers (志愿者), the staff desk: the ways in (new post, share the sign-up link,
// import a reply), the gaps of the next 24 hours first, who is on duty now, the posts,
// and the volunteer list and hours. Each sub-view has its own file.
#include <imgui.h>

#include "ui/kit/theme.hpp"
#include "ui/kit/widgets.hpp"
#include "ui/shell/screens.hpp"
#include "ui/volunteers/volunteers_widgets.hpp"

namespace linli::ui {

namespace {

void DrawGaps(UiContext& ui, AppState& state, int64_t now) {
    ShiftsService& shifts = ui.data.Shifts();
    SectionTitle(ui, ui.T(VolunteerText::GapsTitle));
    const auto gaps = shifts.GapsAt(now);
    if (gaps.empty()) {
        MutedText(ui.T(VolunteerText::GapsNone));
        return;
    }
    const ShiftsModel& m = shifts.Model();
    for (const Shift* s : gaps) {
        const PostRecord* post = m.FindPost(s->post_id);
        const std::string title =
            Format(ui.T(VolunteerText::GapLine), post ? post->post.name.c_str() : "",
                   s->min_people - m.ConfirmedCount(s->id));
        std::string detail = ShiftTimeLabel(ui, s->start, s->end);
        if (post != nullptr && !post->post.place.empty()) {
            detail += " · " + post->post.place;
        }
        if (ListRow(ui, s->id.c_str(), title, detail)) {
            OpenShiftView(state, s->id);
        }
    }
}

void DrawOnNow(UiContext& ui, AppState& state, int64_t now) {
    ShiftsService& shifts = ui.data.Shifts();
    SectionTitle(ui, ui.T(VolunteerText::OnNowTitle));
    const auto on = shifts.OnNowAt(now);
    if (on.empty()) {
        MutedText(ui.T(VolunteerText::OnNowNone));
        return;
    }
    const ShiftsModel& m = shifts.Model();
    for (const Shift* s : on) {
        const PostRecord* post = m.FindPost(s->post_id);
        std::string names;
        for (const SignUpRecord* r : m.SignUpsOf(s->id)) {
            if (r->signup.state != SignUpState::Confirmed) {
                continue;
            }
            const auto v = ui.data.Volunteers().Find(r->signup.volunteer_id);
            names += names.empty() ? "" : (ui.lang == Language::Chinese ? "、" : ", ");
            names += v ? v->name : "?";
        }
        const std::string title =
            Format(ui.T(VolunteerText::OnNowLine), post ? post->post.name.c_str() : "",
                   names.empty() ? ui.T(VolunteerText::NobodyYet) : names.c_str());
        if (ListRow(ui, ("now-" + s->id).c_str(), title, ShiftTimeLabel(ui, s->start, s->end))) {
            OpenShiftView(state, s->id);
        }
    }
}

void DrawHome(UiContext& ui, AppState& state) {
    VolunteersState& v = state.volunteers;
    const int64_t now = ui.platform.NowMs();
    Heading(ui, ui.T(VolunteerText::VolunteersTitle));
    DrawSaveStatus(ui);
    if (PrimaryButton(ui, ui.T(VolunteerText::NewPost), "new-post", -FLT_MIN)) {
        OpenPostForm(state, now);
        return;
    }
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float half = (ImGui::GetContentRegionAvail().x - gap) * 0.5f;
    if (TouchButton(ui, ui.T(VolunteerText::ShareLink), "share-link", half)) {
        v.share.copied = false;
        v.view = VolunteersView::Share;
        return;
    }
    ImGui::SameLine();
    if (TouchButton(ui, ui.T(VolunteerText::ImportReply), "import-reply", half)) {
        v.import = ReplyImportState{};
        v.view = VolunteersView::Import;
        return;
    }
    if (TouchButton(ui, ui.T(VolunteerText::PeopleTitle), "people", half)) {
        v.view = VolunteersView::People;
        return;
    }
    ImGui::SameLine();
    if (TouchButton(ui, ui.T(VolunteerText::HoursTitle), "hours", half)) {
        v.view = VolunteersView::Hours;
        return;
    }
    DrawGaps(ui, state, now);
    DrawOnNow(ui, state, now);
    SectionTitle(ui, ui.T(VolunteerText::PostsTitle));
    const ShiftsModel& m = ui.data.Shifts().Model();
    const auto posts = m.Posts();
    if (posts.empty()) {
        MutedText(ui.T(VolunteerText::PostsEmpty));
        return;
    }
    for (const PostRecord* p : posts) {
        const size_t count = m.ShiftsOf(p->post.id).size();
        std::string detail = PostKindName(ui, p->kind);
        if (!p->post.place.empty()) {
            detail += " · " + p->post.place;
        }
        detail += " · " + Format(ui.T(VolunteerText::ShiftCount), static_cast<int>(count));
        if (ListRow(ui, p->post.id.c_str(), p->post.name, detail)) {
            v.post_id = p->post.id;
            v.view = VolunteersView::Post;
            ImGui::SetScrollY(0.0f);
        }
    }
}

} // namespace

void OpenShiftView(AppState& state, const std::string& shift_id) {
    state.volunteers.shift = ShiftViewState{};
    state.volunteers.shift.shift_id = shift_id;
    state.volunteers.view = VolunteersView::Shift;
    ImGui::SetScrollY(0.0f);
}

void DrawVolunteersScreen(UiContext& ui, AppState& state) {
    switch (state.volunteers.view) {
    case VolunteersView::Home:
        DrawHome(ui, state);
        return;
    case VolunteersView::PostForm:
        DrawPostForm(ui, state);
        return;
    case VolunteersView::Post:
        DrawPostView(ui, state);
        return;
    case VolunteersView::Shift:
        DrawShiftView(ui, state);
        return;
    case VolunteersView::Share:
        DrawShareLink(ui, state);
        return;
    case VolunteersView::Import:
        DrawReplyImport(ui, state);
        return;
    case VolunteersView::CheckInCode:
        DrawCheckInCode(ui, state);
        return;
    case VolunteersView::People:
        DrawPeople(ui, state);
        return;
    case VolunteersView::Hours:
        DrawHours(ui, state);
        return;
    }
}

} // namespace linli::ui
