#include "text/shell_text.hpp"

#include "text/catalog.hpp"

namespace linli {
namespace {

constexpr std::array kCatalog = {
    CatalogEntry<ShellText>{ShellText::AppName, "邻里", "Linli"},
    CatalogEntry<ShellText>{ShellText::AreaSampling, "采样", "Sampling"},
    CatalogEntry<ShellText>{ShellText::AreaSupplies, "物资", "Supplies"},
    CatalogEntry<ShellText>{ShellText::AreaVolunteers, "志愿者", "Volunteers"},
    CatalogEntry<ShellText>{ShellText::AreaLeader, "总览", "Overview"},
    CatalogEntry<ShellText>{ShellText::AreaSettings, "设置", "Settings"},
    CatalogEntry<ShellText>{ShellText::SearchLabel, "搜索", "Search"},
    CatalogEntry<ShellText>{ShellText::SearchNoMatch, "没有匹配“%s”的结果",
                            "Nothing matches \"%s\""},
    CatalogEntry<ShellText>{ShellText::SaveSaving, "正在保存…", "Saving…"},
    CatalogEntry<ShellText>{ShellText::SaveSaved, "已保存", "Saved"},
    CatalogEntry<ShellText>{
        ShellText::SaveFailedConflict,
        "未保存：这条记录已在别处修改，现在显示的是最新内容。请重新修改。",
        "Not saved: this record was changed elsewhere; the latest version is shown. Please make "
        "your change again."},
    CatalogEntry<ShellText>{
        ShellText::SaveFailedQuota,
        "未保存：设备存储空间已满。请导出备份，并清理浏览器的存储空间。",
        "Not saved: the device's storage is full. Export a backup and free some browser storage."},
    CatalogEntry<ShellText>{ShellText::SaveFailedOther, "未保存：%s", "Not saved: %s"},
    CatalogEntry<ShellText>{ShellText::FieldName, "姓名", "Name"},
    CatalogEntry<ShellText>{ShellText::FieldNameHint, "例如：张三", "e.g. Zhang San"},
    CatalogEntry<ShellText>{ShellText::FieldPhone, "手机号", "Phone"},
    CatalogEntry<ShellText>{ShellText::FieldPhoneHint, "例如：13800138000", "e.g. 13800138000"},
    CatalogEntry<ShellText>{ShellText::ActionSave, "保存", "Save"},
    CatalogEntry<ShellText>{ShellText::ActionCancel, "取消", "Cancel"},
    CatalogEntry<ShellText>{ShellText::ActionBack, "返回", "Back"},
    CatalogEntry<ShellText>{ShellText::ActionDelete, "删除", "Delete"},
    CatalogEntry<ShellText>{ShellText::ActionConfirmDelete, "确认删除", "Confirm delete"},
    CatalogEntry<ShellText>{ShellText::ProblemNameMissing, "请填写姓名", "Enter a name"},
    CatalogEntry<ShellText>{ShellText::ProblemNameTooLong, "姓名太长", "The name is too long"},
    CatalogEntry<ShellText>{ShellText::EditStale, "这条记录刚被修改过，请重新打开后再编辑。",
                            "This record was just changed; open it again to edit."},
    CatalogEntry<ShellText>{ShellText::ReadOnlyRecord, "此记录由较新版本的应用创建，只能查看。",
                            "This record was made by a newer version of the app and is read-only."},
    CatalogEntry<ShellText>{ShellText::RestoreDone, "恢复完成：新增 %d，更新 %d，已有 %d，冲突 %d",
                            "Restored: %d added, %d updated, %d already here, %d conflicts"},
    CatalogEntry<ShellText>{
        ShellText::RestoreNotJson, "无法恢复：文件不是有效的 JSON（可能已损坏）。现有数据未改变。",
        "Cannot restore: the file is not valid JSON (it may be damaged). Nothing was changed."},
    CatalogEntry<ShellText>{
        ShellText::RestoreForeign, "无法恢复：这不是邻里的备份文件。现有数据未改变。",
        "Cannot restore: this is not a Linli backup file. Nothing was changed."},
    CatalogEntry<ShellText>{
        ShellText::RestoreNewer, "无法恢复：备份来自更新版本的应用，请先更新应用。现有数据未改变。",
        "Cannot restore: the backup comes from a newer version of the app; update first. Nothing "
        "was changed."},
    CatalogEntry<ShellText>{ShellText::RestoreBadDoc,
                            "无法恢复：第 %d 条记录损坏（%s）。现有数据未改变。",
                            "Cannot restore: record %d is damaged (%s). Nothing was changed."},
    CatalogEntry<ShellText>{ShellText::RestoreReadFailed, "无法读取文件：%s",
                            "Cannot read the file: %s"},
    CatalogEntry<ShellText>{ShellText::FileTooLarge,
                            "%s 有 %.1f MB，超过可读取的上限 %d MB，未读取。现有数据未改变。",
                            "%s is %.1f MB, over the %d MB a file may have; it was not read. "
                            "Nothing was changed."},
    CatalogEntry<ShellText>{ShellText::RestoreSaving, "正在保存恢复的数据…",
                            "Saving the restored records…"},
    CatalogEntry<ShellText>{
        ShellText::RestoreNotSaved, "恢复未保存（见上方的保存状态）。请再恢复一次。",
        "The restore was not saved (see the save status above). Restore again."},
    CatalogEntry<ShellText>{ShellText::DataNotice, "数据提示", "Data notice"},
    CatalogEntry<ShellText>{
        ShellText::CorruptRecords, "有 %d 条本地记录无法读取，已跳过，其余数据正常。",
        "%d stored records could not be read and were skipped; everything else loaded."},
    CatalogEntry<ShellText>{ShellText::NewerRecords, "%d 条记录来自较新版本的应用，只能查看。",
                            "%d records come from a newer version of the app and are read-only."},
    CatalogEntry<ShellText>{ShellText::DbOpenFailed, "无法打开本地数据库，修改不会被保存：%s",
                            "The local database cannot be opened; changes will not be saved: %s"},
    CatalogEntry<ShellText>{ShellText::UpdateAvailable, "有新版本可用。",
                            "A new version is available."},
    CatalogEntry<ShellText>{ShellText::UpdateNow, "更新", "Update"},
    CatalogEntry<ShellText>{ShellText::Dismiss, "知道了", "OK"},
    CatalogEntry<ShellText>{ShellText::RoundCreate, "创建本轮", "Create round"},
    CatalogEntry<ShellText>{ShellText::AgeYears, "%d岁", "age %d"},
    CatalogEntry<ShellText>{ShellText::MaskedId, "身份证 %s", "ID %s"},
    CatalogEntry<ShellText>{ShellText::ResidentCount, "%d 人", "%d people"},
    CatalogEntry<ShellText>{ShellText::SampleOffer,
                            "还没有数据？先载入一个示例小区看看：3 "
                            "栋楼、一轮做了一半的核酸、一个商品目录和一期正在接单的团购。随时一键删"
                            "除，不影响你自己的数据。",
                            "No data yet? Load a sample community first: 3 buildings, a testing "
                            "round half done, a catalog and an open group buy. Remove it in one "
                            "tap at any time; your own data is not touched."},
    CatalogEntry<ShellText>{ShellText::SampleLoad, "载入示例数据", "Load sample data"},
    CatalogEntry<ShellText>{ShellText::SampleLoading, "正在载入示例数据…",
                            "Loading the sample data…"},
    CatalogEntry<ShellText>{ShellText::SampleBanner, "示例数据：这里的住户、订单都是虚构的",
                            "Sample data: these residents and orders are made up"},
    CatalogEntry<ShellText>{ShellText::SampleRemove, "删除示例数据", "Remove sample"},
    CatalogEntry<ShellText>{ShellText::SampleRemoveConfirm, "再点一次，删除全部示例数据",
                            "Tap again to remove all the sample data"},
    CatalogEntry<ShellText>{ShellText::SampleRemoved, "示例数据已删除",
                            "The sample data is removed"},
    CatalogEntry<ShellText>{ShellText::SampleLoaded, "示例数据已载入", "The sample data is loaded"},
    CatalogEntry<ShellText>{ShellText::SampleNotLoaded, "没能载入示例数据（花名册需为空）",
                            "The sample data was not loaded (the roster must be empty)"},
    CatalogEntry<ShellText>{
        ShellText::SheetNotSheet,
        "这不是表格文件。请在 Excel/WPS 中另存为 .xlsx 或 CSV 再导入。现有数据未改变。",
        "This is not a spreadsheet. Save it as .xlsx or CSV from Excel/WPS and import that. "
        "Nothing was changed."},
    CatalogEntry<ShellText>{
        ShellText::ExportXlsxFailed,
        "Excel 文件没有生成：%s。第一次生成需要联网；可联网后重试，或改为导出 CSV。",
        "The Excel file was not made: %s. The first one needs the network; "
        "try again online, or export CSV instead."},
};
static_assert(IsCompleteCatalog(kCatalog), "every key needs one entry, in key order");

} // namespace

const char* Tr(ShellText key, Language lang) {
    return Lookup(kCatalog, key, lang);
}

} // namespace linli
