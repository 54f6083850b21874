#pragma once
// A volunteer as the app keeps one (minimal for now: the full volunteer feature adds
// categories, skills, test dates, shifts).
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
};

enum class VolunteerProblem { NameMissing, NameTooLong, PhoneMissing, PhoneInvalid };

// Problems with what was typed, in form order; empty when it can be saved.
std::vector<VolunteerProblem> ValidateVolunteer(std::string_view name, std::string_view phone);

// By name (substring), phone (digits anywhere, so a phone tail works).
bool VolunteerMatches(const Volunteer& v, std::string_view query);

} // namespace linli
