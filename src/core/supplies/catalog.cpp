#include "core/supplies/catalog.hpp"

#include <array>
#include <utility>

#include "base/ascii.hpp"
#include "base/text.hpp"
#include "base/utf8.hpp"
#include "core/roster/address.hpp"

namespace linli {

namespace {

// Splits "A套餐, A，58元套餐" on commas (ASCII, full width, 、) and semicolons.
std::vector<std::string> SplitList(std::string_view text) {
    std::vector<std::string> out;
    std::string current;
    auto flush = [&] {
        std::string t = TrimSpaces(current);
        if (!t.empty()) {
            out.push_back(std::move(t));
        }
        current.clear();
    };
    for (size_t i = 0; i < text.size();) {
        bool sep = false;
        for (std::string_view s : {",", ";", "，", "；", "、", "\n"}) {
            if (text.substr(i, s.size()) == s) {
                i += s.size();
                sep = true;
                break;
            }
        }
        if (sep) {
            flush();
        } else {
            current += text[i++];
        }
    }
    flush();
    return out;
}

std::string Folded(std::string_view s) {
    return AsciiLower(TrimSpaces(ToHalfWidth(s)));
}

} // namespace

std::vector<CatalogProblem> CheckCatalogItem(const CatalogItem& item) {
    std::vector<CatalogProblem> out;
    const std::string name = TrimSpaces(item.name);
    if (name.empty()) {
        out.push_back(CatalogProblem::NameMissing);
    } else if (CountCharacters(name) > kMaxNameCharacters) {
        out.push_back(CatalogProblem::NameTooLong);
    }
    if (item.price <= 0) {
        out.push_back(CatalogProblem::PriceMissing);
    }
    if (item.min_order < 0 || item.min_order > 1'000'000) {
        out.push_back(CatalogProblem::MinOrderInvalid);
    }
    return out;
}

std::optional<Fen> ParseYuan(std::string_view text) {
    const std::string s = ToHalfWidth(text);
    size_t i = 0;
    while (i < s.size() && !IsAsciiDigit(s[i])) {
        ++i;
    }
    if (i == s.size()) {
        return std::nullopt;
    }
    Fen yuan = 0;
    size_t digits = 0;
    while (i < s.size() && IsAsciiDigit(s[i])) {
        if (++digits > 9) {
            return std::nullopt; // more than a billion yuan is a typo
        }
        yuan = yuan * 10 + (s[i++] - '0');
    }
    Fen fen = 0;
    if (i + 1 < s.size() && s[i] == '.' && IsAsciiDigit(s[i + 1])) {
        fen = (s[i + 1] - '0') * 10;
        if (i + 2 < s.size() && IsAsciiDigit(s[i + 2])) {
            fen += s[i + 2] - '0';
        }
    }
    return yuan * 100 + fen;
}

std::vector<std::string> CatalogNames(const CatalogItem& item) {
    std::vector<std::string> out;
    if (!TrimSpaces(item.name).empty()) {
        out.push_back(TrimSpaces(item.name));
    }
    for (std::string& a : SplitList(item.aliases)) {
        out.push_back(std::move(a));
    }
    return out;
}

const CatalogItem* MatchCatalog(const Offer& offer, const std::vector<const CatalogItem*>& items) {
    if (!offer.item_id.empty()) {
        for (const CatalogItem* item : items) {
            if (item->id == offer.item_id) {
                return item;
            }
        }
    }
    const std::string name = Folded(offer.name);
    const std::string code = Folded(offer.code);
    for (const CatalogItem* item : items) {
        if (!item->active) {
            continue;
        }
        for (const std::string& n : CatalogNames(*item)) {
            const std::string folded = Folded(n);
            if ((!name.empty() && folded == name) || (!code.empty() && folded == code)) {
                return item;
            }
        }
    }
    return nullptr;
}

Offer OfferFromCatalog(const CatalogItem& item) {
    Offer o;
    const std::vector<std::string> aliases = SplitList(item.aliases);
    o.code = aliases.empty() ? TrimSpaces(item.name) : aliases.front();
    o.name = TrimSpaces(item.name);
    o.spec = item.spec;
    o.unit = item.unit;
    o.price = item.price;
    o.item_id = item.id;
    return o;
}

// --- A supplier's spreadsheet ----------------------------------------------------

namespace {

struct FieldNames {
    CatalogField field;
    std::array<std::string_view, 8> names;
};

// Exact header names first, then a header containing one of them.
constexpr FieldNames kFieldNames[] = {
    {CatalogField::Name, {"品名", "商品名称", "商品", "名称", "产品名称", "产品", "name", "item"}},
    {CatalogField::Spec, {"规格", "规格型号", "spec", "size"}},
    {CatalogField::Unit, {"单位", "计量单位", "unit"}},
    {CatalogField::Price, {"单价", "价格", "售价", "团购价", "price", "单价(元)", "单价（元）"}},
    {CatalogField::Category, {"分类", "类别", "品类", "category"}},
    {CatalogField::Supplier, {"供应商", "供货商", "商家", "supplier", "vendor"}},
    {CatalogField::SupplierPhone, {"供应商电话", "联系电话", "电话", "手机", "phone"}},
    {CatalogField::MinOrder, {"起送量", "起订量", "最低起订", "起送", "最小起订量", "moq"}},
    {CatalogField::Contents, {"内容", "包含", "套餐内容", "明细", "contents"}},
    {CatalogField::Aliases, {"别名", "简称", "编号", "代号", "alias", "code"}},
};

CatalogField FieldOf(std::string_view header, bool exact) {
    const std::string h = Folded(header);
    if (h.empty()) {
        return CatalogField::Ignore;
    }
    for (const FieldNames& f : kFieldNames) {
        for (std::string_view n : f.names) {
            if (n.empty()) {
                continue;
            }
            if (exact ? h == n : h.find(n) != std::string::npos) {
                return f.field;
            }
        }
    }
    return CatalogField::Ignore;
}

} // namespace

std::vector<CatalogField> GuessCatalogMapping(const std::vector<std::string>& header) {
    std::vector<CatalogField> out(header.size(), CatalogField::Ignore);
    std::vector<bool> taken(static_cast<size_t>(CatalogField::Aliases) + 1, false);
    for (bool exact : {true, false}) {
        for (size_t i = 0; i < header.size(); ++i) {
            if (out[i] != CatalogField::Ignore) {
                continue;
            }
            const CatalogField f = FieldOf(header[i], exact);
            if (f != CatalogField::Ignore && !taken[static_cast<size_t>(f)]) {
                out[i] = f;
                taken[static_cast<size_t>(f)] = true;
            }
        }
    }
    return out;
}

bool LooksLikeCatalogHeader(const std::vector<std::string>& cells) {
    const std::vector<CatalogField> m = GuessCatalogMapping(cells);
    int named = 0;
    bool name = false;
    for (CatalogField f : m) {
        named += f != CatalogField::Ignore;
        name = name || f == CatalogField::Name;
    }
    return name && named >= 2;
}

std::vector<CatalogRow> CatalogRowsFrom(const std::vector<std::vector<std::string>>& rows,
                                        const std::vector<size_t>& lines,
                                        const std::vector<CatalogField>& mapping) {
    std::vector<CatalogRow> out;
    std::string last_supplier;
    std::string last_phone;
    for (size_t r = 0; r < rows.size(); ++r) {
        CatalogRow row;
        row.line = r < lines.size() ? lines[r] : r + 1;
        CatalogItem& item = row.item;
        bool any = false;
        for (size_t c = 0; c < rows[r].size() && c < mapping.size(); ++c) {
            const std::string v = TrimSpaces(rows[r][c]);
            any = any || !v.empty();
            switch (mapping[c]) {
            case CatalogField::Ignore:
                break;
            case CatalogField::Name:
                item.name = v;
                break;
            case CatalogField::Spec:
                item.spec = v;
                break;
            case CatalogField::Unit:
                item.unit = v;
                break;
            case CatalogField::Price:
                if (const auto fen = ParseYuan(v)) {
                    item.price = *fen;
                }
                break;
            case CatalogField::Category:
                item.category = v;
                break;
            case CatalogField::Supplier:
                item.supplier = v;
                break;
            case CatalogField::SupplierPhone:
                item.supplier_phone = NormalizePhone(v);
                break;
            case CatalogField::MinOrder:
                if (const auto q = ParseYuan(v)) {
                    item.min_order = static_cast<int>(std::min<Fen>(*q / 100, 1'000'000));
                }
                break;
            case CatalogField::Contents:
                item.contents = v;
                break;
            case CatalogField::Aliases:
                item.aliases = v;
                break;
            }
        }
        if (!any) {
            continue;
        }
        // A supplier's sheet names the supplier once; rows below it belong to it.
        if (item.supplier.empty()) {
            item.supplier = last_supplier;
            if (item.supplier_phone.empty()) {
                item.supplier_phone = last_phone;
            }
        } else {
            last_supplier = item.supplier;
            last_phone = item.supplier_phone;
        }
        row.problems = CheckCatalogItem(item);
        out.push_back(std::move(row));
    }
    return out;
}

const CatalogItem* SameCatalogItem(const CatalogItem& row,
                                   const std::vector<const CatalogItem*>& items) {
    const std::string name = Folded(row.name);
    const std::string spec = Folded(row.spec);
    const std::string supplier = Folded(row.supplier);
    for (const CatalogItem* item : items) {
        if (Folded(item->name) == name && Folded(item->spec) == spec &&
            Folded(item->supplier) == supplier) {
            return item;
        }
    }
    return nullptr;
}

} // namespace linli
