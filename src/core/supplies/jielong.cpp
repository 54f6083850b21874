// Sections: text helpers (numbers, prices, units); offers from the header; entries
// (number, address, name, items and quantities, edits, notes); orders per household.
#include "core/supplies/jielong.hpp"

#include <algorithm>
#include <map>

#include "base/ascii.hpp"
#include "base/text.hpp"
#include "base/utf8.hpp"
#include "core/roster/roster.hpp"

namespace linli {
namespace {

// ---- Text helpers -----------------------------------------------------------------------

constexpr std::string_view kTimes = "\xC3\x97"; // ×
// Units people write after a quantity (份, 箱, ...).
constexpr std::string_view kUnits[] = {"份", "箱", "袋", "个", "盒", "斤", "件", "桶",
                                       "瓶", "包", "提", "套", "只", "块", "把", "盒"};

bool StartsWith(std::string_view s, size_t at, std::string_view prefix) {
    return s.substr(at, prefix.size()) == prefix;
}

size_t SkipSpaces(std::string_view s, size_t i) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) {
        ++i;
    }
    return i;
}

// A unit at s[i]: its length, or 0.
size_t UnitLength(std::string_view s, size_t i) {
    for (const std::string_view u : kUnits) {
        if (StartsWith(s, i, u)) {
            return u.size();
        }
    }
    return 0;
}

// ASCII digits at s[i] as a number: (value, length); length 0 when there are none.
std::pair<int, size_t> Digits(std::string_view s, size_t i) {
    size_t j = i;
    int value = 0;
    while (j < s.size() && IsAsciiDigit(s[j]) && j - i < 6) {
        value = value * 10 + (s[j] - '0');
        ++j;
    }
    return {value, j - i};
}

// One Chinese numeral character at s[i] (两 too): (value, 3) or (0, 0).
std::pair<int, size_t> ChineseDigit(std::string_view s, size_t i) {
    if (StartsWith(s, i, "两")) {
        return {2, 3};
    }
    if (i + 3 <= s.size()) {
        const int n = ParseChineseNumber(s.substr(i, 3));
        if (n > 0 && n <= 10) {
            return {n, 3};
        }
    }
    return {0, 0};
}

// A price in the text: "39.9元", "69元/份", "¥58", "￥58" (fen, where it starts and ends,
// and the unit after "元/").
struct Price {
    Fen fen = 0;
    size_t begin = std::string_view::npos, end = 0;
    std::string unit;
};

Price FindPrice(std::string_view s) {
    Price p;
    for (size_t i = 0; i < s.size(); ++i) {
        const bool yen_sign = StartsWith(s, i, "\xC2\xA5") || StartsWith(s, i, "\xEF\xBF\xA5");
        size_t start = i;
        if (yen_sign) {
            start = i + (StartsWith(s, i, "\xC2\xA5") ? 2 : 3);
        } else if (!IsAsciiDigit(s[i]) || (i > 0 && IsAsciiDigit(s[i - 1]))) {
            continue;
        }
        auto [whole, len] = Digits(s, start);
        if (len == 0) {
            continue;
        }
        size_t j = start + len;
        Fen fen = static_cast<Fen>(whole) * 100;
        if (j + 1 < s.size() && s[j] == '.' && IsAsciiDigit(s[j + 1])) {
            fen += (s[j + 1] - '0') * 10;
            j += 2;
            if (j < s.size() && IsAsciiDigit(s[j])) {
                fen += s[j] - '0';
                ++j;
            }
        }
        const bool yuan = StartsWith(s, j, "元") || StartsWith(s, j, "块");
        if (!yen_sign && !yuan) {
            continue;
        }
        if (yuan) {
            j += 3;
        }
        p.fen = fen;
        p.begin = i;
        if (j < s.size() && s[j] == '/') {
            const Utf8Char c = DecodeUtf8Char(s, j + 1);
            if (j + 1 < s.size() && c.valid && c.length > 1) {
                p.unit = std::string(s.substr(j + 1, c.length));
                j += 1 + c.length;
            }
        }
        p.end = j;
        return p;
    }
    return p;
}

