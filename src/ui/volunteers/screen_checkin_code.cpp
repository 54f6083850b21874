// A post's check-in code (签到码) on the staff phone: a QR code and six digits that change
// every minute; volunteers scan it (or type the digits) to check in and out.
#include <imgui.h>

#include "ui/kit/widgets.hpp"
#include "ui/shell/screens.hpp"
#include "ui/volunteers/volunteers_widgets.hpp"

namespace linli::ui {

void DrawCheckInCode(UiContext& ui, AppState& state) {
    VolunteersState& v = state.volunteers;
    if (BackButton(ui, "checkin-back")) {
        v.view = VolunteersView::Post;
        return;
    }
    const PostRecord* post = ui.data.Shifts().Model().FindPost(v.post_id);
    if (post == nullptr) {
        v.view = VolunteersView::Home;
        return;
    }
    Heading(
        ui,
        Format("%s · %s", post->post.name.c_str(), ui.T(VolunteerText::CheckInCodeTitle)).c_str());
    MutedText(ui.T(VolunteerText::CheckInCodeExplain));
    const int64_t minute = ui.platform.NowMs() / 60'000;
    state.wake_at_ms = (minute + 1) * 60'000; // the next code
    const std::string key = PostKeyOf(post->post.id);
    const uint32_t digits = PostCodeFor(post->secret, key, minute);
    const std::string code = EncodePostCheckIn({key, minute, digits});
    static_assert(sizeof(unsigned) >= 4);
    const std::string six = Format("%06u", static_cast<unsigned>(digits));
    DrawQr(ui, "checkin-qr", v.checkin_qr, code, 320.0f,
           Format(ui.T(VolunteerText::QrName), code.c_str()));
    ImGui::PushFont(nullptr, ui.metrics.heading_font * 1.6f);
    const float w = ImGui::CalcTextSize(six.c_str()).x;
    ImGui::SetCursorPosX((ImGui::GetContentRegionAvail().x - w) * 0.5f);
    StatusText(ui, "checkin-digits", six.c_str());
    ImGui::PopFont();
    MutedText(Format(ui.T(VolunteerText::CheckInDigits), six.c_str()).c_str());
}

} // namespace linli::ui
