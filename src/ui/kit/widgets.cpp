#include "ui/kit/widgets.hpp"

#include "base/text.hpp"

#include <cfloat>
#include <cstdarg>
#include <cstdio>
#include <imgui.h>
#include <imgui_internal.h>
#include <misc/cpp/imgui_stdlib.h>

#include "base/utf8.hpp"
#include "ui/kit/theme.hpp"

namespace linli::ui {

bool TouchButton(UiContext& ui, const char* label, const char* id, float width) {
    ImGui::PushID(id);
    const float w = width > 0.0f ? width : ImGui::GetContentRegionAvail().x;
    const bool pressed = ImGui::Button(label, ImVec2(w, ui.metrics.touch_target));
    ImGui::PopID();
    return pressed;
}

namespace {
bool ColouredButton(UiContext& ui, const char* label, const char* id, float width, ImU32 colour) {
    ImGui::PushStyleColor(ImGuiCol_Button, colour);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, colour);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, colors::kText);
    ImGui::PushStyleColor(ImGuiCol_Text, colors::kSurface);
    const bool pressed = TouchButton(ui, label, id, width);
    ImGui::PopStyleColor(4);
    return pressed;
}
} // namespace

bool PrimaryButton(UiContext& ui, const char* label, const char* id, float width) {
    return ColouredButton(ui, label, id, width, colors::kPrimary);
}

bool DangerButton(UiContext& ui, const char* label, const char* id, float width) {
    return ColouredButton(ui, label, id, width, colors::kDanger);
}

bool Card(UiContext& ui, float width, float height, const std::string& name, ImVec2& pos) {
    pos = ImGui::GetCursorScreenPos();
    const bool pressed = ImGui::InvisibleButton("##card", ImVec2(width, height));
    ui.a11y.AnnotateLastItemName(name);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 bg = ImGui::IsItemActive() ? colors::kPrimarySoft : colors::kSurface;
    dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + height), bg, 8.0f);
    dl->AddRect(pos, ImVec2(pos.x + width, pos.y + height), colors::kBorder, 8.0f);
    return pressed;
}

bool ListRow(UiContext& ui, const char* id, const std::string& title, const std::string& detail) {
    ImGui::PushID(id);
    const float height = ui.metrics.touch_target + 16.0f;
    ImVec2 pos;
    const bool pressed = Card(ui, ImGui::GetContentRegionAvail().x, height,
                              detail.empty() ? title : title + " " + detail, pos);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* font = ImGui::GetFont();
    const float pad = 14.0f;
    dl->AddText(font, ui.metrics.body_font, ImVec2(pos.x + pad, pos.y + 10.0f), colors::kText,
                title.c_str());
    dl->AddText(font, ui.metrics.body_font - 2.0f,
                ImVec2(pos.x + pad, pos.y + 12.0f + ui.metrics.body_font), colors::kTextMuted,
                detail.c_str());
    ImGui::PopID();
    return pressed;
}

std::string Format(const char* pattern, ...) {
    va_list args;
    va_start(args, pattern);
    std::string out = FormatTextV(pattern, args);
    va_end(args);
    return out;
}

bool BackButton(UiContext& ui, const char* id) {
    const std::string label = std::string("‹ ") + ui.T(ShellText::ActionBack);
    const ImVec2 size = ImGui::CalcTextSize(label.c_str());
    return TouchButton(ui, label.c_str(), id, size.x + 32.0f);
}

bool Stepper(UiContext& ui, const char* id, const std::string& label, int& value, int min, int max,
             const std::string& less_name, const std::string& more_name) {
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float step = ui.metrics.touch_target;
    const float x0 = ImGui::GetCursorPosX();
    const float text_w = ImGui::GetContentRegionAvail().x - 3 * step - 2 * gap;
    const int before = value;
    ImGui::PushID(id);
    ImGui::AlignTextToFramePadding();
    ImGui::PushTextWrapPos(x0 + text_w);
    ImGui::TextUnformatted(label.c_str());
    ImGui::PopTextWrapPos();
    ImGui::SameLine(x0 + text_w + gap);
    ImGui::BeginDisabled(value <= min);
    if (TouchButton(ui, "−", "less", step)) {
        --value;
    }
    ui.a11y.AnnotateLastItemName(less_name);
    ImGui::EndDisabled();
    ImGui::SameLine();
    StatusText(ui, "value", std::to_string(before).c_str());
    ImGui::SameLine(x0 + text_w + 2 * gap + 2 * step);
    ImGui::BeginDisabled(value >= max);
    if (TouchButton(ui, "+", "more", step)) {
        ++value;
    }
    ui.a11y.AnnotateLastItemName(more_name);
    ImGui::EndDisabled();
    ImGui::PopID();
    return value != before;
}