// "每户限2箱", "限购2份", "每户限购2": the household limit, or 0.
int FindLimit(std::string_view s, std::string_view marker_a, std::string_view marker_b = {}) {
    for (const std::string_view marker : {marker_a, marker_b}) {
        if (marker.empty()) {
            continue;
        }
        const size_t at = s.find(marker);
        if (at == std::string_view::npos) {
            continue;
        }
        size_t i = at + marker.size();
        if (StartsWith(s, i, "购")) {
            i += 3;
        }
        i = SkipSpaces(s, i);
        if (auto [n, len] = Digits(s, i); len > 0) {
            return n;
        }
        if (auto [n, len] = ChineseDigit(s, i); len > 0) {
            return n;
        }
    }
    return 0;
}

std::vector<std::string> SplitSpaces(std::string_view s) {
    std::vector<std::string> out;
    size_t i = 0;
    while (i < s.size()) {
        i = SkipSpaces(s, i);
        size_t j = i;
        while (j < s.size() && s[j] != ' ' && s[j] != '\t') {
            ++j;
        }
        if (j > i) {
            out.emplace_back(s.substr(i, j - i));
        }
        i = j;
    }
    return out;
}

// "1号", "A", "A套餐", "B2", "3号套餐": how a chain numbers its offers.
bool LooksLikeCode(std::string_view t) {
    if (t.empty()) {
        return false;
    }
    size_t i = 0;
    while (i < t.size() && IsAsciiAlnum(t[i])) {
        ++i;
    }
    if (i == 0) {
        return false;
    }
    const std::string_view rest = t.substr(i);
    return rest.empty() || rest == "号" || rest == "套餐" || rest == "号套餐";
}

// Text inside the first pair of brackets, and the text without it.
std::pair<std::string, std::string> SplitBrackets(std::string_view s) {
    const size_t open = s.find('(');
    if (open == std::string_view::npos) {
        return {std::string(s), ""};
    }
    const size_t close = s.find(')', open);
    const std::string inside(
        s.substr(open + 1, (close == std::string_view::npos ? s.size() : close) - open - 1));
    std::string outside(s.substr(0, open));
    if (close != std::string_view::npos) {
        outside += s.substr(close + 1);
    }
    return {outside, inside};
}

// Punctuation and spaces at either end of a name or note.
std::string TrimPunctuation(std::string_view s) {
    std::string t = TrimSpaces(s);
    bool changed = true;
    while (changed && !t.empty()) {
        changed = false;
        for (const std::string_view p :
             {",", "，", "、", ":", "：", "+", "-", ";", "；", "。", "."}) {
            if (t.size() >= p.size() && t.compare(0, p.size(), p) == 0) {
                t.erase(0, p.size());
                changed = true;
            }
            if (t.size() >= p.size() && t.compare(t.size() - p.size(), p.size(), p) == 0) {
                t.erase(t.size() - p.size());
                changed = true;
            }
        }
        t = TrimSpaces(t);
    }
    return t;
}

void AppendNote(std::string& note, std::string_view more) {
    const std::string t = TrimPunctuation(more);
    if (t.empty()) {
        return;
    }
    note += (note.empty() ? "" : "；") + t;
}

// ---- Offers -----------------------------------------------------------------------------

bool ReadOffer(std::string_view line, Offer& out) {
    const Price price = FindPrice(line);
    if (price.begin == std::string_view::npos) {
        return false;
    }
    out = Offer{};
    out.price = price.fen;
    out.unit = price.unit;
    out.household_limit = FindLimit(line, "每户限", "限购");
    out.total_cap = FindLimit(line, "限量", "共限");
    const std::vector<std::string> tokens = SplitSpaces(line.substr(0, price.begin));
    size_t t = 0;
    if (!tokens.empty() && LooksLikeCode(tokens[0])) {
        out.code = tokens[0];
        t = 1;
    }
    if (t < tokens.size()) {
        auto [name, inside] = SplitBrackets(tokens[t]);
        out.name = TrimPunctuation(name);
        out.spec = inside;
        for (size_t k = t + 1; k < tokens.size(); ++k) {
            out.spec += (out.spec.empty() ? "" : " ") + tokens[k];
        }
    }
    // "A套餐 58元（白菜、土豆）": the contents follow the price.
    if (out.spec.empty()) {
        out.spec = SplitBrackets(line.substr(price.end)).second;
    }
    if (out.code.empty()) {
        out.code = out.name;
    }
    if (out.name.empty()) {
        out.name = out.code;
    }
    return !out.code.empty();
}

