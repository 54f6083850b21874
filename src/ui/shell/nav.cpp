// Navigation between the areas: a bottom bar on phones, a left rail on wide screens.
#include <algorithm>
#include <imgui.h>

#include "ui/kit/theme.hpp"
#include "ui/shell/areas.hpp"

namespace linli::ui {
namespace {

// One tab: a large tap area with the label centred and a bar marking the current one.
void NavTab(UiContext& ui, AppState& state, Area area, ImVec2 size, bool bar_on_top,
            float font_size) {
    const bool current = state.area == area;
    const char* label = ui.T(AreaOf(area).label);
    ImGui::PushID(static_cast<int>(area));
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    if (ImGui::InvisibleButton(label, size)) {
        state.area = area;
    }
    ui.a11y.AnnotateLastItem(Role::Tab, current);
    ui.a11y.AnnotateLastItemName(label);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (current) {
        dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), colors::kPrimarySoft);
        if (bar_on_top) {
            dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + 4.0f), colors::kPrimary);
        } else {
            dl->AddRectFilled(pos, ImVec2(pos.x + 4.0f, pos.y + size.y), colors::kPrimary);
        }
    }
    ImFont* font = ImGui::GetFont();
    const ImVec2 text = font->CalcTextSizeA(font_size, FLT_MAX, 0.0f, label);
    dl->AddText(font, font_size,
                ImVec2(pos.x + (size.x - text.x) * 0.5f, pos.y + (size.y - text.y) * 0.5f),
                current ? colors::kPrimary : colors::kTextMuted, label);
    ImGui::PopID();
}

// One size for every label: the body size, or smaller when the longest label would not fit
// its tab (five tabs on a 390 px phone leave 78 px each: "Volunteers" in English).
float LabelSize(UiContext& ui, float tab_width) {
    ImFont* font = ImGui::GetFont();
    const float body = ui.metrics.body_font;
    const float room = tab_width - 14.0f;
    float size = body;
    for (const AreaRow& row : AreaTable()) {
        const float w = font->CalcTextSizeA(body, FLT_MAX, 0.0f, ui.T(row.label)).x;
        if (w > room && w > 0.0f) {
            size = std::min(size, body * room / w);
        }
    }
    return std::max(12.0f, size);
}

} // namespace

void DrawNavigation(UiContext& ui, AppState& state, NavStyle style) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const Metrics& m = ui.metrics;
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoScrollWithMouse;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, colors::kSurface);
    if (style == NavStyle::BottomBar) {
        ImGui::SetNextWindowPos(ImVec2(0, display.y - m.bottom_bar_height));
        ImGui::SetNextWindowSize(ImVec2(display.x, m.bottom_bar_height));
    } else {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(m.rail_width, display.y));
    }
    ImGui::Begin("##navigation", nullptr, flags);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 wp = ImGui::GetWindowPos();
    const ImVec2 ws = ImGui::GetWindowSize();
    if (style == NavStyle::BottomBar) {
        dl->AddLine(wp, ImVec2(wp.x + ws.x, wp.y), colors::kBorder);
        const auto areas = AreaTable();
        const float tab_width = display.x / static_cast<float>(areas.size());
        const float label_size = LabelSize(ui, tab_width);
        for (size_t i = 0; i < areas.size(); ++i) {
            if (i > 0) {
                ImGui::SameLine();
            }
            NavTab(ui, state, areas[i].id, ImVec2(tab_width, m.bottom_bar_height), true,
                   label_size);
        }
    } else {
        dl->AddLine(ImVec2(wp.x + ws.x - 1, wp.y), ImVec2(wp.x + ws.x - 1, wp.y + ws.y),
                    colors::kBorder);
        ImGui::Dummy(ImVec2(0, m.padding));
        const float label_size = LabelSize(ui, m.rail_width - 1);
        for (const AreaRow& row : AreaTable()) {
            NavTab(ui, state, row.id, ImVec2(m.rail_width - 1, m.bottom_bar_height), false,
                   label_size);
        }
    }
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
}

} // namespace linli::ui
