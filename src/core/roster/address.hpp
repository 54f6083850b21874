#pragma once
// The address grammar: how people write building, unit and room in one cell.
#include <string>
#include <string_view>

namespace linli {

struct AddressParts {
    std::string building, unit, room; // canonical, as NormalizeBuilding/Unit/Room give
    bool complete = false;            // building and room found (many buildings have no units)
};

// One address cell: "3号楼2单元1502室", "3栋2单元1502", "3-2-1502", "3号楼-2-1502",
// "3栋1502", "XX小区3号楼2单元1502室" (text before the building is ignored). Parts that
// cannot be found stay empty.
AddressParts SplitAddress(std::string_view text);

// Full-width ASCII (３, Ａ, －) and the ideographic space become ASCII; the dashes people
// type in addresses (—, –, ―, −) become '-'.
std::string ToHalfWidth(std::string_view text);

// A number in Chinese numerals: "三" 3, "十二" 12, "二十一" 21, "一百零一" 101, digit by
// digit "一五零二" 1502; -1 when the text is anything else (or empty).
int ParseChineseNumber(std::string_view text);

} // namespace linli
