#pragma once
// A volunteer as the app keeps one (minimal for now: the full volunteer feature adds
// categories, skills, test dates, shifts).
#include <string>
#include <string_view>
#include <vector>

namespace linli {

struct Volunteer {
    std::string id;
    std::string rev;
    std::string name;
    std::string phone;
};

enum class VolunteerProblem { NameMissing, NameTooLong, PhoneMissing, PhoneInvalid };

// Trims spaces (ASCII and the ideographic space U+3000) at both ends.
std::string TrimSpaces(std::string_view s);
// Keeps digits and a leading '+'; drops spaces, dashes and brackets people type.
std::string NormalizePhone(std::string_view phone);
// Characters (code points), not bytes: 王 is one.
size_t CountCharacters(std::string_view utf8);
inline constexpr size_t kMaxNameCharacters = 60;

// Problems with what was typed, in form order; empty when it can be saved.
std::vector<VolunteerProblem> ValidateVolunteer(std::string_view name, std::string_view phone);

// By name (substring), phone (digits anywhere, so a phone tail works).
bool VolunteerMatches(const Volunteer& v, std::string_view query);

} // namespace linli
