#include "text/i18n.hpp"

#include <array>
#include <cctype>
#include <string>

namespace linli {
namespace {

std::string Lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

} // namespace

std::string_view TranslateRecordProblem(std::string_view reason, Language lang) {
    if (lang == Language::English) {
        return reason;
    }
    struct Pair {
        std::string_view prefix;
        std::string_view zh;
    };
    static constexpr Pair kProblems[] = {
        {"not valid JSON", "不是有效的 JSON"},
        {"not a JSON object", "不是 JSON 对象"},
        {"no _id", "缺少 _id"},
        {"no _rev", "缺少 _rev"},
        {"malformed _revisions", "_revisions 格式错误"},
        {"malformed _rev", "_rev 格式错误"},
        {"_revisions does not match _rev", "_revisions 与 _rev 不符"},
        {"stored under another key than its _id", "存储键与 _id 不符"},
        {"malformed record", "记录格式错误"},
        {"the stored records could not be read", "无法读取已存储的记录"},
    };
    for (const Pair& p : kProblems) {
        if (reason.substr(0, p.prefix.size()) == p.prefix) {
            return p.zh;
        }
    }
    return reason;
}

std::string_view LanguageCode(Language lang) {
    return lang == Language::Chinese ? "zh" : "en";
}

std::optional<Language> LanguageFromCode(std::string_view code) {
    const std::string lower = Lower(code);
    const std::string primary = lower.substr(0, lower.find_first_of("-_"));
    if (primary == "zh") {
        return Language::Chinese;
    }
    if (primary == "en") {
        return Language::English;
    }
    return std::nullopt;
}

Language PickLanguage(std::string_view browser_languages) {
    size_t start = 0;
    while (start <= browser_languages.size()) {
        size_t end = browser_languages.find(',', start);
        if (end == std::string_view::npos) {
            end = browser_languages.size();
        }
        std::string_view item = browser_languages.substr(start, end - start);
        while (!item.empty() && item.front() == ' ') {
            item.remove_prefix(1);
        }
        item = item.substr(0, item.find(';')); // "en;q=0.8" (Accept-Language form)
        if (auto lang = LanguageFromCode(item)) {
            return *lang;
        }
        start = end + 1;
    }
    return Language::Chinese;
}

} // namespace linli
