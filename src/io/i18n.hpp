#pragma once
// The one catalog of user-visible strings, in simplified Chinese and English.
#include <optional>
#include <string_view>

namespace linli {

enum class Language { Chinese, English };

enum class Text : int {
    AppName,
    AreaSampling,
    AreaSupplies,
    AreaVolunteers,
    AreaSettings,
    SamplingTitle,
    SamplingEmpty,
    SearchLabel,
    SearchHint,
    SuppliesTitle,
    SuppliesEmpty,
    VolunteersTitle,
    VolunteersEmpty,
    SettingsTitle,
    SettingsLanguage,
    LanguageChinese,
    LanguageEnglish,
    SettingsDisplay,
    DisplayScreen,
    SettingsFonts,
    FontFullLoaded,
    FontFullLoading,
    FontFullNotNeeded,
    FontFullFailed,
    SettingsAbout,
    AboutText,
    SettingsVersion,
    SearchNoMatch,
    SaveSaving,
    SaveSaved,
    SaveFailedConflict,
    SaveFailedQuota,
    SaveFailedOther,
    VolunteerAdd,
    VolunteerNew,
    VolunteerEdit,
    FieldName,
    FieldNameHint,
    FieldPhone,
    FieldPhoneHint,
    ActionSave,
    ActionCancel,
    ActionDelete,
    ActionConfirmDelete,
    ProblemNameMissing,
    ProblemNameTooLong,
    ProblemPhoneMissing,
    ProblemPhoneInvalid,
    VolunteerCount,
    EditStale,
    ReadOnlyRecord,
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
    RestoreDone,
    RestoreNotJson,
    RestoreForeign,
    RestoreNewer,
    RestoreBadDoc,
    RestoreReadFailed,
    DataNotice,
    CorruptRecords,
    NewerRecords,
    DbOpenFailed,
    UpdateAvailable,
    UpdateNow,
    Dismiss,
    Count
};

// The translation of key in lang; never null, never empty.
const char* Tr(Text key, Language lang);

// Why a stored record could not be read (the store's reason, in English) in lang;
// unknown reasons are returned as they are.
std::string_view TranslateRecordProblem(std::string_view reason, Language lang);

std::string_view LanguageCode(Language lang);
std::optional<Language> LanguageFromCode(std::string_view code);

// Picks the UI language from the browser's preference list (navigator.languages joined
// with commas, best first): the first entry that is Chinese or English wins; Chinese when
// none is.
Language PickLanguage(std::string_view browser_languages);

} // namespace linli