// ---- Entries ----------------------------------------------------------------------------

constexpr std::string_view kAddressMarkers[] = {"号楼", "栋", "幢", "座", "单元", "室", "楼", "门"};

// Bytes of the address the entry starts with ("1-1-102", "1号楼1单元302", "3栋1502室").
size_t AddressLength(std::string_view s) {
    size_t i = 0;
    size_t last_digit_end = 0;
    while (i < s.size()) {
        if (IsAsciiAlnum(s[i]) || s[i] == '-' || s[i] == '#' || s[i] == '/') {
            ++i;
            if (IsAsciiDigit(s[i - 1])) {
                last_digit_end = i;
            }
            continue;
        }
        bool marker = false;
        for (const std::string_view m : kAddressMarkers) {
            if (StartsWith(s, i, m)) {
                i += m.size();
                marker = true;
                break;
            }
        }
        if (!marker) {
            break;
        }
    }
    // An address ends with its room number or a marker, not with a letter of a name.
    return last_digit_end == 0 ? 0 : std::max(i, last_digit_end);
}

struct AliasMatch {
    size_t at = std::string_view::npos;
    size_t length = 0;
    std::string code;
};

struct Alias {
    std::string text;
    std::string code;
};

// The first alias at or after from, bounded so that "1号" is not found inside "11号".
AliasMatch FindAlias(std::string_view s, size_t from, const std::vector<Alias>& aliases) {
    AliasMatch best;
    for (const Alias& a : aliases) {
        size_t at = s.find(a.text, from);
        while (at != std::string_view::npos) {
            const bool before_ok = at == 0 || !IsAsciiAlnum(s[at - 1]);
            const size_t end = at + a.text.size();
            const bool after_ok = !IsAsciiAlnum(a.text.back()) || end >= s.size() ||
                                  !IsAsciiAlnum(s[end]) || s[end] == 'x' || s[end] == 'X';
            if (before_ok && after_ok) {
                break;
            }
            at = s.find(a.text, at + 1);
        }
        // Earliest wins; at the same place the longest (aliases are sorted longest first).
        if (at != std::string_view::npos && (at < best.at)) {
            best = {at, a.text.size(), a.code};
        }
    }
    return best;
}

// The quantity after an item at s[i]; default 1. Returns (quantity, end).
std::pair<int, size_t> ReadQuantity(std::string_view s, size_t i,
                                    const std::vector<Alias>& aliases) {
    size_t j = SkipSpaces(s, i);
    if (j < s.size() && (s[j] == 'x' || s[j] == 'X' || s[j] == '*' || StartsWith(s, j, kTimes))) {
        size_t k = SkipSpaces(s, j + (StartsWith(s, j, kTimes) ? kTimes.size() : 1));
        auto [n, len] = Digits(s, k);
        if (len == 0) {
            std::tie(n, len) = ChineseDigit(s, k);
        }
        if (len > 0) {
            k += len;
            k += UnitLength(s, k);
            return {n, k};
        }
        return {1, i};
    }
    if (j < s.size() && s[j] == '+') {
        const AliasMatch next = FindAlias(s, j + 1, aliases);
        auto [n, len] = Digits(s, j + 1);
        if (len > 0 && next.at != j + 1) {
            size_t k = j + 1 + len;
            k += UnitLength(s, k);
            return {n, k};
        }
        return {1, i};
    }
    auto [n, len] = Digits(s, j);
    if (len == 0) {
        std::tie(n, len) = ChineseDigit(s, j);
    }
    if (len > 0 && UnitLength(s, j + len) > 0) {
        return {n, j + len + UnitLength(s, j + len)};
    }
    return {1, i};
}

// Removes a marker word from text; true when it was there.
bool TakeMarker(std::string& text, std::initializer_list<std::string_view> markers) {
    for (const std::string_view m : markers) {
        const size_t at = text.find(m);
        if (at != std::string::npos) {
            text.erase(at, m.size());
            return true;
        }
    }
    return false;
}

