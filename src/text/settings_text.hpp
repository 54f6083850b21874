#pragma once
// The strings of settings: language, device, storage, backups, in simplified Chinese and English.
#include "text/i18n.hpp"

namespace linli {

enum class SettingsText : int {
    SettingsTitle,
    SettingsLanguage,
    LanguageChinese,
    LanguageEnglish,
    SettingsTextSize,
    TextSizeStandard,
    TextSizeLarge,
    TextSizeExtraLarge,
    SettingsDisplay,
    DisplayScreen,
    SettingsFonts,
    FontSlicesLoaded,
    FontSlicesLoading,
    FontSlicesNoneNeeded,
    FontSlicesFailed,
    SettingsAbout,
    AboutText,
    SettingsVersion,
    SettingsDevice,
    DeviceNameLabel,
    DeviceNameHint,
    SettingsStorage,
    StorageUsage,
    StoragePersistent,
    StorageNotPersistent,
    StorageUnknown,
    SettingsBackup,
    BackupExport,
    BackupRestore,
    BackupExplain,
    BackupExported,
    Count
};

// The translation of key in lang; never null, never empty.
const char* Tr(SettingsText key, Language lang);

} // namespace linli
