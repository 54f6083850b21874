#include "text/volunteers_text.hpp"

#include "text/catalog.hpp"

namespace linli {
namespace {

constexpr std::array kCatalog = {
    CatalogEntry<VolunteerText>{VolunteerText::SearchHint, "姓名、电话尾号或房号",
                                "Name, phone tail or room"},
    CatalogEntry<VolunteerText>{VolunteerText::VolunteersTitle, "志愿者", "Volunteers"},
    CatalogEntry<VolunteerText>{VolunteerText::VolunteersEmpty, "还没有志愿者。",
                                "No volunteers yet."},
    CatalogEntry<VolunteerText>{VolunteerText::VolunteerAdd, "添加志愿者", "Add volunteer"},
    CatalogEntry<VolunteerText>{VolunteerText::VolunteerNew, "新志愿者", "New volunteer"},
    CatalogEntry<VolunteerText>{VolunteerText::VolunteerEdit, "编辑志愿者", "Edit volunteer"},
    CatalogEntry<VolunteerText>{VolunteerText::ProblemPhoneMissing, "请填写手机号",
                                "Enter a phone number"},
    CatalogEntry<VolunteerText>{VolunteerText::ProblemPhoneInvalid, "手机号应为 5 到 15 位数字",
                                "A phone number has 5 to 15 digits"},
    CatalogEntry<VolunteerText>{VolunteerText::VolunteerCount, "共 %d 人", "%d people"},
};
static_assert(IsCompleteCatalog(kCatalog), "every key needs one entry, in key order");

} // namespace

const char* Tr(VolunteerText key, Language lang) {
    return Lookup(kCatalog, key, lang);
}

} // namespace linli
