#pragma once
// The strings of supply orders, in simplified Chinese and English.
#include "text/i18n.hpp"

namespace linli {

enum class SupplyText : int { SuppliesTitle, SuppliesEmpty, Count };

// The translation of key in lang; never null, never empty.
const char* Tr(SupplyText key, Language lang);

} // namespace linli
