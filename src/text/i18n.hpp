#pragma once
// Languages and how the UI picks one. The strings themselves are in one catalog per area
// (text/<area>_text.hpp; text/strings.hpp includes them all).
#include <optional>
#include <string_view>

namespace linli {

enum class Language { Chinese, English };

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
