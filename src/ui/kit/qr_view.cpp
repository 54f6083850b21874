#include "ui/kit/qr_view.hpp"

#include <algorithm>
#include <imgui.h>

#include "ui/kit/theme.hpp"

namespace linli::ui {

bool DrawQr(UiContext& ui, const char* id, QrPicture& picture, const std::string& text, float size,
            const std::string& name) {
    if (!picture.encoded || picture.text != text) {
        picture.encoded = true;
        picture.text = text;
        picture.image = EncodeQr(text);
    }
    if (!picture.image || picture.image->size <= 0) {
        return false;
    }
    const QrImage& qr = *picture.image;
    const float width = std::min(size, ImGui::GetContentRegionAvail().x);
    const int modules = qr.size + 8; // four modules of quiet zone on each side
    const float cell = width / static_cast<float>(modules);
    const float left =
        ImGui::GetCursorScreenPos().x + (ImGui::GetContentRegionAvail().x - width) * 0.5f;
    const ImVec2 origin(left, ImGui::GetCursorScreenPos().y);
    ImGui::PushID(id);
    ImGui::Dummy(ImVec2(ImGui::GetContentRegionAvail().x, width));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + width), colors::kSurface);
    for (int y = 0; y < qr.size; ++y) {
        int x = 0;
        while (x < qr.size) {
            if (!qr.dark[static_cast<size_t>(y * qr.size + x)]) {
                ++x;
                continue;
            }
            int run = x;
            while (run < qr.size && qr.dark[static_cast<size_t>(y * qr.size + run)]) {
                ++run;
            }
            // One rectangle per dark run of a row: a dense code stays a few thousand quads.
            const ImVec2 a(origin.x + static_cast<float>(x + 4) * cell,
                           origin.y + static_cast<float>(y + 4) * cell);
            const ImVec2 b(origin.x + static_cast<float>(run + 4) * cell,
                           origin.y + static_cast<float>(y + 5) * cell);
            draw->AddRectFilled(a, b, colors::kText);
            x = run;
        }
    }
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    ui.a11y.AddStatus(ImGui::GetID("qr"), name, Rect{min.x, min.y, max.x - min.x, max.y - min.y});
    ImGui::PopID();
    return true;
}

} // namespace linli::ui
