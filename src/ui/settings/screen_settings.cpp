// Settings (设置): language, and what this device shows and has loaded.
#include <algorithm>
#include <array>
#include <cstdio>
#include <imgui.h>
#include <string>
#include <utility>

#include "ui/kit/theme.hpp"
#include "ui/kit/widgets.hpp"
#include "ui/shell/screens.hpp"

namespace linli::ui {
namespace {

std::string FontStateText(const UiContext& ui) {
    switch (ui.fonts.State()) {
    case FontSlicesState::NoneNeeded:
        return ui.T(SettingsText::FontSlicesNoneNeeded);
    case FontSlicesState::Loading:
        return ui.T(SettingsText::FontSlicesLoading);
    case FontSlicesState::Loaded:
        return Format(ui.T(SettingsText::FontSlicesLoaded), ui.fonts.SlicesLoaded());
    case FontSlicesState::Failed:
        return ui.T(SettingsText::FontSlicesFailed);
    }
    return "";
}

void DrawDeviceSection(UiContext& ui, AppState& state) {
    SectionTitle(ui, ui.T(SettingsText::SettingsDevice));
    if (!state.settings.device_name_loaded) {
        state.settings.device_name_edit = ui.data.Settings().DeviceName();
        state.settings.device_name_loaded = true;
    }
    TextField(ui, "device-name", ui.T(SettingsText::DeviceNameLabel),
              ui.T(SettingsText::DeviceNameHint), state.settings.device_name_edit);
    if (PrimaryButton(ui, ui.T(ShellText::ActionSave), "device-name-save", 160.0f)) {
        ui.data.Settings().SetDeviceName(state.settings.device_name_edit, ui.platform.NowMs());
    }
}

void DrawStorageSection(UiContext& ui) {
    SectionTitle(ui, ui.T(SettingsText::SettingsStorage));
    if (!ui.storage.known) {
        MutedText(ui.T(SettingsText::StorageUnknown));
        return;
    }
    ImGui::Text(ui.T(SettingsText::StorageUsage), ui.storage.used_bytes / 1e6,
                ui.storage.quota_bytes / 1e6);
    StatusText(ui, "storage-persistent",
               ui.T(ui.storage.persistent ? SettingsText::StoragePersistent
                                          : SettingsText::StorageNotPersistent));
}

void DrawBackupSection(UiContext& ui, AppState& state) {
    SectionTitle(ui, ui.T(SettingsText::SettingsBackup));
    MutedText(ui.T(SettingsText::BackupExplain));
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float half = (ImGui::GetContentRegionAvail().x - gap) * 0.5f;
    if (TouchButton(ui, ui.T(SettingsText::BackupExport), "backup-export", half)) {
        const int64_t now = ui.platform.NowMs();
        ui.platform.DownloadFile("linli-backup-" + std::to_string(now) + ".json",
                                 "application/json", ui.data.Settings().ExportBackup(now));
        char buf[128];
        std::snprintf(buf, sizeof buf, ui.T(SettingsText::BackupExported),
                      static_cast<int>(ui.data.DocumentCount()));
        state.settings.backup_message = buf;
        state.settings.backup_message_is_error = false;
    }
    ImGui::SameLine();
    if (TouchButton(ui, ui.T(SettingsText::BackupRestore), "backup-restore", half)) {
        state.file_for = Area::Settings;
        ui.platform.OpenFile(".json,application/json");
    }
    switch (state.settings.restore_write.Poll(ui.data)) {
    case WriteState::Durable:
        state.settings.backup_message = state.settings.restore_done_message;
        break;
    case WriteState::Failed:
        state.settings.backup_message = ui.T(ShellText::RestoreNotSaved);
        state.settings.backup_message_is_error = true;
        break;
    case WriteState::Pending:
    case WriteState::Nothing:
        break;
    }
    if (!state.settings.backup_message.empty()) {
        if (state.settings.backup_message_is_error) {
            ErrorText(ui, "backup-message", state.settings.backup_message.c_str());
        } else {
            StatusText(ui, "backup-message", state.settings.backup_message.c_str());
        }
    }
}

} // namespace

void DrawSettingsScreen(UiContext& ui, AppState& state) {
    Heading(ui, ui.T(SettingsText::SettingsTitle));
    DrawSaveStatus(ui);

    SectionTitle(ui, ui.T(SettingsText::SettingsLanguage));
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    const float option_width = half > 240.0f ? 240.0f : half;
    if (SegmentOption(ui, ui.T(SettingsText::LanguageChinese), "lang-zh",
                      ui.lang == Language::Chinese, option_width)) {
        ui.lang = Language::Chinese;
        ui.platform.SaveLanguage(ui.lang);
    }
    ImGui::SameLine();
    if (SegmentOption(ui, ui.T(SettingsText::LanguageEnglish), "lang-en",
                      ui.lang == Language::English, option_width)) {
        ui.lang = Language::English;
        ui.platform.SaveLanguage(ui.lang);
    }

    SectionTitle(ui, ui.T(SettingsText::SettingsTextSize));
    constexpr std::array<std::pair<TextSize, SettingsText>, 3> kSizes = {{
        {TextSize::Standard, SettingsText::TextSizeStandard},
        {TextSize::Large, SettingsText::TextSizeLarge},
        {TextSize::ExtraLarge, SettingsText::TextSizeExtraLarge},
    }};
    // Three in a row where their labels fit (a phone at standard size), else one per line.
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float third = (ImGui::GetContentRegionAvail().x - 2 * spacing) / 3;
    float widest = 0.0f;
    for (const auto& [size, label] : kSizes) {
        widest = std::max(widest, ImGui::CalcTextSize(ui.T(label)).x);
    }
    const bool in_a_row = widest + 2 * ImGui::GetStyle().FramePadding.x <= third;
    for (size_t i = 0; i < kSizes.size(); ++i) {
        const auto [size, label] = kSizes[i];
        if (i > 0 && in_a_row) {
            ImGui::SameLine();
        }
        ImGui::PushID(static_cast<int>(i));
        if (SegmentOption(ui, ui.T(label), "text-size", ui.text_size == size,
                          in_a_row ? std::min(third, 200.0f) : option_width * 2 + spacing) &&
            ui.text_size != size) {
            ui.text_size = size;
            ui.metrics = MetricsFor(size);
            ApplyTheme(ImGui::GetStyle(), ui.metrics);
            ui.platform.SaveTextSize(size);
        }
        ImGui::PopID();
    }

    DrawDeviceSection(ui, state);
    DrawBackupSection(ui, state);
    DrawStorageSection(ui);

    SectionTitle(ui, ui.T(SettingsText::SettingsFonts));
    // Names in a roster use rare characters; this line shows they render.
    ImGui::TextUnformatted("邻里 喆 堃 犇 淼 燚 玥 · Linli 0123456789");
    StatusText(ui, "font-status", FontStateText(ui).c_str());

    SectionTitle(ui, ui.T(SettingsText::SettingsDisplay));
    ImGui::Text(ui.T(SettingsText::DisplayScreen), state.display_width, state.display_height,
                ui.pixel_ratio);

    SectionTitle(ui, ui.T(SettingsText::SettingsAbout));
    MutedText(ui.T(SettingsText::AboutText));
    const std::string version = ui.platform.BuildVersion();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::Text(ui.T(SettingsText::SettingsVersion), version.c_str());
    ImGui::PopStyleColor();

    DrawSyncSection(ui, state);
}

void SettingsFileOpened(UiContext& ui, AppState& state, const std::string&,
                        const std::string& bytes) {
    // Backups are UTF-8 JSON; a BOM (added by an editor) is not part of it.
    const std::string_view text = std::string_view(bytes).substr(
        std::string_view(bytes).substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0);
    const RestoreReport r = ui.data.Settings().Restore(text);
    char buf[512];
    state.settings.backup_message_is_error = r.error != BackupError::None;
    switch (r.error) {
    case BackupError::None:
        std::snprintf(buf, sizeof buf, ui.T(ShellText::RestoreDone), static_cast<int>(r.added),
                      static_cast<int>(r.updated), static_cast<int>(r.unchanged),
                      static_cast<int>(r.conflicts));
        state.settings.restore_write.Track(r.write);
        if (state.settings.restore_write.Waiting()) {
            state.settings.restore_done_message = buf;
            std::snprintf(buf, sizeof buf, "%s", ui.T(ShellText::RestoreSaving));
        }
        break;
    case BackupError::NotJson:
        std::snprintf(buf, sizeof buf, "%s", ui.T(ShellText::RestoreNotJson));
        break;
    case BackupError::NotLinliBackup:
        std::snprintf(buf, sizeof buf, "%s", ui.T(ShellText::RestoreForeign));
        break;
    case BackupError::NewerFormat:
        std::snprintf(buf, sizeof buf, "%s", ui.T(ShellText::RestoreNewer));
        break;
    case BackupError::BadDocument:
        std::snprintf(buf, sizeof buf, ui.T(ShellText::RestoreBadDoc),
                      static_cast<int>(r.bad_index + 1), r.bad_reason.c_str());
        break;
    }
    state.settings.backup_message = buf;
}

void SettingsFileFailed(UiContext& ui, AppState& state, const std::string& message) {
    char buf[512];
    std::snprintf(buf, sizeof buf, ui.T(ShellText::RestoreReadFailed), message.c_str());
    state.settings.backup_message = buf;
    state.settings.backup_message_is_error = true;
}

} // namespace linli::ui