void ErrorText(UiContext& ui, const char* id, const char* text) {
    StatusText(ui, id, text, colors::kDanger);
}

bool SegmentOption(UiContext& ui, const char* label, const char* id, bool selected, float width) {
    ImGui::PushID(id);
    if (selected) {
        ImGui::PushStyleColor(ImGuiCol_Button, colors::kPrimary);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, colors::kPrimary);
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, colors::kPrimary);
        ImGui::PushStyleColor(ImGuiCol_Text, colors::kSurface);
    }
    const bool pressed = ImGui::Button(label, ImVec2(width, ui.metrics.touch_target));
    if (selected) {
        ImGui::PopStyleColor(4);
    }
    ui.a11y.AnnotateLastItem(Role::Radio, selected);
    ImGui::PopID();
    return pressed;
}

bool CheckOption(UiContext& ui, const char* label, const char* id, bool& value) {
    ImGui::PushID(id);
    const float h = ui.metrics.touch_target;
    const float box = h * 0.5f;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.0f, 0.5f));
    // The label starts after the box (spaces as wide as the box and a gap).
    const std::string padded = std::string("      ") + label + "###check";
    const bool pressed = ImGui::Button(padded.c_str(), ImVec2(ImGui::GetContentRegionAvail().x, h));
    ImGui::PopStyleVar();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 a(pos.x + 10.0f, pos.y + (h - box) * 0.5f);
    const ImVec2 b(a.x + box, a.y + box);
    draw->AddRectFilled(a, b, value ? colors::kPrimary : colors::kSurface, 4.0f);
    draw->AddRect(a, b, value ? colors::kPrimary : colors::kTextMuted, 4.0f, 0, 2.0f);
    if (value) {
        const ImVec2 p1(a.x + box * 0.2f, a.y + box * 0.52f);
        const ImVec2 p2(a.x + box * 0.42f, a.y + box * 0.74f);
        const ImVec2 p3(a.x + box * 0.8f, a.y + box * 0.28f);
        draw->AddLine(p1, p2, colors::kSurface, 3.0f);
        draw->AddLine(p2, p3, colors::kSurface, 3.0f);
    }
    if (pressed) {
        value = !value;
    }
    ui.a11y.AnnotateLastItemName(label);
    ui.a11y.AnnotateLastItem(Role::CheckBox, value);
    ImGui::PopID();
    return pressed;
}

namespace {

struct FieldCallbackData {
    TextBridge* bridge;
    uint32_t field_id;
    TextEditState state;
};

int FieldCallback(ImGuiInputTextCallbackData* data) {
    auto* d = static_cast<FieldCallbackData*>(data->UserData);
    if (data->EventFlag != ImGuiInputTextFlags_CallbackAlways) {
        return 0;
    }
    auto& pending = d->bridge->Pending();
    if (pending && pending->field_id == d->field_id) {
        // The page's textarea is the truth while the soft keyboard types: take it whole.
        data->DeleteChars(0, data->BufTextLen);
        data->InsertChars(0, pending->value.c_str(),
                          pending->value.c_str() + pending->value.size());
        const auto start =
            static_cast<int>(Utf16ToUtf8Offset(pending->value, pending->selection_start));
        const auto end =
            static_cast<int>(Utf16ToUtf8Offset(pending->value, pending->selection_end));
        data->SelectionStart = start;
        data->SelectionEnd = end;
        data->CursorPos = end;
        d->bridge->SetApplied(pending->sequence);
        pending.reset();
    }
    const std::string_view text(data->Buf, static_cast<size_t>(data->BufTextLen));
    d->state.value.assign(text);
    const auto a = static_cast<size_t>(std::min(data->SelectionStart, data->SelectionEnd));
    const auto b = static_cast<size_t>(std::max(data->SelectionStart, data->SelectionEnd));
    const bool has_selection = data->SelectionStart != data->SelectionEnd;
    const auto cursor = static_cast<size_t>(data->CursorPos);
    d->state.selection_start = Utf8ToUtf16Offset(text, has_selection ? a : cursor);
    d->state.selection_end = Utf8ToUtf16Offset(text, has_selection ? b : cursor);
    return 0;
}

} // namespace

bool TextField(UiContext& ui, const char* id, const char* label, const char* hint,
               std::string& value) {
    ImGui::PushID(id);
    ImGui::TextUnformatted(label);
    ImGui::PopID();
    return InlineTextField(ui, id, label, hint, value, -FLT_MIN);
}

