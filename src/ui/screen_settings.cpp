// Settings (设置): language, and what this device shows and has loaded.
#include <imgui.h>

#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace linli::ui {
namespace {

const char* FontStateText(const UiContext& ui) {
    switch (ui.fonts.State()) {
    case FullFontState::NotNeeded:
        return ui.T(Text::FontFullNotNeeded);
    case FullFontState::Requested:
        return ui.T(Text::FontFullLoading);
    case FullFontState::Loaded:
        return ui.T(Text::FontFullLoaded);
    case FullFontState::Failed:
        return ui.T(Text::FontFullFailed);
    }
    return "";
}

} // namespace

void DrawSettingsScreen(UiContext& ui, AppState& state) {
    Heading(ui, ui.T(Text::SettingsTitle));

    SectionTitle(ui, ui.T(Text::SettingsLanguage));
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    const float option_width = half > 240.0f ? 240.0f : half;
    if (SegmentOption(ui, ui.T(Text::LanguageChinese), "lang-zh", ui.lang == Language::Chinese,
                      option_width)) {
        ui.lang = Language::Chinese;
        ui.platform.SaveLanguage(ui.lang);
    }
    ImGui::SameLine();
    if (SegmentOption(ui, ui.T(Text::LanguageEnglish), "lang-en", ui.lang == Language::English,
                      option_width)) {
        ui.lang = Language::English;
        ui.platform.SaveLanguage(ui.lang);
    }

    SectionTitle(ui, ui.T(Text::SettingsFonts));
    // Names in a roster use rare characters; this line shows they render.
    ImGui::TextUnformatted("邻里 喆 堃 犇 淼 燚 玥 · Linli 0123456789");
    StatusText(ui, "font-status", FontStateText(ui));

    SectionTitle(ui, ui.T(Text::SettingsDisplay));
    ImGui::Text(ui.T(Text::DisplayScreen), state.display_width, state.display_height,
                ui.pixel_ratio);

    SectionTitle(ui, ui.T(Text::SettingsAbout));
    MutedText(ui.T(Text::AboutText));
    const std::string version = ui.platform.BuildVersion();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::Text(ui.T(Text::SettingsVersion), version.c_str());
    ImGui::PopStyleColor();
}

} // namespace linli::ui
