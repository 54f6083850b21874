#include "core/volunteer.hpp"

#include <cctype>

namespace linli {

std::string TrimSpaces(std::string_view s) {
    constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";
    bool changed = true;
    while (changed) {
        changed = false;
        while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) {
            s.remove_prefix(1);
            changed = true;
        }
        while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) {
            s.remove_suffix(1);
            changed = true;
        }
        if (s.substr(0, 3) == kIdeographicSpace) {
            s.remove_prefix(3);
            changed = true;
        }
        if (s.size() >= 3 && s.substr(s.size() - 3) == kIdeographicSpace) {
            s.remove_suffix(3);
            changed = true;
        }
    }
    return std::string(s);
}

std::string NormalizePhone(std::string_view phone) {
    std::string out;
    for (const char c : phone) {
        if (std::isdigit(static_cast<unsigned char>(c))) {
            out.push_back(c);
        } else if (c == '+' && out.empty()) {
            out.push_back(c);
        }
    }
    return out;
}

size_t CountCharacters(std::string_view utf8) {
    size_t count = 0;
    for (const char c : utf8) {
        count += (static_cast<unsigned char>(c) & 0xC0) != 0x80; // not a continuation byte
    }
    return count;
}

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
