#pragma once
// A volunteer as the app keeps one: who they are (name, phone, category), what they can do
// (skills), and their latest negative test, which posts may require.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/text.hpp"
#include "base/utf8.hpp"

namespace linli {

struct Volunteer {
    std::string id;
    std::string rev;
    std::string name;
    std::string phone;
    std::string category;            // a kVolunteerCategories key, or "" (not said)
    std::vector<std::string> skills; // kVolunteerSkills keys
    int64_t last_negative_test = 0;  // ms of the day of the test; 0: none known
    std::string note;
    uint64_t code_key = 0; // the key of their phone's reply codes (0: none yet)
};

// Keys stored in documents; the UI translates them.
inline constexpr const char* kVolunteerCategories[] = {"party_member", "ex_soldier", "student",
                                                       "resident", "staff"};
inline constexpr const char* kVolunteerSkills[] = {"driver", "medical", "elder_care", "dialect"};
// A category or skill as typed in a spreadsheet ("党员", "退役军人", "司机", "driver") as
// its key, or "" when it is none of them.
std::string CategoryKeyOf(std::string_view text);
std::string SkillKeyOf(std::string_view text);

enum class VolunteerProblem { NameMissing, NameTooLong, PhoneMissing, PhoneInvalid };

// Problems with what was typed, in form order; empty when it can be saved.
std::vector<VolunteerProblem> ValidateVolunteer(std::string_view name, std::string_view phone);

// A volunteer sheet's rows (the first one a header naming the columns: 姓名/name,
// 手机/电话/phone, 类别/身份/category, 技能/skills, 核酸/test date, 备注/note) as
// volunteers, with the 1-based numbers of rows that could not be read (no name or phone).
struct VolunteerSheet {
    std::vector<Volunteer> volunteers;
    std::vector<size_t> bad_rows;
    bool header_found = false;
};
VolunteerSheet VolunteersFromRows(const std::vector<std::vector<std::string>>& rows);
// "2026-12-01", "2026/12/1", "2026.12.01" as ms at that day's UTC midnight; 0 otherwise.
int64_t ParseDateMs(std::string_view text);

// By name (substring), phone (digits anywhere, so a phone tail works).
bool VolunteerMatches(const Volunteer& v, std::string_view query);

} // namespace linli
