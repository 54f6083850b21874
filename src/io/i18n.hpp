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
    Count
};

// The translation of key in lang; never null, never empty.
const char* Tr(Text key, Language lang);

std::string_view LanguageCode(Language lang);
std::optional<Language> LanguageFromCode(std::string_view code);

// Picks the UI language from the browser's preference list (navigator.languages joined
// with commas, best first): the first entry that is Chinese or English wins; Chinese when
// none is.
Language PickLanguage(std::string_view browser_languages);

} // namespace linli
