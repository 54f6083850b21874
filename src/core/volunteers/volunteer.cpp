#include "core/volunteers/volunteer.hpp"

#include <algorithm>
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

int64_t ParseDateMs(std::string_view text) {
    int parts[3] = {0, 0, 0};
    int n = 0;
    bool digit = false;
    for (const char c : TrimSpaces(text)) {
        if (c >= '0' && c <= '9') {
            if (n >= 3) {
                return 0;
            }
            parts[n] = parts[n] * 10 + (c - '0');
            digit = true;
            if (parts[n] > 9999) {
                return 0;
            }
        } else if ((c == '-' || c == '/' || c == '.') && digit) {
            ++n;
            digit = false;
        } else {
            return 0;
        }
    }
    if (n != 2 || !digit) {
        return 0;
    }
    const int y = parts[0], m = parts[1], d = parts[2];
    static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 2000 || y > 2100 || m < 1 || m > 12 || d < 1 || d > kDays[m - 1] ||
        (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))) {
        return 0;
    }
    // Days from civil (Howard Hinnant's algorithm).
    const int yy = y - (m <= 2 ? 1 : 0);
    const int era = yy / 400;
    const int yoe = yy - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    const int64_t days = int64_t{era} * 146097 + doe - 719468;
    return days * 86'400'000;
}

namespace {

enum class Column { None, Name, Phone, Category, Skills, TestDate, Note };

Column ColumnOf(std::string_view header) {
    const std::string h = TrimSpaces(header);
    auto has = [&](const char* word) { return h.find(word) != std::string::npos; };
    if (has("姓名") || has("名字") || h == "name" || h == "Name") {
        return Column::Name;
    }
    if (has("手机") || has("电话") || has("phone") || has("Phone")) {
        return Column::Phone;
    }
    if (has("类别") || has("身份") || has("category") || has("Category")) {
        return Column::Category;
    }
    if (has("技能") || has("特长") || has("skill") || has("Skill")) {
        return Column::Skills;
    }
    if (has("核酸") || has("test") || has("Test")) {
        return Column::TestDate;
    }
    if (has("备注") || has("note") || has("Note")) {
        return Column::Note;
    }
    return Column::None;
}

} // namespace

VolunteerSheet VolunteersFromRows(const std::vector<std::vector<std::string>>& rows) {
    VolunteerSheet out;
    size_t header = rows.size();
    std::vector<Column> columns;
    for (size_t i = 0; i < rows.size() && i < 10; ++i) {
        std::vector<Column> guess;
        bool name = false, phone = false;
        for (const std::string& cell : rows[i]) {
            guess.push_back(ColumnOf(cell));
            name = name || guess.back() == Column::Name;
            phone = phone || guess.back() == Column::Phone;
        }
        if (name && phone) {
            header = i;
            columns = std::move(guess);
            break;
        }
    }
    if (header == rows.size()) {
        return out;
    }
    out.header_found = true;
    for (size_t i = header + 1; i < rows.size(); ++i) {
        const auto& row = rows[i];
        bool blank = true;
        for (const std::string& cell : row) {
            blank = blank && TrimSpaces(cell).empty();
        }
        if (blank) {
            continue;
        }
        Volunteer v;
        for (size_t c = 0; c < row.size() && c < columns.size(); ++c) {
            const std::string cell = TrimSpaces(row[c]);
            switch (columns[c]) {
            case Column::Name:
                v.name = cell;
                break;
            case Column::Phone:
                v.phone = cell;
                break;
            case Column::Category:
                v.category = CategoryKeyOf(cell);
                break;
            case Column::Skills: {
                // "司机、医护" / "driver, medical": split at any separator.
                std::string word;
                auto flush = [&]() {
                    const std::string key = SkillKeyOf(word);
                    if (!key.empty() &&
                        std::find(v.skills.begin(), v.skills.end(), key) == v.skills.end()) {
                        v.skills.push_back(key);
                    }
                    word.clear();
                };
                for (size_t k = 0; k < cell.size();) {
                    const bool ascii_sep =
                        cell[k] == ',' || cell[k] == ';' || cell[k] == '/' || cell[k] == ' ';
                    const bool cjk_sep = cell.compare(k, 3, "、") == 0 ||
                                         cell.compare(k, 3, "，") == 0 ||
                                         cell.compare(k, 3, "；") == 0;
                    if (ascii_sep || cjk_sep) {
                        flush();
                        k += cjk_sep ? 3 : 1;
                    } else {
                        word += cell[k++];
                    }
                }
                flush();
                break;
            }
            case Column::TestDate:
                v.last_negative_test = ParseDateMs(cell);
                break;
            case Column::Note:
                v.note = cell;
                break;
            case Column::None:
                break;
            }
        }
        if (!ValidateVolunteer(v.name, v.phone).empty()) {
            out.bad_rows.push_back(i + 1);
            continue;
        }
        out.volunteers.push_back(std::move(v));
    }
    return out;
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