void ReadEntry(std::string_view rest, const std::vector<Alias>& aliases, JielongEntry& e) {
    const size_t address_length = AddressLength(rest);
    if (address_length > 0) {
        e.address = SplitAddress(rest.substr(0, address_length));
    }
    if (!e.address.complete) {
        e.problem = JielongProblem::NoAddress;
        return;
    }
    const std::string_view body = rest.substr(address_length);
    AliasMatch match = FindAlias(body, 0, aliases);
    std::string lead(body.substr(0, std::min(match.at, body.size())));
    if (TakeMarker(lead, {"取消"})) {
        e.edit = JielongEdit::Cancel;
    } else if (TakeMarker(lead, {"改成", "改为", "改"})) {
        e.edit = JielongEdit::Change;
    }
    auto [name, inside] = SplitBrackets(lead);
    AppendNote(e.note, inside);
    // The name is the first word; what follows it is a note.
    const std::vector<std::string> words = SplitSpaces(name);
    if (!words.empty()) {
        e.name = TrimPunctuation(words[0]);
        for (size_t k = 1; k < words.size(); ++k) {
            AppendNote(e.note, words[k]);
        }
    }
    size_t pos = 0;
    while (match.at != std::string_view::npos) {
        auto [quantity, end] = ReadQuantity(body, match.at + match.length, aliases);
        e.items.push_back({match.code, quantity});
        pos = end;
        match = FindAlias(body, pos, aliases);
        if (match.at != std::string_view::npos) {
            AppendNote(e.note, SplitBrackets(body.substr(pos, match.at - pos)).second);
        }
    }
    if (!e.items.empty()) {
        auto [tail, tail_inside] = SplitBrackets(body.substr(pos));
        AppendNote(e.note, tail);
        AppendNote(e.note, tail_inside);
        return;
    }
    // "改为1份": a new quantity for the only item of the order.
    if (e.edit == JielongEdit::Change) {
        for (size_t i = 0; i < e.note.size(); ++i) {
            auto [n, len] = Digits(e.note, i);
            if (len == 0) {
                std::tie(n, len) = ChineseDigit(e.note, i);
            }
            if (len > 0 && UnitLength(e.note, i + len) > 0) {
                e.items.push_back({"", n});
                return;
            }
        }
    }
    if (e.edit != JielongEdit::Cancel) {
        e.problem = JielongProblem::NoItems;
    }
}

// "12. ", "12、", "12)", "12 " at the start: the entry number and where the rest starts.
std::pair<int, size_t> EntryNumber(std::string_view line) {
    const size_t i = SkipSpaces(line, 0);
    auto [n, len] = Digits(line, i);
    if (len == 0) {
        return {0, 0};
    }
    size_t j = i + len;
    if (j < line.size() && (line[j] == '.' || line[j] == ')')) {
        ++j;
    } else if (StartsWith(line, j, "、")) {
        j += 3;
    } else {
        return {0, 0};
    }
    return {n, SkipSpaces(line, j)};
}

std::vector<Alias> AliasesOf(const std::vector<Offer>& offers) {
    std::vector<Alias> aliases;
    for (const Offer& o : offers) {
        for (std::string& a : OfferAliases(o)) {
            aliases.push_back({std::move(a), o.code});
        }
    }
    std::stable_sort(aliases.begin(), aliases.end(),
                     [](const Alias& a, const Alias& b) { return a.text.size() > b.text.size(); });
    return aliases;
}

} // namespace

std::vector<std::string> OfferAliases(const Offer& offer) {
    std::vector<std::string> out;
    auto add = [&](std::string a) {
        if (!a.empty() && std::find(out.begin(), out.end(), a) == out.end()) {
            out.push_back(std::move(a));
        }
    };
    add(offer.code);
    add(offer.name);
    const std::string suffix = "套餐";
    if (offer.code.size() > suffix.size() &&
        offer.code.compare(offer.code.size() - suffix.size(), suffix.size(), suffix) == 0) {
        const std::string letter = offer.code.substr(0, offer.code.size() - suffix.size());
        if (IsAsciiAlpha(letter[0])) {
            add(letter);
        }
    }
    if (offer.price > 0 && (offer.price % 100) == 0) {
        add(YuanText(offer.price) + "元套餐");
    }
    return out;
}

