#include <doctest/doctest.h>

#include <cstring>
#include <set>
#include <string>

#include "text/strings.hpp"

using namespace linli;

namespace {
// Calls visit(key) for every key of every area's catalog.
template <typename Visit> void ForEveryKey(Visit visit) {
    auto each = [&]<typename Key>(Key) {
        for (int i = 0; i < static_cast<int>(Key::Count); ++i) {
            visit(static_cast<Key>(i));
        }
    };
    each(ShellText{});
    each(SamplingText{});
    each(VolunteerText{});
    each(SettingsText{});
    each(SupplyText{});
    each(MedicineText{});
    each(SyncText{});
    each(LeaderText{});
}

bool HasHanzi(const char* s) {
    // Lead bytes E4..E9 start the CJK Unified Ideographs (U+4E00..U+9FFF).
    for (const char* p = s; *p; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if (c >= 0xE4 && c <= 0xE9) {
            return true;
        }
    }
    return false;
}
} // namespace

TEST_CASE("every catalog entry has a non-empty translation in both languages") {
    int keys = 0;
    ForEveryKey([&](auto key) {
        CAPTURE(Tr(key, Language::Chinese));
        CHECK(std::strlen(Tr(key, Language::Chinese)) > 0);
        CHECK(std::strlen(Tr(key, Language::English)) > 0);
        ++keys;
    });
    CHECK(keys >=
          247 + 1 +
              88); // the leader area: its tab and its catalog // every area's catalog was visited
}

TEST_CASE("no English string is left in Chinese (a missing translation)") {
    ForEveryKey([&](auto key) {
        const char* en = Tr(key, Language::English);
        CAPTURE(en);
        // Names of Chinese itself stay Chinese in the English UI.
        const bool deliberate = std::string(en) == "中文";
        CHECK((deliberate || !HasHanzi(en)));
    });
}

TEST_CASE("the Chinese and English area names differ and are the expected words") {
    CHECK(std::string(Tr(ShellText::AreaSampling, Language::Chinese)) == "采样");
    CHECK(std::string(Tr(ShellText::AreaSupplies, Language::Chinese)) == "物资");
    CHECK(std::string(Tr(ShellText::AreaVolunteers, Language::Chinese)) == "志愿者");
    CHECK(std::string(Tr(ShellText::AreaSettings, Language::Chinese)) == "设置");
    CHECK(std::string(Tr(ShellText::AreaLeader, Language::Chinese)) == "总览");
    CHECK(std::string(Tr(ShellText::AreaLeader, Language::English)) == "Overview");
    // The two buttons' accessible names are what people and tests look for.
    CHECK(std::string(Tr(LeaderText::CopyReport, Language::Chinese)) == "复制日报");
    CHECK(std::string(Tr(LeaderText::ExportReport, Language::Chinese)) == "导出日报");
    CHECK(std::string(Tr(ShellText::AreaSampling, Language::English)) == "Sampling");
    CHECK(std::string(Tr(ShellText::AreaSettings, Language::English)) == "Settings");
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
    ForEveryKey([&](auto key) {
        CAPTURE(Tr(key, Language::English));
        CHECK(placeholders(Tr(key, Language::Chinese)) == placeholders(Tr(key, Language::English)));
    });
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
