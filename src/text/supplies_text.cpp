#include "text/supplies_text.hpp"

#include "text/catalog.hpp"

namespace linli {
namespace {

constexpr std::array kCatalog = {
    CatalogEntry<SupplyText>{SupplyText::SuppliesTitle, "物资订单", "Supply orders"},
    CatalogEntry<SupplyText>{SupplyText::SuppliesEmpty, "还没有团购轮次。", "No order rounds yet."},
};
static_assert(IsCompleteCatalog(kCatalog), "every key needs one entry, in key order");

} // namespace

const char* Tr(SupplyText key, Language lang) {
    return Lookup(kCatalog, key, lang);
}

} // namespace linli