JielongPost ParseJielong(std::string_view text, const std::vector<Offer>& known) {
    JielongPost post;
    std::vector<std::string> lines;
    size_t start = 0;
    for (size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == '\n') {
            std::string_view l = text.substr(start, i - start);
            if (!l.empty() && l.back() == '\r') {
                l.remove_suffix(1);
            }
            lines.emplace_back(l);
            start = i + 1;
        }
    }
    bool in_entries = false;
    std::vector<Alias> aliases = AliasesOf(known);
    post.offers = known;
    for (size_t n = 0; n < lines.size(); ++n) {
        const std::string half = ToHalfWidth(lines[n]);
        const std::string trimmed = TrimSpaces(half);
        if (trimmed.empty() || trimmed.rfind("#接龙", 0) == 0) {
            continue;
        }
        const auto [number, rest] = EntryNumber(trimmed);
        if (number == 0 && !in_entries) {
            Offer offer;
            if (known.empty() && ReadOffer(trimmed, offer)) {
                post.offers.push_back(std::move(offer));
            } else if (post.title.empty() && post.offers.empty()) {
                post.title = trimmed;
            } else {
                post.header_text.push_back(trimmed);
            }
            continue;
        }
        if (!in_entries) {
            in_entries = true;
            aliases = AliasesOf(post.offers);
        }
        JielongEntry e;
        e.line = n + 1;
        e.number = number;
        e.text = TrimSpaces(lines[n]);
        if (number == 0) {
            e.problem = JielongProblem::NoAddress; // a line between entries (a reply)
        } else {
            ReadEntry(std::string_view(trimmed).substr(rest), aliases, e);
        }
        post.entries.push_back(std::move(e));
    }
    return post;
}

// ---- Orders per household ---------------------------------------------------------------

std::vector<JielongOrder> OrdersFromJielong(const JielongPost& post) {
    std::vector<JielongOrder> orders;
    std::map<std::string, size_t> by_household;
    std::map<std::string, std::vector<std::pair<std::string, std::vector<JielongItem>>>> seen;
    for (const JielongEntry& e : post.entries) {
        if (e.problem != JielongProblem::None) {
            continue;
        }
        const std::string key = HouseholdKey(e.address.building, e.address.unit, e.address.room);
        const auto it = by_household.find(key);
        JielongOrder* order = it == by_household.end() ? nullptr : &orders[it->second];
        auto set_quantity = [](JielongOrder& o, const std::string& code, int quantity) {
            for (OrderLine& l : o.lines) {
                if (l.code == code) {
                    l.quantity = quantity;
                    return;
                }
            }
            o.lines.push_back({code, quantity});
        };
        if (e.edit == JielongEdit::Cancel) {
            if (order == nullptr) {
                continue;
            }
            order->entries.push_back(e.number);
            if (e.items.empty()) {
                order->cancelled = true;
            }
            for (const JielongItem& item : e.items) {
                std::erase_if(order->lines,
                              [&](const OrderLine& l) { return l.code == item.code; });
            }
            continue;
        }
        if (order != nullptr && e.edit == JielongEdit::Change) {
            order->entries.push_back(e.number);
            order->cancelled = false;
            for (const JielongItem& item : e.items) {
                if (item.code.empty()) {
                    if (order->lines.size() == 1) {
                        order->lines[0].quantity = item.quantity;
                    }
                } else {
                    set_quantity(*order, item.code, item.quantity);
                }
            }
            AppendNote(order->note, e.note);
            continue;
        }
        if (order == nullptr) {
            by_household[key] = orders.size();
            orders.push_back({e.address, e.name, {}, "", {}, false});
            order = &orders.back();
        } else {
            // The same person with the same items again adds nothing.
            bool duplicate = false;
            for (const auto& [name, items] : seen[key]) {
                duplicate = duplicate || (name == e.name && items == e.items);
            }
            if (duplicate) {
                continue;
            }
            if (order->cancelled) {
                order->cancelled = false;
                order->lines.clear();
            }
        }
        seen[key].push_back({e.name, e.items});
        order->entries.push_back(e.number);
        for (const JielongItem& item : e.items) {
            if (item.code.empty()) {
                continue;
            }
            bool added = false;
            for (OrderLine& l : order->lines) {
                if (l.code == item.code) {
                    l.quantity += item.quantity;
                    added = true;
                }
            }
            if (!added) {
                order->lines.push_back({item.code, item.quantity});
            }
        }
        AppendNote(order->note, e.note);
    }
    return orders;
}

} // namespace linli
