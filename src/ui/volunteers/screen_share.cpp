// Share the sign-up link (分享报名链接): the open shifts of the chosen posts for the next
// days, packed into the link itself (the site may have no server behind it), shown as a
// text field named 报名链接 whose value is the URL, a copy button and its QR code.
#include <imgui.h>

#include "ui/kit/widgets.hpp"
#include "ui/shell/screens.hpp"
#include "ui/volunteers/volunteers_widgets.hpp"

namespace linli::ui {

void DrawShareLink(UiContext& ui, AppState& state) {
    VolunteersState& v = state.volunteers;
    ShareState& share = v.share;
    if (BackButton(ui, "share-back")) {
        v.view = VolunteersView::Home;
        return;
    }
    Heading(ui, ui.T(VolunteerText::ShareTitle));
    MutedText(ui.T(VolunteerText::ShareExplain));
    ShiftsService& shifts = ui.data.Shifts();
    const auto posts = shifts.Model().Posts();
    bool all = share.posts.empty();
    if (CheckOption(ui, ui.T(VolunteerText::ShareAllPosts), "share-all", all) && all) {
        share.posts.clear();
    }
    for (const PostRecord* p : posts) {
        bool on =
            std::find(share.posts.begin(), share.posts.end(), p->post.id) != share.posts.end();
        if (CheckOption(ui, p->post.name.c_str(), ("share-" + p->post.id).c_str(), on)) {
            if (on) {
                share.posts.push_back(p->post.id);
            } else {
                std::erase(share.posts, p->post.id);
            }
        }
    }
    Stepper(ui, "share-days", ui.T(VolunteerText::ShareDays), share.days, 1, 14, "-", "+");
    const SignUpOffer offer = shifts.MakeOffer(share.posts, share.days, ui.platform.NowMs());
    if (offer.shifts.empty()) {
        MutedText(ui.T(VolunteerText::ShareNothing));
        return;
    }
    std::string link = ui.platform.SiteAddress() + "#v=" + EncodeOffer(offer);
    MutedText(Format(ui.T(VolunteerText::ShareSummary), static_cast<int>(offer.posts.size()),
                     static_cast<int>(offer.shifts.size()), static_cast<int>(link.size()))
                  .c_str());
    // Read-only in effect: what is typed into it is put back each frame.
    std::string shown = link;
    TextField(ui, "share-link-field", ui.T(VolunteerText::LinkField), "", shown);
    if (PrimaryButton(ui,
                      share.copied ? ui.T(VolunteerText::Copied) : ui.T(VolunteerText::CopyLink),
                      "share-copy", -FLT_MIN)) {
        ui.platform.CopyText(link);
        share.copied = true;
    }
    if (!DrawQr(ui, "share-qr", share.qr, link, 340.0f,
                Format(ui.T(VolunteerText::QrName), link.c_str()))) {
        ErrorText(ui, "share-qr-long", ui.T(VolunteerText::QrTooLong));
    }
}

} // namespace linli::ui
