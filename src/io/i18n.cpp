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
    Entry{Text::SaveSaving, "正在保存…", "Saving…"},
    Entry{Text::SaveSaved, "已保存", "Saved"},
    Entry{Text::SaveFailedConflict,
          "未保存：这条记录已在别处修改，现在显示的是最新内容。请重新修改。",
          "Not saved: this record was changed elsewhere; the latest version is shown. Please make "
          "your change again."},
    Entry{
        Text::SaveFailedQuota, "未保存：设备存储空间已满。请导出备份，并清理浏览器的存储空间。",
        "Not saved: the device's storage is full. Export a backup and free some browser storage."},
    Entry{Text::SaveFailedOther, "未保存：%s", "Not saved: %s"},
    Entry{Text::VolunteerAdd, "添加志愿者", "Add volunteer"},
    Entry{Text::VolunteerNew, "新志愿者", "New volunteer"},
    Entry{Text::VolunteerEdit, "编辑志愿者", "Edit volunteer"},
    Entry{Text::FieldName, "姓名", "Name"},
    Entry{Text::FieldNameHint, "例如：张三", "e.g. Zhang San"},
    Entry{Text::FieldPhone, "手机号", "Phone"},
    Entry{Text::FieldPhoneHint, "例如：13800138000", "e.g. 13800138000"},
    Entry{Text::ActionSave, "保存", "Save"},
    Entry{Text::ActionCancel, "取消", "Cancel"},
    Entry{Text::ActionDelete, "删除", "Delete"},
    Entry{Text::ActionConfirmDelete, "确认删除", "Confirm delete"},
    Entry{Text::ProblemNameMissing, "请填写姓名", "Enter a name"},
    Entry{Text::ProblemNameTooLong, "姓名太长", "The name is too long"},
    Entry{Text::ProblemPhoneMissing, "请填写手机号", "Enter a phone number"},
    Entry{Text::ProblemPhoneInvalid, "手机号应为 5 到 15 位数字",
          "A phone number has 5 to 15 digits"},
    Entry{Text::VolunteerCount, "共 %d 人", "%d people"},
    Entry{Text::EditStale, "这条记录刚被修改过，请重新打开后再编辑。",
          "This record was just changed; open it again to edit."},
    Entry{Text::ReadOnlyRecord, "此记录由较新版本的应用创建，只能查看。",
          "This record was made by a newer version of the app and is read-only."},
    Entry{Text::SettingsDevice, "本机", "This device"},
    Entry{Text::DeviceNameLabel, "设备名称", "Device name"},
    Entry{Text::DeviceNameHint, "例如：居委会办公室笔记本", "e.g. Committee office laptop"},
    Entry{Text::SettingsStorage, "存储", "Storage"},
    Entry{Text::StorageUsage, "已用 %.1f MB，配额 %.0f MB", "%.1f MB used of %.0f MB"},
    Entry{Text::StoragePersistent, "持久存储：已开启（浏览器不会自动清除）",
          "Persistent storage: on (the browser will not clear it)"},
    Entry{
        Text::StorageNotPersistent,
        "持久存储：未开启（空间紧张时浏览器可能清除数据，请定期导出备份）",
        "Persistent storage: off (the browser may clear data when space is short; export backups)"},
    Entry{Text::StorageUnknown, "无法读取存储信息", "Storage information unavailable"},
    Entry{Text::SettingsBackup, "备份", "Backup"},
    Entry{Text::BackupExport, "导出备份", "Export backup"},
    Entry{Text::BackupRestore, "从备份恢复", "Restore from backup"},
    Entry{Text::BackupExplain, "备份包含本机全部数据。恢复会合并数据，不会删除现有记录。",
          "A backup holds all data on this device. Restoring merges it in and deletes nothing."},
    Entry{Text::BackupExported, "已导出 %d 条记录", "Exported %d records"},
    Entry{Text::RestoreDone, "恢复完成：新增 %d，更新 %d，已有 %d，冲突 %d",
          "Restored: %d added, %d updated, %d already here, %d conflicts"},
    Entry{Text::RestoreNotJson, "无法恢复：文件不是有效的 JSON（可能已损坏）。现有数据未改变。",
          "Cannot restore: the file is not valid JSON (it may be damaged). Nothing was changed."},
    Entry{Text::RestoreForeign, "无法恢复：这不是邻里的备份文件。现有数据未改变。",
          "Cannot restore: this is not a Linli backup file. Nothing was changed."},
    Entry{Text::RestoreNewer, "无法恢复：备份来自更新版本的应用，请先更新应用。现有数据未改变。",
          "Cannot restore: the backup comes from a newer version of the app; update first. Nothing "
          "was changed."},
    Entry{Text::RestoreBadDoc, "无法恢复：第 %d 条记录损坏（%s）。现有数据未改变。",
          "Cannot restore: record %d is damaged (%s). Nothing was changed."},
    Entry{Text::RestoreReadFailed, "无法读取文件：%s", "Cannot read the file: %s"},
    Entry{Text::DataNotice, "数据提示", "Data notice"},
    Entry{Text::CorruptRecords, "有 %d 条本地记录无法读取，已跳过，其余数据正常。",
          "%d stored records could not be read and were skipped; everything else loaded."},
    Entry{Text::NewerRecords, "%d 条记录来自较新版本的应用，只能查看。",
          "%d records come from a newer version of the app and are read-only."},
    Entry{Text::DbOpenFailed, "无法打开本地数据库，修改不会被保存：%s",
          "The local database cannot be opened; changes will not be saved: %s"},
    Entry{Text::UpdateAvailable, "有新版本可用。", "A new version is available."},
    Entry{Text::UpdateNow, "更新", "Update"},
    Entry{Text::Dismiss, "知道了", "OK"},
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