namespace {

bool FieldWithFlags(UiContext& ui, const char* id, const char* label, const char* hint,
                    std::string& value, float width, ImGuiInputTextFlags flags) {
    ImGui::PushID(id);
    ImGui::SetNextItemWidth(width);
    FieldCallbackData data{&ui.text, ImGui::GetID("##field"), {}};
    const bool changed = ImGui::InputTextWithHint(
        "##field", hint, &value, ImGuiInputTextFlags_CallbackAlways | flags, FieldCallback, &data);
    const bool active = ImGui::IsItemActive();
    const bool secret = (flags & ImGuiInputTextFlags_Password) != 0;
    ui.a11y.AnnotateLastItemName(label);
    ui.a11y.AnnotateLastItemValue(secret ? std::string(value.empty() ? "" : "••••••") : value,
                                  active);
    if (active) {
        const ImVec2 min = ImGui::GetItemRectMin();
        const ImVec2 max = ImGui::GetItemRectMax();
        data.state.id = ImGui::GetItemID();
        data.state.rect = Rect{min.x, min.y, max.x - min.x, max.y - min.y};
        ui.text.SetActive(data.state);
        // Keep the field in view when the soft keyboard shrinks the viewport.
        const ImRect clip = ImGui::GetCurrentWindow()->ClipRect;
        if (max.y > clip.Max.y || min.y < clip.Min.y) {
            ImGui::SetScrollFromPosY(min.y - ImGui::GetWindowPos().y, 0.3f);
        }
    }
    ImGui::PopID();
    return changed;
}

} // namespace

bool InlineTextField(UiContext& ui, const char* id, const char* label, const char* hint,
                     std::string& value, float width) {
    return FieldWithFlags(ui, id, label, hint, value, width, 0);
}

bool PasswordField(UiContext& ui, const char* id, const char* label, const char* hint,
                   std::string& value) {
    ImGui::PushID(id);
    ImGui::TextUnformatted(label);
    ImGui::PopID();
    return FieldWithFlags(ui, id, label, hint, value, -FLT_MIN, ImGuiInputTextFlags_Password);
}

bool TextArea(UiContext& ui, const char* id, const char* label, const char* hint,
              std::string& value, float height) {
    ImGui::PushID(id);
    ImGui::TextUnformatted(label);
    FieldCallbackData data{&ui.text, ImGui::GetID("##area"), {}};
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const bool changed =
        ImGui::InputTextMultiline("##area", &value, ImVec2(-FLT_MIN, height),
                                  ImGuiInputTextFlags_CallbackAlways, FieldCallback, &data);
    const bool active = ImGui::IsItemActive();
    ui.a11y.AnnotateLastItemName(label);
    ui.a11y.AnnotateLastItemValue(value, active, true);
    if (value.empty() && !active) {
        ImGui::GetWindowDrawList()->AddText(ImVec2(min.x + 8.0f, min.y + 8.0f), colors::kTextMuted,
                                            hint);
    }
    if (active) {
        const ImVec2 item_min = ImGui::GetItemRectMin();
        const ImVec2 item_max = ImGui::GetItemRectMax();
        data.state.id = ImGui::GetItemID();
        data.state.rect =
            Rect{item_min.x, item_min.y, item_max.x - item_min.x, item_max.y - item_min.y};
        data.state.multiline = true;
        ui.text.SetActive(data.state);
    }
    ImGui::PopID();
    return changed;
}

void Heading(UiContext& ui, const char* text) {
    ImGui::PushFont(nullptr, ui.metrics.heading_font);
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
}

void SectionTitle(UiContext& ui, const char* text) {
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, colors::kPrimary);
    ImGui::PushFont(nullptr, ui.metrics.body_font + 2.0f);
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
    ImGui::PopStyleColor();
}

void MutedText(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, colors::kTextMuted);
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
}

namespace {
// Mirrors the item just drawn (a line of text) as a live status named by its text.
void AnnounceLastItem(UiContext& ui, const char* id, const char* text) {
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    ui.a11y.AddStatus(ImGui::GetID(id), text, Rect{min.x, min.y, max.x - min.x, max.y - min.y});
}
} // namespace

void StatusText(UiContext& ui, const char* id, const char* text, unsigned int colour) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour ? colour : colors::kTextMuted);
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
    AnnounceLastItem(ui, id, text);
}

void DragToScroll() {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImGuiIO& io = ImGui::GetIO();
    constexpr float kThreshold = 8.0f; // px a finger may wobble and still tap
    if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        return;
    }
    if (!ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem |
                                ImGuiHoveredFlags_ChildWindows)) {
        return;
    }
    if (!ImGui::IsMouseDragging(ImGuiMouseButton_Left, kThreshold) || io.WantTextInput) {
        return;
    }
    ImGui::SetScrollY(window, window->Scroll.y - io.MouseDelta.y);
    if (g.ActiveId != 0 && g.ActiveId != window->MoveId) {
        ImGui::ClearActiveID(); // the press became a scroll, not a tap
    }
}

} // namespace linli::ui
