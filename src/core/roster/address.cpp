// The address grammar: building, unit and room from what people type in one cell
// ("3号楼2单元1502室", "3-2-1502", "5栋1单元101"), Chinese numerals and full-width folding.
#include "core/roster/address.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "base/ascii.hpp"
#include "base/text.hpp"
#include "base/utf8.hpp"
#include "core/roster/roster.hpp"

namespace linli {
namespace {

// Bytes of the UTF-8 character starting at s[i] (1 for a stray byte).
size_t CharacterLength(std::string_view s, size_t i) {
    return DecodeUtf8Char(s, i).length;
}

// ---- Addresses --------------------------------------------------------------------------

// Bytes of the number character at s[i] (an ASCII letter or digit, or a Chinese numeral),
// 0 when it is not one.
size_t NumberCharacterLength(std::string_view s, size_t i) {
    if (IsAsciiAlnum(s[i])) {
        return 1;
    }
    return i + 3 <= s.size() && ParseChineseNumber(s.substr(i, 3)) >= 0 ? 3 : 0;
}

enum class AddressPartKind { Building, Unit, Room, Floor, Number, Position, Noise };

struct AddressToken {
    std::string_view number;
    AddressPartKind kind;
};

// What the text after a number says it is: "号楼" a building, "单元" a unit, "室" a room,
// "号" depends on its place, nothing (or a dash) is positional as in "3-2-1502".
AddressPartKind ClassifyMarker(std::string_view marker) {
    constexpr std::string_view kSeparators[] = {"-", "_",  "/",  "\\", ".", ",",
                                                " ", "\t", "、", "，", "·"};
    for (bool trimmed = true; trimmed;) {
        trimmed = false;
        for (const std::string_view separator : kSeparators) {
            if (marker.starts_with(separator)) {
                marker.remove_prefix(separator.size());
                trimmed = true;
            }
            if (marker.ends_with(separator)) {
                marker.remove_suffix(separator.size());
                trimmed = true;
            }
        }
    }
    if (marker.empty()) {
        return AddressPartKind::Position;
    }
    struct Marker {
        std::string_view text;
        AddressPartKind kind;
    };
    // Longest first where one starts another ("号楼" before "号", "单元" before "单").
    static constexpr Marker kMarkers[] = {
        {"号楼", AddressPartKind::Building}, {"号门", AddressPartKind::Unit},
        {"号房", AddressPartKind::Room},     {"#楼", AddressPartKind::Building},
        {"#", AddressPartKind::Building},    {"栋", AddressPartKind::Building},
        {"幢", AddressPartKind::Building},   {"座", AddressPartKind::Building},
        {"楼", AddressPartKind::Building},   {"单元", AddressPartKind::Unit},
        {"门", AddressPartKind::Unit},       {"单", AddressPartKind::Unit},
        {"室", AddressPartKind::Room},       {"房", AddressPartKind::Room},
        {"户", AddressPartKind::Room},       {"层", AddressPartKind::Floor},
        {"号", AddressPartKind::Number},
    };
    for (const Marker& m : kMarkers) {
        // A prefix is enough: "号楼(东)", "室（出租）".
        if (marker.starts_with(m.text)) {
            return m.kind;
        }
    }
    return AddressPartKind::Noise;
}

std::vector<AddressToken> TokenizeAddress(std::string_view s) {
    std::vector<AddressToken> tokens;
    size_t i = 0;
    while (i < s.size()) {
        if (NumberCharacterLength(s, i) == 0) { // text before the first number
            i += CharacterLength(s, i);
            continue;
        }
        const size_t number_start = i;
        for (size_t length; i < s.size() && (length = NumberCharacterLength(s, i)) > 0;) {
            i += length;
        }
        const size_t marker_start = i;
        while (i < s.size() && NumberCharacterLength(s, i) == 0) {
            i += CharacterLength(s, i);
        }
        tokens.push_back({s.substr(number_start, marker_start - number_start),
                          ClassifyMarker(s.substr(marker_start, i - marker_start))});
    }
    return tokens;
}

} // namespace

std::string ToHalfWidth(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        const Utf8Char ch = DecodeUtf8Char(text, i);
        const size_t length = ch.length;
        const char32_t cp = ch.valid ? ch.code_point : 0;
        if (cp >= 0xFF01 && cp <= 0xFF5E) { // full-width ASCII
            out.push_back(static_cast<char>(cp - 0xFEE0));
        } else if (cp == 0x3000) {
            out.push_back(' ');
        } else if ((cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0xFE63) {
            out.push_back('-'); // hyphens, en and em dashes, minus
        } else {
            out.append(text.substr(i, length));
        }
        i += length;
    }
    return out;
}

int ParseChineseNumber(std::string_view text) {
    struct Numeral {
        std::string_view glyph;
        int value;
    };
    static constexpr Numeral kNumerals[] = {
        {"〇", 0}, {"零", 0}, {"一", 1}, {"二", 2}, {"两", 2}, {"三", 3},  {"四", 4},
        {"五", 5}, {"六", 6}, {"七", 7}, {"八", 8}, {"九", 9}, {"十", 10}, {"百", 100},
    };
    constexpr size_t kGlyphBytes = 3; // every numeral above is three bytes in UTF-8
    constexpr size_t kMaxDigits = 6;  // keeps the value far from overflowing
    if (text.empty() || text.size() % kGlyphBytes != 0 || text.size() / kGlyphBytes > kMaxDigits) {
        return -1;
    }
    std::vector<int> values;
    for (size_t i = 0; i < text.size(); i += kGlyphBytes) {
        const std::string_view glyph = text.substr(i, kGlyphBytes);
        const auto* numeral = std::find_if(std::begin(kNumerals), std::end(kNumerals),
                                           [&](const Numeral& n) { return n.glyph == glyph; });
        if (numeral == std::end(kNumerals)) {
            return -1;
        }
        values.push_back(numeral->value);
    }
    const bool has_multiplier =
        std::any_of(values.begin(), values.end(), [](int v) { return v >= 10; });
    int total = 0;
    if (!has_multiplier) { // digit by digit: 一五零二
        for (const int v : values) {
            total = total * 10 + v;
        }
        return total;
    }
    int pending = 0; // 二十一: 2 times 10, then 1
    for (const int v : values) {
        if (v >= 10) {
            total += (pending == 0 ? 1 : pending) * v;
            pending = 0;
        } else {
            pending = v;
        }
    }
    return total + pending;
}

AddressParts SplitAddress(std::string_view text) {
    const std::string half_width = ToHalfWidth(TrimSpaces(text));
    std::vector<AddressToken> tokens = TokenizeAddress(half_width);
    // Everything before the last building is a prefix ("XX小区", "幸福路12号"); without a
    // building, everything up to the last word that is not an address marker.
    size_t begin = 0;
    for (size_t k = 0; k < tokens.size(); ++k) {
        if (tokens[k].kind == AddressPartKind::Noise) {
            begin = k + 1;
        }
    }
    for (size_t k = 0; k < tokens.size(); ++k) {
        if (tokens[k].kind == AddressPartKind::Building) {
            begin = k;
        }
    }
    std::vector<AddressToken> used;
    for (size_t k = begin; k < tokens.size(); ++k) {
        if (tokens[k].kind != AddressPartKind::Noise && tokens[k].kind != AddressPartKind::Floor) {
            used.push_back(tokens[k]);
        }
    }

    constexpr size_t kBuilding = 0, kUnit = 1, kRoom = 2, kSlots = 3;
    std::array<std::string_view, kSlots> slots;
    size_t cursor = 0; // slots before it are behind us
    for (size_t k = 0; k < used.size();) {
        const AddressPartKind kind = used[k].kind;
        if (kind == AddressPartKind::Building || kind == AddressPartKind::Unit ||
            kind == AddressPartKind::Room) {
            const size_t slot = kind == AddressPartKind::Building ? kBuilding
                                : kind == AddressPartKind::Unit   ? kUnit
                                                                  : kRoom;
            slots[slot] = used[k].number;
            cursor = slot + 1;
            ++k;
            continue;
        }
        if (kind == AddressPartKind::Number) { // "3号2单元": 号 is the next part, last a room
            const bool last = k + 1 == used.size();
            size_t slot = last ? kRoom : cursor;
            while (slot < kRoom && !slots[slot].empty()) {
                ++slot;
            }
            if (slot >= kSlots) {
                return {};
            }
            slots[slot] = used[k].number;
            cursor = slot + 1;
            ++k;
            continue;
        }
        // A run of positional numbers fills the free slots up to the next marked part;
        // with fewer numbers than slots the unit goes first ("3-1502"), then the building.
        size_t run_end = k;
        while (run_end < used.size() && used[run_end].kind == AddressPartKind::Position) {
            ++run_end;
        }
        size_t limit = kSlots;
        if (run_end < used.size()) {
            const AddressPartKind next = used[run_end].kind;
            limit = next == AddressPartKind::Building ? kBuilding
                    : next == AddressPartKind::Unit   ? kUnit
                    : next == AddressPartKind::Room   ? kRoom
                                                      : kSlots;
        }
        std::vector<size_t> free_slots;
        for (size_t slot = cursor; slot < limit; ++slot) {
            if (slots[slot].empty()) {
                free_slots.push_back(slot);
            }
        }
        const size_t run = run_end - k;
        if (run > free_slots.size()) {
            return {}; // more numbers than an address has: not an address we understand
        }
        if (run < free_slots.size()) {
            std::erase(free_slots, kUnit);
        }
        while (run < free_slots.size()) {
            free_slots.erase(free_slots.begin());
        }
        for (size_t n = 0; n < run; ++n) {
            slots[free_slots[n]] = used[k + n].number;
        }
        cursor = run > 0 ? free_slots[run - 1] + 1 : cursor;
        k = run_end;
    }
    AddressParts parts;
    parts.building = NormalizeBuilding(slots[kBuilding]);
    parts.unit = NormalizeUnit(slots[kUnit]);
    parts.room = NormalizeRoom(slots[kRoom]);
    parts.complete = !parts.building.empty() && !parts.room.empty();
    return parts;
}

} // namespace linli
