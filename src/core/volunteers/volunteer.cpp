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

namespace {

struct Alias {
    const char* key;
    const char* words[6];
};

constexpr Alias kCategoryAliases[] = {
    {"party_member", {"党员", "共产党员", "party member", "party_member", "party", nullptr}},
    {"ex_soldier", {"退役军人", "退伍军人", "军人", "ex-soldier", "ex_soldier", "veteran"}},
    {"student", {"学生", "大学生", "student", nullptr, nullptr, nullptr}},
    {"resident", {"居民", "群众", "resident", nullptr, nullptr, nullptr}},
    {"staff", {"工作人员", "社区工作者", "员工", "staff", nullptr, nullptr}},
};
constexpr Alias kSkillAliases[] = {
    {"driver", {"司机", "驾驶", "开车", "driver", "driving", nullptr}},
    {"medical", {"医护", "医疗", "护士", "医生", "medical", nullptr}},
    {"elder_care", {"养老", "照护老人", "助老", "elder care", "elder_care", nullptr}},
    {"dialect", {"方言", "dialect", nullptr, nullptr, nullptr, nullptr}},
};

template <size_t N> std::string KeyOf(const Alias (&aliases)[N], std::string_view text) {
    std::string t = TrimSpaces(text);
    for (char& c : t) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    for (const Alias& a : aliases) {
        for (const char* w : a.words) {
            if (w != nullptr && t == w) {
                return a.key;
            }
        }
    }
    return "";
}

} // namespace

std::string CategoryKeyOf(std::string_view text) {
    return KeyOf(kCategoryAliases, text);
}

std::string SkillKeyOf(std::string_view text) {
    return KeyOf(kSkillAliases, text);
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
