#pragma once
// The catalog a committee buys from: items and packs (a pack lists its contents), with
// unit, spec, price, category and the supplier that sells it (name, phone, the minimum it
// delivers: 起送量). Rounds offer catalog items; the purchase list groups a round's totals
// per supplier against those minimums. A supplier's spreadsheet is read with the columns
// guessed, as the roster import does.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/supplies/group_buy.hpp"

namespace linli {

struct CatalogItem {
    std::string id;
    std::string rev;
    std::string name;     // "蔬菜包", "东北大米"
    std::string spec;     // "约6斤", "10kg"
    std::string unit;     // "份", "袋"
    std::string category; // "蔬菜", "粮油", "婴幼儿"
    Fen price = 0;
    std::string supplier; // "绿源农场"
    std::string supplier_phone;
    int min_order = 0;    // the supplier's minimum for this item (0: none)
    std::string contents; // a pack's contents, one per line or comma separated
    std::string aliases;  // other names residents use, comma separated ("A套餐, A")
    bool active = true;
    bool operator==(const CatalogItem&) const = default;
};

enum class CatalogProblem { NameMissing, NameTooLong, PriceMissing, MinOrderInvalid };
std::vector<CatalogProblem> CheckCatalogItem(const CatalogItem& item);

// "39.9", "39.90元", "￥58", "58 元/份" -> fen; nullopt when there is no amount.
std::optional<Fen> ParseYuan(std::string_view text);

// The names an item answers to: its name and its aliases.
std::vector<std::string> CatalogNames(const CatalogItem& item);
// The active item an offer is (by the offer's item id, then its name or code against the
// items' names and aliases), or nullptr: a new item to propose.
const CatalogItem* MatchCatalog(const Offer& offer, const std::vector<const CatalogItem*>& items);
// An offer made from a catalog item (code = its first alias or its name).
Offer OfferFromCatalog(const CatalogItem& item);

// --- A supplier's spreadsheet ------------------------------------------------------
enum class CatalogField {
    Ignore,
    Name,
    Spec,
    Unit,
    Price,
    Category,
    Supplier,
    SupplierPhone,
    MinOrder,
    Contents,
    Aliases
};
// One field per header cell from common names (品名, 商品名称, 规格, 单价, 起送量, ...).
std::vector<CatalogField> GuessCatalogMapping(const std::vector<std::string>& header);
// Whether a row looks like a header (names at least a name and one more field).
bool LooksLikeCatalogHeader(const std::vector<std::string>& cells);

struct CatalogRow {
    size_t line = 0;
    CatalogItem item;
    std::vector<CatalogProblem> problems;
};
// Rows after the header to items (the sheet's supplier fills rows that name none).
std::vector<CatalogRow> CatalogRowsFrom(const std::vector<std::vector<std::string>>& rows,
                                        const std::vector<size_t>& lines,
                                        const std::vector<CatalogField>& mapping);
// The stored item an imported row is (same name, spec and supplier), or nullptr.
const CatalogItem* SameCatalogItem(const CatalogItem& row,
                                   const std::vector<const CatalogItem*>& items);

} // namespace linli
