#include "core/roster/roster.hpp"

#include <algorithm>
#include <cctype>
#include <initializer_list>

#include "base/ascii.hpp"
#include "base/text.hpp"
#include "base/utf8.hpp"
#include "core/roster/address.hpp"
#include "core/roster/pinyin.hpp"

namespace linli {
namespace {

// A part that names a building, unit or room by number: "3", "12A", "A", "十二".
bool IsAddressNumber(std::string_view s) {
    return !s.empty() &&
           (std::all_of(s.begin(), s.end(), IsAsciiAlnum) || ParseChineseNumber(s) >= 0);
}

std::string NormalizeAddressPart(std::string_view text,
                                 std::initializer_list<std::string_view> suffixes,
                                 bool drop_leading_zeros) {
    std::string compact = ToHalfWidth(text);
    std::erase_if(compact, [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; });
    constexpr std::string_view kOrdinal = "第"; // 第3栋
    std::string_view part = compact;
    for (const std::string_view suffix : suffixes) {
        if (part.size() > suffix.size() && part.ends_with(suffix)) {
            std::string_view stem = part.substr(0, part.size() - suffix.size());
            if (stem.starts_with(kOrdinal)) {
                stem.remove_prefix(kOrdinal.size());
            }
            if (IsAddressNumber(stem)) {
                part = stem;
                break;
            }
        }
    }
    if (part.starts_with(kOrdinal) && IsAddressNumber(part.substr(kOrdinal.size()))) {
        part.remove_prefix(kOrdinal.size());
    }
    if (const int chinese = ParseChineseNumber(part); chinese >= 0) {
        return std::to_string(chinese);
    }
    if (drop_leading_zeros && AllAsciiDigits(part)) {
        while (part.size() > 1 && part.front() == '0') {
            part.remove_prefix(1);
        }
    }
    return std::string(part);
}

// Words that make a search an address search ("3号楼", "2单元", "1502室", "A座").
bool LooksLikeAddressQuery(std::string_view half_width_query) {
    if (std::any_of(half_width_query.begin(), half_width_query.end(), IsAsciiDigit)) {
        return true;
    }
    for (const std::string_view marker : {"楼", "栋", "幢", "座", "单元", "室", "门"}) {
        if (half_width_query.find(marker) != std::string_view::npos) {
            return true;
        }
    }
    return false;
}

} // namespace

std::string NormalizeBuilding(std::string_view text) {
    return NormalizeAddressPart(text, {"号楼", "#楼", "栋", "幢", "座", "号", "楼", "#"}, true);
}

std::string NormalizeUnit(std::string_view text) {
    return NormalizeAddressPart(text, {"单元", "号门", "门", "单", "号"}, true);
}

std::string NormalizeRoom(std::string_view text) {
    // Rooms keep leading zeros: some buildings number them "0502".
    return NormalizeAddressPart(text, {"号房", "室", "号", "房", "户"}, false);
}

std::string HouseholdKey(const Resident& r) {
    return HouseholdKey(r.building, r.unit, r.room);
}

std::string HouseholdKey(std::string_view building, std::string_view unit, std::string_view room) {
    std::string key;
    key.reserve(building.size() + unit.size() + room.size() + 2);
    key.append(building).append(1, '\x1F').append(unit).append(1, '\x1F').append(room);
    return key;
}

bool NaturalLess(std::string_view a, std::string_view b) {
    size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        const bool digit_a = IsAsciiDigit(a[i]), digit_b = IsAsciiDigit(b[j]);
        if (digit_a && digit_b) {
            size_t end_a = i, end_b = j;
            while (end_a < a.size() && IsAsciiDigit(a[end_a])) {
                ++end_a;
            }
            while (end_b < b.size() && IsAsciiDigit(b[end_b])) {
                ++end_b;
            }
            // Compare the numbers without their leading zeros: longer is larger.
            while (i + 1 < end_a && a[i] == '0') {
                ++i;
            }
            while (j + 1 < end_b && b[j] == '0') {
                ++j;
            }
            if (end_a - i != end_b - j) {
                return end_a - i < end_b - j;
            }
            if (const int order = a.substr(i, end_a - i).compare(b.substr(j, end_b - j));
                order != 0) {
                return order < 0;
            }
            i = end_a;
            j = end_b;
            continue;
        }
        if (digit_a != digit_b) {
            return digit_a; // numbers before words
        }
        if (a[i] != b[j]) {
            return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
        }
        ++i;
        ++j;
    }
    if (i == a.size() && j == b.size()) {
        return a < b; // equal as numbers ("02", "2"): a fixed order all the same
    }
    return i == a.size();
}

