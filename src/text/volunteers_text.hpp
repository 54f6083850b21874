#pragma once
// The strings of volunteers, in simplified Chinese and English.
#include "text/i18n.hpp"

namespace linli {

enum class VolunteerText : int {
    SearchHint,
    VolunteersTitle,
    VolunteersEmpty,
    VolunteerAdd,
    VolunteerNew,
    VolunteerEdit,
    ProblemPhoneMissing,
    ProblemPhoneInvalid,
    VolunteerCount,
    Count
};

// The translation of key in lang; never null, never empty.
const char* Tr(VolunteerText key, Language lang);

} // namespace linli
