#pragma once
// The places and people of a community's sampling roster: buildings (with a control
// level), and residents who carry their own address (building, unit, room). Units and
// households are not stored: they are the distinct (building, unit) and (building, unit,
// room) of the residents, so a household can never be left without its people.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace linli {

// Control level of a building in a lockdown (封控区 / 管控区 / 防范区).
enum class ControlLevel { Sealed, Controlled, Precaution };

// Flags that matter in a crisis; a resident's `flags` is a bit set of these.
enum ResidentFlag : uint32_t {
    kFlagLivesAlone = 1u << 0, // 独居老人
    kFlagBedridden = 1u << 1,  // 卧床
    kFlagImmobile = 1u << 2,   // 行动不便
    kFlagChronic = 1u << 3,    // 慢性病（需用药）
    kFlagPregnant = 1u << 4,   // 孕妇
    kFlagInfant = 1u << 5,     // 婴幼儿
    kFlagDisability = 1u << 6, // 残疾
    kFlagAway = 1u << 7,       // 外出未归
};
inline constexpr uint32_t kAllResidentFlags[] = {kFlagLivesAlone, kFlagBedridden, kFlagImmobile,
                                                 kFlagChronic,    kFlagPregnant,  kFlagInfant,
                                                 kFlagDisability, kFlagAway};
// Bedridden or immobile residents are sampled at home (they go onto the home-visit list).
inline constexpr uint32_t kHomeVisitFlags = kFlagBedridden | kFlagImmobile;

struct Resident {
    std::string id;
    std::string rev;
    // Address in canonical form (see NormalizeBuilding/Unit/Room): "3", "2", "1502".
    std::string building;
    std::string unit;
    std::string room;
    std::string name;
    std::string phone;
    int birth_year = 0;    // 0: unknown
    std::string id_number; // optional and sensitive: shown masked
    std::string relation;  // to the head of household (户主, 配偶, ...), free text
    uint32_t flags = 0;    // ResidentFlag bits
    std::string note;      // free text ("耳背，上门前先打电话")
};

struct Building {
    std::string id; // "building:<canonical name>"
    std::string rev;
    std::string name; // canonical, as residents' `building`
    ControlLevel level = ControlLevel::Precaution;
};

// Canonical address parts, so that "3号楼", "3栋", "3幢", "3" are the same building,
// "2单元", "2" the same unit and "1502室", "1502" the same room. Full-width digits become
// ASCII; spaces are dropped. Names that are not numbers ("A座", "商铺") stay as typed
// (without the 号楼/栋/幢/座 suffix when it follows a number).
std::string NormalizeBuilding(std::string_view text);
std::string NormalizeUnit(std::string_view text);
std::string NormalizeRoom(std::string_view text);

// Household key: building, unit and room joined by U+001F (cannot appear in them).
std::string HouseholdKey(const Resident& r);
std::string HouseholdKey(std::string_view building, std::string_view unit, std::string_view room);

// Orders "2" before "10" and numbers before words, as people expect building lists.
bool NaturalLess(std::string_view a, std::string_view b);

// Search by name (substring), pinyin initials ("wxm" for 王小明), phone tail or digits,
// room ("1502"), or building-unit-room ("3-2-1502", "3号楼2单元1502").
bool ResidentMatches(const Resident& r, std::string_view query);

// The same query parsed once, for matching many residents (a search over 30,000).
struct ResidentQuery {
    bool empty = true;
    std::string lower;     // trimmed, ASCII letters lowercased: matched against names
    bool digits = false;   // all digits: a phone tail or a room (3 or more digits)
    std::string compact;   // half-width, without spaces
    bool address = false;  // "3-2-1502", "3号楼2单元": compared part by part
    bool initials = false; // two or more ASCII letters: also pinyin initials ("wxm")
    std::string building, unit, room;
};
ResidentQuery ParseResidentQuery(std::string_view query);
bool ResidentMatches(const Resident& r, const ResidentQuery& q);

// "110101********1234": keeps the first 6 and the last 4 characters.
std::string MaskIdNumber(std::string_view id_number);
// "138****5678".
std::string MaskPhone(std::string_view phone);

} // namespace linli
