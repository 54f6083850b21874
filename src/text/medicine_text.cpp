#include "text/medicine_text.hpp"

#include "text/catalog.hpp"

namespace linli {
namespace {

constexpr std::array kCatalog = {
    CatalogEntry<MedicineText>{MedicineText::MedicineTitle, "药品需求", "Medicine needs"},
    CatalogEntry<MedicineText>{
        MedicineText::MedicineExplain, "慢病、独居老人的用药和急需：谁需要什么、多急、谁去办。",
        "Medicine and urgent needs: who needs what, how soon, and who handles it."},
    CatalogEntry<MedicineText>{MedicineText::NewRequest, "新增药品需求", "New medicine request"},
    CatalogEntry<MedicineText>{MedicineText::EditRequest, "修改药品需求", "Edit medicine request"},
    CatalogEntry<MedicineText>{MedicineText::TabRequests, "需求", "Requests"},
    CatalogEntry<MedicineText>{MedicineText::TabToAsk, "未询问", "Not asked"},
    CatalogEntry<MedicineText>{MedicineText::OpenCount, "%d 条需求未办完", "%d requests open"},
    CatalogEntry<MedicineText>{MedicineText::NoOpen, "没有未办完的药品需求",
                               "No open medicine requests"},
    CatalogEntry<MedicineText>{MedicineText::ToAskTitle, "待询问的慢病/独居居民",
                               "Chronic or alone, not asked"},
    CatalogEntry<MedicineText>{MedicineText::ToAskCount, "还有 %d 人未询问", "%d not asked yet"},
    CatalogEntry<MedicineText>{MedicineText::ToAskNone, "慢病和独居的居民都已询问过",
                               "Every chronically ill or living-alone resident has been asked"},
    CatalogEntry<MedicineText>{MedicineText::Asked, "已询问", "Asked"},
    CatalogEntry<MedicineText>{MedicineText::RegisterNeed, "登记需求", "Record a need"},
    CatalogEntry<MedicineText>{MedicineText::AskedDone, "已记下：%s 已询问，暂不需要",
                               "Noted: %s was asked and needs nothing"},
    CatalogEntry<MedicineText>{MedicineText::Undo, "撤销", "Undo"},
    CatalogEntry<MedicineText>{MedicineText::UndoDone, "已撤销：%s 回到待询问名单",
                               "Undone: %s is back on the list to ask"},
    CatalogEntry<MedicineText>{MedicineText::Saved, "已保存：%s", "Saved: %s"},
    CatalogEntry<MedicineText>{MedicineText::UrgencyNow, "立即", "Now"},
    CatalogEntry<MedicineText>{MedicineText::UrgencyToday, "今天", "Today"},
    CatalogEntry<MedicineText>{MedicineText::UrgencyWeek, "本周", "This week"},
    CatalogEntry<MedicineText>{MedicineText::StatusNew, "新登记", "New"},
    CatalogEntry<MedicineText>{MedicineText::StatusAssigned, "已分派", "Assigned"},
    CatalogEntry<MedicineText>{MedicineText::StatusBought, "已买到", "Bought"},
    CatalogEntry<MedicineText>{MedicineText::StatusDelivered, "已送达", "Delivered"},
    CatalogEntry<MedicineText>{MedicineText::StatusCannotGet, "买不到", "Cannot get"},
    CatalogEntry<MedicineText>{MedicineText::FieldResident, "居民", "Resident"},
    CatalogEntry<MedicineText>{MedicineText::ResidentSearch, "查找居民", "Find the resident"},
    CatalogEntry<MedicineText>{MedicineText::ResidentSearchHint,
                               "姓名、拼音首字母、电话尾号或 3-2-1502",
                               "Name, initials, phone tail or 3-2-1502"},
    CatalogEntry<MedicineText>{MedicineText::ResidentFound, "找到 %d 人，点选一位",
                               "%d found: tap one"},
    CatalogEntry<MedicineText>{MedicineText::ResidentMore, "还有 %d 人没列出，请再输入一些",
                               "%d more not listed: type more"},
    CatalogEntry<MedicineText>{MedicineText::ChangeResident, "换一位居民",
                               "Choose another resident"},
    CatalogEntry<MedicineText>{MedicineText::FieldDrug, "药品名称", "Drug"},
    CatalogEntry<MedicineText>{MedicineText::FieldDrugHint, "如：硝苯地平控释片",
                               "e.g. nifedipine tablets"},
    CatalogEntry<MedicineText>{MedicineText::FieldDose, "剂量或处方说明",
                               "Dose or prescription note"},
    CatalogEntry<MedicineText>{MedicineText::FieldDoseHint, "如：30mg 每日一次，一个月的量",
                               "e.g. 30 mg once a day, a month's supply"},
    CatalogEntry<MedicineText>{MedicineText::NeedsCard, "需要居民的医保卡/就诊卡",
                               "Needs the resident's medical card"},
    CatalogEntry<MedicineText>{MedicineText::CardTag, "需医保卡", "medical card"},
    CatalogEntry<MedicineText>{MedicineText::FieldUrgency, "紧急程度", "Urgency"},
    CatalogEntry<MedicineText>{MedicineText::FieldHandler, "经办人", "Handled by"},
    CatalogEntry<MedicineText>{MedicineText::FieldHandlerHint, "谁去买、谁去送",
                               "Who buys and brings it"},
    CatalogEntry<MedicineText>{MedicineText::FieldStatus, "状态", "Status"},
    CatalogEntry<MedicineText>{MedicineText::FieldNote, "备注", "Note"},
    CatalogEntry<MedicineText>{MedicineText::FieldNoteHint, "如：先打电话，耳背",
                               "e.g. call first, hard of hearing"},
    CatalogEntry<MedicineText>{MedicineText::Unassigned, "未分派", "no one yet"},
    CatalogEntry<MedicineText>{MedicineText::HandlerTag, "经办：%s", "by %s"},
    CatalogEntry<MedicineText>{MedicineText::ProblemResidentMissing, "请先选择居民",
                               "Choose the resident first"},
    CatalogEntry<MedicineText>{MedicineText::ProblemUnknownResident, "花名册里没有这位居民",
                               "This resident is not in the roster"},
    CatalogEntry<MedicineText>{MedicineText::ProblemDrugMissing, "请填写药品名称",
                               "Enter the drug"},
    CatalogEntry<MedicineText>{MedicineText::ProblemDrugTooLong, "药品名称太长（最多 100 个字）",
                               "The drug name is too long (100 characters at most)"},
    CatalogEntry<MedicineText>{MedicineText::NoRoster,
                               "花名册里还没有居民，请先在“采样”里导入名册。",
                               "The roster has no residents yet: import it under Sampling first."},
};
static_assert(IsCompleteCatalog(kCatalog), "every key needs one entry, in key order");

} // namespace

const char* Tr(MedicineText key, Language lang) {
    return Lookup(kCatalog, key, lang);
}

} // namespace linli
