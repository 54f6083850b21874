#include "text/settings_text.hpp"

#include "text/catalog.hpp"

namespace linli {
namespace {

constexpr std::array kCatalog = {
    CatalogEntry<SettingsText>{SettingsText::SettingsTitle, "设置", "Settings"},
    CatalogEntry<SettingsText>{SettingsText::SettingsLanguage, "语言", "Language"},
    CatalogEntry<SettingsText>{SettingsText::LanguageChinese, "中文", "中文"},
    CatalogEntry<SettingsText>{SettingsText::LanguageEnglish, "English", "English"},
    CatalogEntry<SettingsText>{SettingsText::SettingsTextSize, "文字大小", "Text size"},
    CatalogEntry<SettingsText>{SettingsText::TextSizeStandard, "标准", "Standard"},
    CatalogEntry<SettingsText>{SettingsText::TextSizeLarge, "大", "Large"},
    CatalogEntry<SettingsText>{SettingsText::TextSizeExtraLarge, "特大", "Extra large"},
    CatalogEntry<SettingsText>{SettingsText::SettingsDisplay, "屏幕", "Screen"},
    CatalogEntry<SettingsText>{SettingsText::DisplayScreen, "%.0f×%.0f，像素比 %.2g",
                               "%.0f×%.0f, pixel ratio %.2g"},
    CatalogEntry<SettingsText>{SettingsText::SettingsFonts, "字体", "Fonts"},
    CatalogEntry<SettingsText>{SettingsText::FontSlicesLoaded, "已按需加载 %d 个字体分片",
                               "%d font slices loaded as needed"},
    CatalogEntry<SettingsText>{SettingsText::FontSlicesLoading, "正在加载字体分片…",
                               "Loading font slices…"},
    CatalogEntry<SettingsText>{SettingsText::FontSlicesNoneNeeded, "界面用字已就绪，其余字按需加载",
                               "The interface's characters are ready; others load when needed"},
    CatalogEntry<SettingsText>{
        SettingsText::FontSlicesFailed, "有字体分片未能下载，部分字可能显示为方框，联网后自动补上",
        "Some font slices could not be downloaded; some characters may show as boxes until online"},
    CatalogEntry<SettingsText>{SettingsText::SettingsAbout, "关于", "About"},
    CatalogEntry<SettingsText>{SettingsText::AboutText, "邻里：社区防疫工作台，离线可用。",
                               "Linli: a community response desk that works offline."},
    CatalogEntry<SettingsText>{SettingsText::SettingsVersion, "版本 %s", "Version %s"},
    CatalogEntry<SettingsText>{SettingsText::SettingsDevice, "本机", "This device"},
    CatalogEntry<SettingsText>{SettingsText::DeviceNameLabel, "设备名称", "Device name"},
    CatalogEntry<SettingsText>{SettingsText::DeviceNameHint, "例如：居委会办公室笔记本",
                               "e.g. Committee office laptop"},
    CatalogEntry<SettingsText>{SettingsText::SettingsStorage, "存储", "Storage"},
    CatalogEntry<SettingsText>{SettingsText::StorageUsage, "已用 %.1f MB，配额 %.0f MB",
                               "%.1f MB used of %.0f MB"},
    CatalogEntry<SettingsText>{SettingsText::StoragePersistent,
                               "持久存储：已开启（浏览器不会自动清除）",
                               "Persistent storage: on (the browser will not clear it)"},
    CatalogEntry<SettingsText>{
        SettingsText::StorageNotPersistent,
        "持久存储：未开启（空间紧张时浏览器可能清除数据，请定期导出备份）",
        "Persistent storage: off (the browser may clear data when space is short; export backups)"},
    CatalogEntry<SettingsText>{SettingsText::StorageUnknown, "无法读取存储信息",
                               "Storage information unavailable"},
    CatalogEntry<SettingsText>{SettingsText::SettingsBackup, "备份", "Backup"},
    CatalogEntry<SettingsText>{SettingsText::BackupExport, "导出备份", "Export backup"},
    CatalogEntry<SettingsText>{SettingsText::BackupRestore, "从备份恢复", "Restore from backup"},
    CatalogEntry<SettingsText>{
        SettingsText::BackupExplain, "备份包含本机全部数据。恢复会合并数据，不会删除现有记录。",
        "A backup holds all data on this device. Restoring merges it in and deletes nothing."},
    CatalogEntry<SettingsText>{SettingsText::BackupExported, "已导出 %d 条记录",
                               "Exported %d records"},
};
static_assert(IsCompleteCatalog(kCatalog), "every key needs one entry, in key order");

} // namespace

const char* Tr(SettingsText key, Language lang) {
    return Lookup(kCatalog, key, lang);
}

} // namespace linli
