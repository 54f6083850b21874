#include "io/i18n.hpp"

#include <array>
#include <cctype>
#include <string>

namespace linli {
namespace {

struct Entry {
    Text key;
    const char* zh;
    const char* en;
};

constexpr std::array kCatalog = {
    Entry{Text::AppName, "邻里", "Linli"},
    Entry{Text::AreaSampling, "采样", "Sampling"},
    Entry{Text::AreaSupplies, "物资", "Supplies"},
    Entry{Text::AreaVolunteers, "志愿者", "Volunteers"},
    Entry{Text::AreaSettings, "设置", "Settings"},
    Entry{Text::SamplingTitle, "核酸采样名册", "Sampling rosters"},
    Entry{Text::SamplingEmpty, "还没有居民名册。", "No residents yet."},
    Entry{Text::SearchLabel, "搜索", "Search"},
    Entry{Text::SearchHint, "姓名、电话尾号或房号", "Name, phone tail or room"},
    Entry{Text::SuppliesTitle, "物资订单", "Supply orders"},
    Entry{Text::SuppliesEmpty, "还没有团购轮次。", "No order rounds yet."},
    Entry{Text::VolunteersTitle, "志愿者", "Volunteers"},
    Entry{Text::VolunteersEmpty, "还没有志愿者。", "No volunteers yet."},
    Entry{Text::SettingsTitle, "设置", "Settings"},
    Entry{Text::SettingsLanguage, "语言", "Language"},
    Entry{Text::LanguageChinese, "中文", "中文"},
    Entry{Text::LanguageEnglish, "English", "English"},
    Entry{Text::SettingsDisplay, "屏幕", "Screen"},
    Entry{Text::DisplayScreen, "%.0f×%.0f，像素比 %.2g", "%.0f×%.0f, pixel ratio %.2g"},
    Entry{Text::SettingsFonts, "字体", "Fonts"},
    Entry{Text::FontFullLoaded, "完整中文字库已加载", "Full Chinese font loaded"},
    Entry{Text::FontFullLoading, "正在加载完整中文字库…", "Loading the full Chinese font…"},
    Entry{Text::FontFullNotNeeded, "常用字已就绪，生僻字按需加载",
          "Common characters ready; rare ones load when needed"},
    Entry{Text::FontFullFailed, "完整中文字库加载失败，生僻字可能显示为方框",
          "The full Chinese font failed to load; rare characters may show as boxes"},
    Entry{Text::SettingsAbout, "关于", "About"},
    Entry{Text::AboutText, "邻里：社区防疫工作台，离线可用。",
          "Linli: a community response desk that works offline."},
    Entry{Text::SettingsVersion, "版本 %s", "Version %s"},
    Entry{Text::SearchNoMatch, "没有匹配“%s”的结果", "Nothing matches \"%s\""},
};

static_assert(kCatalog.size() == static_cast<size_t>(Text::Count),
              "every Text key needs exactly one catalog entry");

constexpr bool CatalogInKeyOrder() {
    for (size_t i = 0; i < kCatalog.size(); ++i) {
        if (static_cast<size_t>(kCatalog[i].key) != i) {
            return false;
        }
    }
    return true;
}
static_assert(CatalogInKeyOrder(), "catalog entries must follow the order of enum Text");

std::string Lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

} // namespace

const char* Tr(Text key, Language lang) {
    const Entry& e = kCatalog[static_cast<size_t>(key)];
    return lang == Language::Chinese ? e.zh : e.en;
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
