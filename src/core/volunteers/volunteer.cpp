#include "core/volunteers/volunteer.hpp"

#include <cctype>

namespace linli {

std::vector<VolunteerProblem> ValidateVolunteer(std::string_view name, std::string_view phone) {
    std::vector<VolunteerProblem> problems;
    const std::string trimmed = TrimSpaces(name);
    if (trimmed.empty()) {
        problems.push_back(VolunteerProblem::NameMissing);
    } else if (CountCharacters(trimmed) > kMaxNameCharacters) {
        problems.push_back(VolunteerProblem::NameTooLong);
    }
    const std::string digits = NormalizePhone(phone);
    const size_t count = digits.size() - (digits.rfind('+', 0) == 0 ? 1 : 0);
    if (TrimSpaces(phone).empty()) {
        problems.push_back(VolunteerProblem::PhoneMissing);
    } else if (count < 5 || count > 15) {
        // 5: a short internal extension; 15: the E.164 maximum.
        problems.push_back(VolunteerProblem::PhoneInvalid);
    } else {
        for (const char c : phone) {
            const auto u = static_cast<unsigned char>(c);
            if (!(std::isdigit(u) || c == ' ' || c == '-' || c == '+' || c == '(' || c == ')')) {
                problems.push_back(VolunteerProblem::PhoneInvalid);
                break;
            }
        }
    }
    return problems;
}

bool VolunteerMatches(const Volunteer& v, std::string_view query) {
    const std::string q = TrimSpaces(query);
    if (q.empty()) {
        return true;
    }
    if (v.name.find(q) != std::string::npos) {
        return true;
    }
    const std::string digits = NormalizePhone(q);
    return !digits.empty() && digits.size() == q.size() &&
           NormalizePhone(v.phone).find(digits) != std::string::npos;
}

} // namespace linli
