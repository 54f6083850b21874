#include <doctest/doctest.h>

#include <cstring>
#include <set>
#include <string>

#include "text/i18n.hpp"

using namespace linli;

TEST_CASE("every catalog entry has a non-empty translation in both languages") {
    for (int i = 0; i < static_cast<int>(Text::Count); ++i) {
        const auto key = static_cast<Text>(i);
        CAPTURE(i);
        CHECK(std::strlen(Tr(key, Language::Chinese)) > 0);
        CHECK(std::strlen(Tr(key, Language::English)) > 0);
    }
}

TEST_CASE("the Chinese and English area names differ and are the expected words") {
    CHECK(std::string(Tr(Text::AreaSampling, Language::Chinese)) == "采样");
    CHECK(std::string(Tr(Text::AreaSupplies, Language::Chinese)) == "物资");
    CHECK(std::string(Tr(Text::AreaVolunteers, Language::Chinese)) == "志愿者");
    CHECK(std::string(Tr(Text::AreaSettings, Language::Chinese)) == "设置");
    CHECK(std::string(Tr(Text::AreaSampling, Language::English)) == "Sampling");
    CHECK(std::string(Tr(Text::AreaSettings, Language::English)) == "Settings");
}

TEST_CASE("format strings keep the same placeholders in both languages") {
    auto placeholders = [](const char* s) {
        std::string out;
        for (const char* p = s; *p; ++p) {
            if (*p == '%' && p[1] != '\0') {
                const char* q = p + 1;
                while (*q && std::strchr("0123456789.-", *q)) {
                    ++q;
                }
                out.push_back(*q);
                p = q;
            }
        }
        return out;
    };
    for (int i = 0; i < static_cast<int>(Text::Count); ++i) {
        const auto key = static_cast<Text>(i);
        CAPTURE(Tr(key, Language::English));
        CHECK(placeholders(Tr(key, Language::Chinese)) == placeholders(Tr(key, Language::English)));
    }
}

TEST_CASE("language codes") {
    CHECK(LanguageFromCode("zh") == Language::Chinese);
    CHECK(LanguageFromCode("zh-CN") == Language::Chinese);
    CHECK(LanguageFromCode("ZH_tw") == Language::Chinese);
    CHECK(LanguageFromCode("en-GB") == Language::English);
    CHECK_FALSE(LanguageFromCode("fr").has_value());
    CHECK_FALSE(LanguageFromCode("").has_value());
    CHECK(LanguageFromCode(LanguageCode(Language::English)) == Language::English);
    CHECK(LanguageFromCode(LanguageCode(Language::Chinese)) == Language::Chinese);
}

TEST_CASE("the UI language follows the browser's first Chinese or English preference") {
    CHECK(PickLanguage("en-US,zh-CN") == Language::English);
    CHECK(PickLanguage("zh-CN,en") == Language::Chinese);
    CHECK(PickLanguage("fr-FR, de, en;q=0.5") == Language::English);
    CHECK(PickLanguage("ja,ko") == Language::Chinese);
    CHECK(PickLanguage("") == Language::Chinese);
    CHECK(PickLanguage("fr,zh-Hans-CN") == Language::Chinese);
}

TEST_CASE("reasons for unreadable records are translated, unknown ones kept") {
    CHECK(TranslateRecordProblem("no _rev", Language::Chinese) == "缺少 _rev");
    CHECK(TranslateRecordProblem("malformed _rev \"x\"", Language::Chinese) == "_rev 格式错误");
    CHECK(TranslateRecordProblem("malformed _revisions", Language::Chinese) ==
          "_revisions 格式错误");
    CHECK(TranslateRecordProblem("no _rev", Language::English) == "no _rev");
    CHECK(TranslateRecordProblem("something new", Language::Chinese) == "something new");
}