ResidentQuery ParseResidentQuery(std::string_view query) {
    ResidentQuery q;
    const std::string trimmed = TrimSpaces(query);
    if (trimmed.empty()) {
        return q;
    }
    q.empty = false;
    q.lower = AsciiLower(trimmed);
    q.compact = ToHalfWidth(trimmed);
    std::erase_if(q.compact,
                  [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; });
    q.digits = AllAsciiDigits(q.compact);
    q.initials = q.lower.size() >= 2 && std::all_of(q.lower.begin(), q.lower.end(),
                                                    [](char c) { return c >= 'a' && c <= 'z'; });
    if (!q.digits && LooksLikeAddressQuery(q.compact)) {
        const AddressParts parts = SplitAddress(q.compact);
        q.address = !(parts.building.empty() && parts.unit.empty() && parts.room.empty());
        q.building = parts.building;
        q.unit = parts.unit;
        q.room = parts.room;
    }
    return q;
}

namespace {

// Substring search ignoring ASCII case, without allocating (needle already lowercased).
bool ContainsIgnoringAsciiCase(std::string_view hay, std::string_view needle) {
    if (needle.size() > hay.size()) {
        return false;
    }
    for (size_t i = 0; i + needle.size() <= hay.size(); ++i) {
        size_t j = 0;
        while (j < needle.size() && std::tolower(static_cast<unsigned char>(hay[i + j])) ==
                                        static_cast<unsigned char>(needle[j])) {
            ++j;
        }
        if (j == needle.size()) {
            return true;
        }
    }
    return false;
}

// The phone's digits contain `digits` (a tail), ignoring spaces and dashes in the phone.
bool PhoneContains(std::string_view phone, std::string_view digits) {
    char buf[64];
    size_t n = 0;
    for (const char c : phone) {
        if (std::isdigit(static_cast<unsigned char>(c)) && n < sizeof buf) {
            buf[n++] = c;
        }
    }
    return std::string_view(buf, n).find(digits) != std::string_view::npos;
}

} // namespace

bool ResidentMatches(const Resident& r, const ResidentQuery& q) {
    if (q.empty) {
        return true;
    }
    if (ContainsIgnoringAsciiCase(r.name, q.lower)) {
        return true;
    }
    if (q.initials) {
        return PinyinInitials(r.name).find(q.lower) != std::string::npos;
    }
    if (q.digits) {
        // Short digit strings would match almost every phone; three or more are a phone
        // tail or a room number.
        return q.compact.size() >= 3 && (PhoneContains(r.phone, q.compact) || r.room == q.compact);
    }
    if (!q.address) {
        return false;
    }
    return (q.building.empty() || q.building == r.building) &&
           (q.unit.empty() || q.unit == r.unit) && (q.room.empty() || q.room == r.room);
}

bool ResidentMatches(const Resident& r, std::string_view query) {
    return ResidentMatches(r, ParseResidentQuery(query));
}

std::string MaskIdNumber(std::string_view id_number) {
    const std::string trimmed = TrimSpaces(id_number);
    const std::vector<std::string_view> characters = SplitCharacters(trimmed);
    const size_t count = characters.size();
    // Long enough to keep the region (6) and the tail (4) with something hidden between;
    // anything shorter shows only its last 2.
    const size_t keep_front = count > 10 ? 6 : 0;
    const size_t keep_back = count > 10 ? 4 : (count > 2 ? 2 : 0);
    std::string masked;
    for (size_t i = 0; i < count; ++i) {
        if (i < keep_front || i >= count - keep_back) {
            masked.append(characters[i]);
        } else {
            masked.push_back('*');
        }
    }
    return masked;
}

std::string MaskPhone(std::string_view phone) {
    const std::string digits = NormalizePhone(phone);
    const size_t count = digits.size();
    if (count >= 11) { // a mobile number, maybe with a country code: 138****5678
        return digits.substr(0, count - 8) + "****" + digits.substr(count - 4);
    }
    if (count > 4) {
        return std::string(count - 4, '*') + digits.substr(count - 4);
    }
    return std::string(count, '*');
}

} // namespace linli
