#include "text/i18n.hpp"

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
    Entry{Text::SamplingFound, "找到 %d 人", "%d found"},
    Entry{Text::SamplingBuildings, "楼栋", "Buildings"},
    Entry{Text::SamplingNoBuildings, "还没有楼栋。先导入名册，或新增一位居民。",
          "No buildings yet. Import a roster or add a resident."},
    Entry{Text::BuildingName, "%s号楼", "Building %s"},
    Entry{Text::UnitName, "%s单元", "Unit %s"},
    Entry{Text::RoomName, "%s室", "Room %s"},
    Entry{Text::NoUnit, "无单元", "No unit"},
    Entry{Text::BuildingSummary, "%d 户 · %d 人", "%d households · %d people"},
    Entry{Text::LevelSealed, "封控区", "Sealed"},
    Entry{Text::LevelControlled, "管控区", "Controlled"},
    Entry{Text::LevelPrecaution, "防范区", "Precaution"},
    Entry{Text::ControlLevelLabel, "管控级别", "Control level"},
    Entry{Text::ImportRoster, "导入名册", "Import roster"},
    Entry{Text::AddResident, "新增居民", "Add resident"},
    Entry{Text::ExportRoster, "导出名册 (CSV)", "Export roster (CSV)"},
    Entry{Text::RoundsTitle, "检测轮次", "Testing rounds"},
    Entry{Text::RoundNew, "新建一轮检测", "New testing round"},
    Entry{Text::RoundNone, "还没有检测轮次。", "No testing round yet."},
    Entry{Text::RoundLine, "%s · %s · %s", "%s · %s · %s"},
    Entry{Text::KindEveryone, "全员核酸", "Everyone (PCR)"},
    Entry{Text::KindFocus, "重点人群", "Focus groups"},
    Entry{Text::KindAntigen, "抗原检测", "Antigen test"},
    Entry{Text::KindRetest, "复检", "Re-test"},
    Entry{Text::PoolSingle, "单管", "Single tube"},
    Entry{Text::Pool10, "10合1", "10-in-1"},
    Entry{Text::Pool20, "20合1", "20-in-1"},
    Entry{Text::ProgressLine, "已采 %d / %d 人 · %d 户未完成",
          "%d of %d sampled · %d households not complete"},
    Entry{Text::ProgressCompare, "上一轮（%s）：已采 %d%%", "Previous round (%s): %d%% sampled"},
    Entry{Text::RoundDate, "日期", "Date"},
    Entry{Text::RoundDateHint, "例如：2026-11-22", "e.g. 2026-11-22"},
    Entry{Text::RoundKindLabel, "类型", "Kind"},
    Entry{Text::RoundPool, "混管", "Pooling"},
    Entry{Text::RoundSite, "采样点", "Sampling site"},
    Entry{Text::RoundSiteHint, "例如：东门广场", "e.g. East gate square"},
    Entry{Text::RoundWindow, "时间段", "Time window"},
    Entry{Text::RoundWindowHint, "例如：08:00-11:00", "e.g. 08:00-11:00"},
    Entry{Text::RoundAddSite, "再加一个采样点", "Add another site"},
    Entry{Text::RoundScope, "范围", "Scope"},
    Entry{Text::ScopeAll, "全部楼栋", "All buildings"},
    Entry{Text::ScopeChosen, "选定楼栋", "Chosen buildings"},
    Entry{Text::RoundCreate, "创建本轮", "Create round"},
    Entry{Text::RoundDateMissing, "请填写日期", "Enter a date"},
    Entry{Text::RoundScopeEmpty, "请至少选择一栋楼", "Choose at least one building"},
    Entry{Text::TabProgress, "进度", "Progress"},
    Entry{Text::TabMissing, "未采", "Missing"},
    Entry{Text::TabHomeVisits, "上门", "Home visits"},
    Entry{Text::TabTubes, "试管", "Tubes"},
    Entry{Text::MissingEmpty, "全部完成，没有遗漏的户。", "Every household is accounted for."},
    Entry{Text::HomeVisitEmpty, "没有需要上门采样的居民。", "Nobody needs a home visit."},
    Entry{Text::ExportRound, "导出本轮 (CSV)", "Export this round (CSV)"},
    Entry{Text::PrintChecklist, "打印本楼清单", "Print building checklist"},
    Entry{Text::StatusPending, "待采", "Pending"},
    Entry{Text::StatusSampled, "已采", "Sampled"},
    Entry{Text::StatusAbsent, "不在家/外出", "Absent/away"},
    Entry{Text::StatusExempt, "免采", "Exempt"},
    Entry{Text::StatusRefused, "拒采", "Refused"},
    Entry{Text::StatusNeedsHomeVisit, "需上门", "Needs home visit"},
    Entry{Text::StatusHomeVisitDone, "已上门采样", "Sampled at home"},
    Entry{Text::MarkSample, "采样", "Sample"},
    Entry{Text::MarkMore, "其他", "More"},
    Entry{Text::MarkChoose, "标记：%s", "Mark: %s"},
    Entry{Text::TubeCurrent, "当前试管 %s：%d / %d 人", "Tube %s: %d of %d"},
    Entry{Text::TubeNone, "没有打开的试管：先输入管号再采样。",
          "No open tube: enter a tube number before sampling."},
    Entry{Text::TubeNumber, "管号", "Tube number"},
    Entry{Text::TubeNumberHint, "输入管号", "Type the tube number"},
    Entry{Text::TubeOpen, "开新管", "Open tube"},
    Entry{Text::TubeClose, "封管", "Close tube"},
    Entry{Text::TubeFilled, "试管 %s 已满，已封管。请开新管。",
          "Tube %s is full and closed. Open a new tube."},
    Entry{Text::TubeProblemMissing, "请输入管号", "Enter a tube number"},
    Entry{Text::TubeProblemTaken, "管号 %s 本轮已用过", "Tube %s is already used in this round"},
    Entry{Text::TubeProblemNoOpen, "请先开一个试管，再点采样", "Open a tube before sampling"},
    Entry{Text::TubeProblemFull, "试管已满，请开新管", "The tube is full; open a new one"},
    Entry{Text::TubeResultPending, "待出结果", "Result pending"},
    Entry{Text::TubeResultNegative, "阴性", "Negative"},
    Entry{Text::TubeResultAbnormal, "异常", "Abnormal"},
    Entry{Text::TubeLine, "%d 人 · %s · %s", "%d people · %s · %s"},
    Entry{Text::TubeStateOpen, "采集中", "Open"},
    Entry{Text::TubeStateClosed, "已封管", "Closed"},
    Entry{Text::TubesEmpty, "本轮还没有试管。", "No tubes in this round yet."},
    Entry{Text::TubeAbnormalTitle, "异常管 %s：以下 %d 人（%d 户）需单管复检，所在楼栋需封控",
          "Abnormal tube %s: %d people (%d households) need single-tube re-tests; seal their "
          "buildings"},
    Entry{Text::TubeMembers, "管内人员", "People in this tube"},
    Entry{Text::ResidentNew, "新增居民", "New resident"},
    Entry{Text::ResidentEdit, "编辑居民", "Edit resident"},
    Entry{Text::FieldBuilding, "楼栋", "Building"},
    Entry{Text::FieldBuildingHint, "例如：3号楼", "e.g. 3"},
    Entry{Text::FieldUnit, "单元", "Unit"},
    Entry{Text::FieldUnitHint, "例如：2单元", "e.g. 2"},
    Entry{Text::FieldRoom, "房号", "Room"},
    Entry{Text::FieldRoomHint, "例如：1502", "e.g. 1502"},
    Entry{Text::FieldBirthYear, "出生年份", "Birth year"},
    Entry{Text::FieldBirthYearHint, "例如：1950", "e.g. 1950"},
    Entry{Text::FieldIdNumber, "身份证号（选填）", "ID number (optional)"},
    Entry{Text::FieldRelation, "与户主关系", "Relation to head of household"},
    Entry{Text::FieldNote, "备注", "Note"},
    Entry{Text::FieldNoteHint, "例如：耳背，上门前先打电话", "e.g. hard of hearing, call first"},
    Entry{Text::FieldFlags, "特殊情况", "Special situation"},
    Entry{Text::FieldAge, "年龄", "Age"},
    Entry{Text::FieldAddress, "完整地址", "Full address"},
    Entry{Text::FlagLivesAlone, "独居老人", "Lives alone"},
    Entry{Text::FlagBedridden, "卧床", "Bedridden"},
    Entry{Text::FlagImmobile, "行动不便", "Immobile"},
    Entry{Text::FlagChronic, "慢性病", "Chronic illness"},
    Entry{Text::FlagPregnant, "孕妇", "Pregnant"},
    Entry{Text::FlagInfant, "婴幼儿", "Infant"},
    Entry{Text::FlagDisability, "残疾", "Disability"},
    Entry{Text::FlagAway, "外出未归", "Away from home"},
    Entry{Text::ProblemBuildingMissing, "请填写楼栋", "Enter the building"},
    Entry{Text::ProblemRoomMissing, "请填写房号", "Enter the room"},
    Entry{Text::ProblemBirthYear, "出生年份不对（如 1950）",
          "The birth year is not valid (e.g. 1950)"},
    Entry{Text::AgeYears, "%d岁", "age %d"},
    Entry{Text::ImportTitle, "导入居民名册", "Import residents"},
    Entry{Text::ImportExplain,
          "选择从 Excel 或 WPS 另存的 CSV 文件（UTF-8、GBK 或 Unicode "
          "文本均可）。同一人再次导入会更新，不会重复。",
          "Choose a CSV file saved from Excel or WPS (UTF-8, GBK or Unicode text). Importing the "
          "same people again updates them; nobody is duplicated."},
    Entry{Text::ImportChoose, "选择文件", "Choose file"},
    Entry{Text::ImportFileInfo, "%s：%d 行数据，编码 %s，分隔符 %s",
          "%s: %d data rows, encoding %s, separator %s"},
    Entry{Text::ImportMapping, "每一列是什么", "What each column holds"},
    Entry{Text::ImportMappingExplain, "已按表头自动识别，点击一列可以修改。",
          "Guessed from the headers; tap a column to change it."},
    Entry{Text::ImportColumn, "第 %d 列「%s」：%s", "Column %d \"%s\": %s"},
    Entry{Text::ImportPreview, "前几行预览", "First rows"},
    Entry{Text::ImportStart, "导入 %d 行", "Import %d rows"},
    Entry{Text::ImportNeedName, "请指定哪一列是姓名", "Choose the column that holds the name"},
    Entry{Text::ImportNeedAddress, "请指定楼栋和房号列，或一个完整地址列",
          "Choose the building and room columns, or one full-address column"},
    Entry{Text::ImportProgress, "正在导入… %d / %d", "Importing… %d of %d"},
    Entry{Text::ImportDone, "导入完成：新增 %d，更新 %d，无变化 %d，跳过 %d",
          "Import done: %d added, %d updated, %d unchanged, %d skipped"},
    Entry{Text::ImportSeconds, "用时 %.1f 秒", "Took %.1f s"},
    Entry{Text::ImportSkipped, "跳过的行（共 %d 行）", "Skipped rows (%d)"},
    Entry{Text::ImportSkipLine, "第 %d 行：%s", "Line %d: %s"},
    Entry{Text::SkipNoName, "没有姓名", "no name"},
    Entry{Text::SkipNoAddress, "缺少楼栋或房号", "no building or room"},
    Entry{Text::SkipBadBirthYear, "出生年份或年龄不对", "birth year or age not valid"},
    Entry{Text::SkipDuplicate, "与第 %d 行是同一人", "same person as line %d"},
    Entry{Text::SkipNameTooLong, "姓名太长", "name too long"},
    Entry{Text::ImportInvalidChars, "有 %d 处字符无法识别（显示为 �），请确认文件编码。",
          "%d characters could not be read (shown as �); check the file's encoding."},
    Entry{Text::ImportEmpty, "文件是空的，没有可导入的内容。",
          "The file is empty; there is nothing to import."},
    Entry{Text::ImportNoRows, "文件只有表头，没有数据行。",
          "The file has a header row but no data."},
    Entry{Text::ImportBadQuote, "第 %d 行的引号没有结束，文件可能已损坏。现有数据未改变。",
          "The quote opened on line %d never ends; the file may be damaged. Nothing was changed."},
    Entry{Text::ImportWriteFailed, "写入失败，已写入 %d 人并保留。重新导入同一文件会从中断处继续。",
          "Writing failed after %d people (they are kept). Import the same file again to finish."},
    Entry{Text::ImportAnother, "导入另一个文件", "Import another file"},
    Entry{Text::ActionBack, "返回", "Back"},
    Entry{Text::ActionClose, "关闭", "Close"},
    Entry{Text::OnlyMissing, "只看未完成的户", "Only households not complete"},
    Entry{Text::HouseholdLine, "%s · %d 人", "%s · %d people"},
    Entry{Text::HouseholdDone, "已完成", "Done"},
    Entry{Text::MaskedId, "身份证 %s", "ID %s"},
    Entry{Text::EncodingTab, "制表符", "tab"},
    Entry{Text::EncodingComma, "逗号", "comma"},
    Entry{Text::EncodingSemicolon, "分号", "semicolon"},
    Entry{Text::MarkedBy, "%s 于 %s 标记", "Marked by %s at %s"},
    Entry{Text::ChecklistTitle, "%s 核酸采样清单", "%s sampling checklist"},
    Entry{Text::ChecklistSigned, "采样人签字：__________  日期：__________",
          "Sampler's signature: __________  Date: __________"},
    Entry{Text::ExportDone, "已导出 %d 人", "Exported %d people"},
    Entry{Text::PrintOpened, "清单已在新窗口打开，可用浏览器打印。",
          "The checklist opened in a new window; print it from the browser."},
    Entry{Text::ResidentCount, "%d 人", "%d people"},
    Entry{Text::SearchResidentsHint, "姓名、拼音首字母、电话尾号或 3-2-1502",
          "Name, pinyin initials, phone tail or 3-2-1502"},
    Entry{Text::UnitIncomplete, "（%d户未完成）", " (%d households left)"},
    Entry{Text::SealBuildings, "将所在楼栋设为封控区", "Set their buildings to sealed"},
    Entry{Text::BuildingEdit, "楼栋设置", "Building settings"},
    Entry{Text::BuildingNewName, "新楼名", "New name"},
    Entry{Text::BuildingRename, "改名", "Rename"},
    Entry{Text::BuildingDelete, "删除本楼及其全部居民", "Delete this building and its residents"},
    Entry{Text::BuildingDeleteConfirm, "确认删除本楼 %d 人", "Confirm: delete %d people"},
    Entry{Text::BuildingNameTaken, "已有同名楼栋，请换一个名字",
          "A building with that name exists; choose another"},
    Entry{Text::RoundDelete, "删除本轮（建错时）", "Delete this round (made by mistake)"},
    Entry{Text::RoundDeleteConfirm, "确认删除本轮及其 %d 条标记",
          "Confirm: delete the round and its %d marks"},
    Entry{Text::RosterSection, "居民名册", "Roster"},
    Entry{Text::RoundEdit, "编辑本轮", "Edit this round"},
    Entry{Text::PoolLocked, "已开过试管，混管方式不能再改",
          "Tubes are open: the pooling can no longer change"},
    Entry{Text::RoundsAll, "显示全部 %d 轮", "Show all %d rounds"},
    Entry{Text::ImportSkipColumn, "（不导入）", "(skip)"},
    Entry{Text::ImportStop, "停止导入", "Stop importing"},
    Entry{Text::ImportStopped, "已停止：已写入 %d 人并保留。重新导入同一文件会从停下处继续。",
          "Stopped: %d residents were written and are kept. Importing the same file again "
          "continues where it stopped."},
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
