#include "ui/kit/theme.hpp"

namespace linli {

void ApplyTheme(ImGuiStyle& style, const Metrics& m) {
    ImGui::StyleColorsLight(&style);
    style.FontSizeBase = m.body_font;
    // A change mid-frame (the text size in Settings) is taken at the next NewFrame; ImGui
    // 1.92 restores FontSizeBase from its font stack until then.
    style._NextFrameFontSizeBase = m.body_font;
    // Frame height = font + 2 * FramePadding.y: a 48 px touch target at an 18 px font.
    style.FramePadding = ImVec2(14.0f, (m.touch_target - m.body_font) * 0.5f);
    style.ItemSpacing = ImVec2(10.0f, 12.0f);
    style.ItemInnerSpacing = ImVec2(10.0f, 8.0f);
    style.WindowPadding = ImVec2(m.padding, m.padding);
    style.FrameRounding = 8.0f;
    style.WindowRounding = 0.0f;
    style.ChildRounding = 0.0f;
    style.GrabMinSize = 24.0f;
    style.ScrollbarSize = 6.0f; // lists scroll by dragging; the bar only shows where you are
    style.TouchExtraPadding = ImVec2(4.0f, 4.0f);
    style.WindowBorderSize = 0.0f;
    style.FrameBorderSize = 1.0f;

    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(colors::kText);
    c[ImGuiCol_TextDisabled] = ImGui::ColorConvertU32ToFloat4(colors::kTextMuted);
    c[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(colors::kBackground);
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_FrameBg] = ImGui::ColorConvertU32ToFloat4(colors::kSurface);
    c[ImGuiCol_Border] = ImGui::ColorConvertU32ToFloat4(colors::kBorder);
    c[ImGuiCol_Button] = ImGui::ColorConvertU32ToFloat4(colors::kSurface);
    c[ImGuiCol_ButtonHovered] = ImGui::ColorConvertU32ToFloat4(colors::kPrimarySoft);
    c[ImGuiCol_ButtonActive] = ImGui::ColorConvertU32ToFloat4(colors::kPrimarySoft);
    c[ImGuiCol_Header] = ImGui::ColorConvertU32ToFloat4(colors::kPrimarySoft);
    c[ImGuiCol_HeaderHovered] = ImGui::ColorConvertU32ToFloat4(colors::kPrimarySoft);
    c[ImGuiCol_HeaderActive] = ImGui::ColorConvertU32ToFloat4(colors::kPrimarySoft);
    c[ImGuiCol_CheckMark] = ImGui::ColorConvertU32ToFloat4(colors::kPrimary);
    c[ImGuiCol_TextSelectedBg] = ImVec4(0.04f, 0.43f, 0.31f, 0.25f);
    c[ImGuiCol_NavCursor] = ImGui::ColorConvertU32ToFloat4(colors::kPrimary);
}

} // namespace linli
