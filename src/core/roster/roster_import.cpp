// Sections (marked "// ----"): Flags (words in free text -> ResidentFlag bits); Header
// mapping (header cells -> ImportField); Rows (one spreadsheet row -> a resident: birth
// years, ages, ID numbers, notes); Planning (rows against the stored roster: add, update,
// unchanged, skip).
#include "core/roster/roster_import.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <unordered_map>

#include "base/ascii.hpp"
#include "base/text.hpp"
#include "base/utf8.hpp"

namespace linli {

// ---- Flags ------------------------------------------------------------------------------

namespace {

struct FlagWord {
    std::string_view text;
    uint32_t flag; // 0: a word that only fills ("老人" in 独居老人)
};

constexpr FlagWord kChineseFlagWords[] = {
    {"独居", kFlagLivesAlone},
    {"卧床", kFlagBedridden},
    {"瘫痪", kFlagBedridden},
    {"行动不便", kFlagImmobile},
    {"行动困难", kFlagImmobile},
    {"腿脚不便", kFlagImmobile},
    {"轮椅", kFlagImmobile},
    {"慢性病", kFlagChronic},
    {"慢病", kFlagChronic},
    {"高血压", kFlagChronic},
    {"糖尿病", kFlagChronic},
    {"透析", kFlagChronic},
    {"孕妇", kFlagPregnant},
    {"怀孕", kFlagPregnant},
    {"孕", kFlagPregnant},
    {"婴幼儿", kFlagInfant},
    {"婴儿", kFlagInfant},
    {"幼儿", kFlagInfant},
    {"新生儿", kFlagInfant},
    {"残疾", kFlagDisability},
    {"残障", kFlagDisability},
    {"外出", kFlagAway},
    {"不在家", kFlagAway},
    {"未归", kFlagAway},
    // Words that add nothing to a flag: 独居老人, 慢性病（需用药）, 残疾人.
    {"老年人", 0},
    {"老人", 0},
    {"老年", 0},
    {"需用药", 0},
    {"用药", 0},
    {"人员", 0},
    {"人群", 0},
    {"患者", 0},
    {"人", 0},
    {"和", 0},
    {"及", 0},
    {"等", 0},
};

// English words match whole words, case-insensitively.
constexpr FlagWord kEnglishFlagWords[] = {
    {"lives alone", kFlagLivesAlone},
    {"living alone", kFlagLivesAlone},
    {"alone", kFlagLivesAlone},
    {"bedridden", kFlagBedridden},
    {"bed-ridden", kFlagBedridden},
    {"bed ridden", kFlagBedridden},
    {"immobile", kFlagImmobile},
    {"wheelchair", kFlagImmobile},
    {"reduced mobility", kFlagImmobile},
    {"chronic", kFlagChronic},
    {"dialysis", kFlagChronic},
    {"diabetes", kFlagChronic},
    {"hypertension", kFlagChronic},
    {"pregnant", kFlagPregnant},
    {"pregnancy", kFlagPregnant},
    {"infant", kFlagInfant},
    {"baby", kFlagInfant},
    {"toddler", kFlagInfant},
    {"disabled", kFlagDisability},
    {"disability", kFlagDisability},
    {"away", kFlagAway},
    {"not at home", kFlagAway},
    {"not home", kFlagAway},
    {"elderly", 0},
    {"illness", 0},
    {"disease", 0},
    {"person", 0},
    {"and", 0},
};

// Flags named in the text, and whether the words found (and punctuation) are all of it.
uint32_t ReadFlags(std::string_view text, bool* fully_explained) {
    uint32_t flags = 0;
    std::vector<bool> covered(text.size(), false);
    auto cover = [&](size_t at, size_t length, uint32_t flag) {
        flags |= flag;
        std::fill(covered.begin() + static_cast<std::ptrdiff_t>(at),
                  covered.begin() + static_cast<std::ptrdiff_t>(at + length), true);
    };
    for (const FlagWord& word : kChineseFlagWords) {
        for (size_t at = text.find(word.text); at != std::string_view::npos;
             at = text.find(word.text, at + word.text.size())) {
            cover(at, word.text.size(), word.flag);
        }
    }
    const std::string lower = AsciiLower(text);
    for (const FlagWord& word : kEnglishFlagWords) {
        for (size_t at = lower.find(word.text); at != std::string::npos;
             at = lower.find(word.text, at + 1)) {
            const size_t end = at + word.text.size();
            const bool whole_word = (at == 0 || !IsAsciiAlpha(lower[at - 1])) &&
                                    (end == lower.size() || !IsAsciiAlpha(lower[end]));
            if (whole_word) {
                cover(at, word.text.size(), word.flag);
            }
        }
    }
    if (fully_explained != nullptr) {
        constexpr std::string_view kPunctuation[] = {"，", "、", "；", "。", "：",
                                                     "（", "）", "【", "】", "\xE3\x80\x80"};
        bool explained = true;
        for (size_t i = 0; i < text.size() && explained;) {
            if (covered[i] || std::ispunct(static_cast<unsigned char>(text[i])) ||
                std::isspace(static_cast<unsigned char>(text[i]))) {
                ++i;
                continue;
            }
            const auto* punctuation =
                std::find_if(std::begin(kPunctuation), std::end(kPunctuation),
                             [&](std::string_view p) { return text.substr(i).starts_with(p); });
            if (punctuation == std::end(kPunctuation)) {
                explained = false;
            } else {
                i += punctuation->size();
            }
        }
        *fully_explained = explained;
    }
    return flags;
}

} // namespace

uint32_t FlagsFromText(std::string_view text) {
    return ReadFlags(text, nullptr);
}

// ---- Header mapping ---------------------------------------------------------------------

namespace {

// Lower case, half-width, without spaces, punctuation and bracketed hints:
// "姓名（必填）" and " Birth_Year " become "姓名" and "birthyear".
std::string HeaderKey(std::string_view header) {
    std::string_view view = header;
    if (view.starts_with("\xEF\xBB\xBF")) {
        view.remove_prefix(3);
    }
    const std::string half_width = AsciiLower(ToHalfWidth(TrimSpaces(view)));
    std::string key;
    int depth = 0;
    for (const char c : half_width) {
        if (c == '(') {
            ++depth;
        } else if (c == ')') {
            depth = std::max(0, depth - 1);
        } else if (depth == 0 && !std::isspace(static_cast<unsigned char>(c)) &&
                   std::string_view("_-.*:#").find(c) == std::string_view::npos) {
            key.push_back(c);
        }
    }
    return key;
}

struct FieldNames {
    ImportField field;
    std::vector<std::string_view> exact;    // the whole header
    std::vector<std::string_view> contains; // part of it ("户主姓名", "联系电话1")
};

const std::vector<FieldNames>& KnownHeaders() {
    // Building before Name, Room before Address...: for "contains", the first field wins.
    static const std::vector<FieldNames> kHeaders = {
        {ImportField::Building,
         {"楼栋", "楼号", "楼宇", "栋", "幢", "楼", "栋号", "幢号", "楼栋号", "楼幢", "楼座",
          "building", "buildingno", "bldg", "block", "tower"},
         {"楼栋", "楼号", "楼宇", "栋", "幢", "building"}},
        // Not "unit" as a part: it is inside "community".
        {ImportField::Unit, {"单元", "单元号", "unit", "unitno", "entrance"}, {"单元"}},
        {ImportField::Room,
         {"房号", "门牌号", "门牌", "室", "室号", "房间", "房间号", "房屋号", "户号", "room",
          "roomno", "roomnumber", "door", "doorno", "apt", "apartment", "flat"},
         {"房号", "门牌", "房间", "室号", "room"}},
        {ImportField::Address,
         {"地址", "住址", "家庭住址", "居住地址", "现住址", "详细地址", "address", "addr"},
         {"地址", "住址", "address"}},
        {ImportField::Name,
         {"姓名", "名字", "居民姓名", "住户姓名", "name", "fullname", "residentname"},
         {"姓名", "name"}},
        {ImportField::Phone,
         {"电话", "手机", "手机号", "手机号码", "联系电话", "联系方式", "电话号码", "phone",
          "mobile", "tel", "telephone", "cell", "cellphone"},
         {"电话", "手机", "phone", "mobile"}},
        {ImportField::BirthYear,
         {"出生年份", "出生年", "出生日期", "出生年月", "生日", "birthyear", "yearofbirth", "birth",
          "born", "dateofbirth", "dob", "birthdate", "birthday"},
         {"出生", "birth"}},
        {ImportField::Age, {"年龄", "岁数", "age"}, {"年龄"}},
        {ImportField::IdNumber,
         {"身份证", "身份证号", "身份证号码", "证件号码", "证件号", "公民身份号码", "id",
          "idnumber", "idno", "idcard", "idcardnumber"},
         {"身份证", "证件号", "身份号码"}},
        {ImportField::Relation,
         {"与户主关系", "关系", "户主关系", "relation", "relationship", "relationtohead"},
         {"关系", "relation"}},
        {ImportField::Flags,
         {"特殊情况", "重点人群", "标签", "人员类别", "特殊人群", "人群类别", "人员类型", "flags",
          "flag", "tags", "special", "specialneeds", "category"},
         {"特殊", "重点", "flag"}},
        {ImportField::Note,
         {"备注", "说明", "备注说明", "note", "notes", "remark", "remarks", "comment", "comments"},
         {"备注", "note", "remark"}},
    };
    return kHeaders;
}

} // namespace

std::vector<ImportField> GuessMapping(const std::vector<std::string>& header) {
    std::vector<ImportField> mapping(header.size(), ImportField::Ignore);
    std::vector<std::string> keys;
    for (const std::string& cell : header) {
        keys.push_back(HeaderKey(cell));
    }
    std::vector<bool> taken_fields(static_cast<size_t>(ImportField::Note) + 1, false);
    auto assign = [&](size_t column, ImportField field) {
        if (mapping[column] == ImportField::Ignore && !taken_fields[static_cast<size_t>(field)]) {
            mapping[column] = field;
            taken_fields[static_cast<size_t>(field)] = true;
        }
    };
    // Exact names first, so that "姓名" beats an earlier "户主姓名".
    for (size_t column = 0; column < keys.size(); ++column) {
        for (const FieldNames& names : KnownHeaders()) {
            if (std::find(names.exact.begin(), names.exact.end(), keys[column]) !=
                names.exact.end()) {
                assign(column, names.field);
                break;
            }
        }
    }
    for (size_t column = 0; column < keys.size(); ++column) {
        if (mapping[column] != ImportField::Ignore || keys[column].empty()) {
            continue;
        }
        for (const FieldNames& names : KnownHeaders()) {
            const bool named = std::any_of(names.contains.begin(), names.contains.end(),
                                           [&](std::string_view part) {
                                               return keys[column].find(part) != std::string::npos;
                                           });
            if (named) {
                assign(column, names.field);
                break;
            }
        }
    }
    return mapping;
}

// ---- Rows -------------------------------------------------------------------------------

namespace {

constexpr int kEarliestBirthYear = 1880;
constexpr int kOldestAge = 130;

std::string WithoutSpaces(std::string_view text) {
    std::string out = ToHalfWidth(text);
    std::erase_if(out, [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; });
    return out;
}

size_t LeadingDigits(std::string_view s) {
    size_t n = 0;
    while (n < s.size() && IsAsciiDigit(s[n])) {
        ++n;
    }
    return n;
}

// A date with the year last, as spreadsheets format it in other locales: "6/5/1941".
std::optional<int> TrailingYearOfDate(std::string_view s) {
    size_t at = 0;
    for (int part = 0; part < 2; ++part) {
        const size_t digits = LeadingDigits(s.substr(at));
        if (digits == 0 || digits > 2 || at + digits >= s.size() ||
            std::string_view("/.-").find(s[at + digits]) == std::string_view::npos) {
            return std::nullopt;
        }
        at += digits + 1;
    }
    if (s.size() - at != 4 || LeadingDigits(s.substr(at)) != 4) {
        return std::nullopt;
    }
    return std::stoi(std::string(s.substr(at)));
}

// "1941", "1941年", "1941-05-06", "1941/5/6", "1941.5", "19410506", "6/5/1941".
std::optional<int> ParseBirthYear(std::string_view text, int current_year) {
    const std::string s = WithoutSpaces(text);
    const size_t digits = LeadingDigits(s);
    std::optional<int> parsed;
    if (digits == 4 || (digits == 8 && s.size() == 8)) {
        parsed = std::stoi(s.substr(0, 4));
    } else {
        parsed = TrailingYearOfDate(s);
    }
    if (!parsed) {
        return std::nullopt;
    }
    const int year = *parsed;
    if (year < kEarliestBirthYear || year > current_year) {
        return std::nullopt;
    }
    return year;
}

// "55", "55岁", "55周岁", "55.0" (a number cell saved by a spreadsheet).
std::optional<int> ParseAge(std::string_view text) {
    const std::string s = WithoutSpaces(text);
    const size_t digits = LeadingDigits(s);
    if (digits == 0 || digits > 3) {
        return std::nullopt;
    }
    const std::string_view rest = std::string_view(s).substr(digits);
    const bool decimal_zero = rest.starts_with(".") && rest.size() > 1 &&
                              rest.find_first_not_of('0', 1) == std::string_view::npos;
    if (!(rest.empty() || rest == "岁" || rest == "周岁" || decimal_zero)) {
        return std::nullopt;
    }
    const int age = std::stoi(s.substr(0, digits));
    return age <= kOldestAge ? std::optional<int>(age) : std::nullopt;
}

// The birth year inside an 18-character resident ID (characters 7-14 are YYYYMMDD).
int BirthYearFromIdNumber(std::string_view id, int current_year) {
    if (id.size() != 18 || LeadingDigits(id) < 17) {
        return 0;
    }
    const int year = std::stoi(std::string(id.substr(6, 4)));
    const int month = std::stoi(std::string(id.substr(10, 2)));
    const int day = std::stoi(std::string(id.substr(12, 2)));
    const bool plausible = year >= kEarliestBirthYear && year <= current_year && month >= 1 &&
                           month <= 12 && day >= 1 && day <= 31;
    return plausible ? year : 0;
}

// Line breaks inside a quoted cell may be CRLF; the app shows LF.
std::string UnifyLineBreaks(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            out.push_back('\n');
            i += i + 1 < text.size() && text[i + 1] == '\n';
        } else {
            out.push_back(text[i]);
        }
    }
    return out;
}

void AppendText(std::string& to, std::string_view text) {
    if (!text.empty()) {
        to.append(to.empty() ? "" : "; ").append(text);
    }
}

} // namespace

ImportRow ConvertRow(const std::vector<std::string>& cells, const std::vector<ImportField>& mapping,
                     int current_year, size_t line) {
    ImportRow row;
    row.line = line;
    Resident& r = row.resident;
    std::string building, unit, room, address, birth_year, age, flags_text, note;
    for (size_t column = 0; column < mapping.size(); ++column) {
        if (column >= cells.size() || mapping[column] == ImportField::Ignore) {
            continue; // a short (ragged) row: missing cells are empty
        }
        std::string value = TrimSpaces(cells[column]);
        if (value.empty()) {
            continue;
        }
        // When two columns carry one field, the first non-empty one counts (texts join).
        auto first = [&](std::string& field) {
            if (field.empty()) {
                field = std::move(value);
            }
        };
        switch (mapping[column]) {
        case ImportField::Ignore:
            break;
        case ImportField::Building:
            first(building);
            break;
        case ImportField::Unit:
            first(unit);
            break;
        case ImportField::Room:
            first(room);
            break;
        case ImportField::Address:
            first(address);
            break;
        case ImportField::Name:
            first(r.name);
            break;
        case ImportField::Phone:
            first(r.phone);
            break;
        case ImportField::BirthYear:
            first(birth_year);
            break;
        case ImportField::Age:
            first(age);
            break;
        case ImportField::IdNumber:
            first(r.id_number);
            break;
        case ImportField::Relation:
            first(r.relation);
            break;
        case ImportField::Flags:
            AppendText(flags_text, value);
            break;
        case ImportField::Note:
            AppendText(note, value);
            break;
        }
    }

    r.building = NormalizeBuilding(building);
    r.unit = NormalizeUnit(unit);
    r.room = NormalizeRoom(room);
    if (!address.empty() && (r.building.empty() || r.room.empty())) {
        const AddressParts parts = SplitAddress(address);
        for (auto [part, from_address] :
             {std::pair{&r.building, &parts.building}, std::pair{&r.unit, &parts.unit},
              std::pair{&r.room, &parts.room}}) {
            if (part->empty()) {
                *part = *from_address;
            }
        }
    }

    bool bad_birth_year = false;
    if (!birth_year.empty()) {
        const std::optional<int> year = ParseBirthYear(birth_year, current_year);
        bad_birth_year = !year;
        r.birth_year = year.value_or(0);
    } else if (!age.empty()) {
        const std::optional<int> years = ParseAge(age);
        bad_birth_year = !years;
        r.birth_year = years ? current_year - *years : 0;
    } else {
        r.birth_year = BirthYearFromIdNumber(r.id_number, current_year);
    }

    r.note = UnifyLineBreaks(note);
    r.flags = FlagsFromText(r.note);
    if (!flags_text.empty()) {
        bool fully_explained = false;
        r.flags |= ReadFlags(flags_text, &fully_explained);
        if (!fully_explained) { // "独居, 耳背": the flag is set and 耳背 must not be lost
            AppendText(r.note, UnifyLineBreaks(flags_text));
        }
    }

    if (r.name.empty()) {
        row.problem = RowProblem::NoName;
    } else if (CountCharacters(r.name) > kMaxNameCharacters) {
        row.problem = RowProblem::NameTooLong;
    } else if (r.building.empty() || r.room.empty()) {
        row.problem = RowProblem::NoAddress;
    } else if (bad_birth_year) {
        row.problem = RowProblem::BadBirthYear;
    }
    return row;
}

// ---- Planning ---------------------------------------------------------------------------

namespace {

std::string IdNumberKey(std::string_view id_number) {
    return AsciiUpper(TrimSpaces(id_number));
}

// Digits of a phone without the Chinese country code, so "+86 138..." is "138...".
std::string PhoneKey(std::string_view phone) {
    std::string digits = NormalizePhone(phone);
    if (digits.starts_with("+86")) {
        digits.erase(0, 3);
    }
    if (!digits.empty() && digits.front() == '+') {
        digits.erase(0, 1);
    }
    return digits;
}

std::string PersonKey(std::string_view first, std::string_view second) {
    std::string key(first);
    key.push_back('\x1F');
    key.append(second);
    return key;
}

bool SameResident(const Resident& a, const Resident& b) {
    return a.id == b.id && a.rev == b.rev && a.building == b.building && a.unit == b.unit &&
           a.room == b.room && a.name == b.name && a.phone == b.phone &&
           a.birth_year == b.birth_year && a.id_number == b.id_number && a.relation == b.relation &&
           a.flags == b.flags && a.note == b.note;
}

// Both have an ID number and they differ: two people, whatever else they share.
bool DifferentIdNumbers(const Resident& a, const Resident& b) {
    const std::string id_a = IdNumberKey(a.id_number), id_b = IdNumberKey(b.id_number);
    return !id_a.empty() && !id_b.empty() && id_a != id_b;
}

// The stored resident with what the file says on top: non-empty values replace, flags
// add up, the address moves as a whole.
Resident Merge(const Resident& stored, const Resident& file) {
    Resident merged = stored;
    merged.building = file.building;
    merged.unit = file.unit;
    merged.room = file.room;
    merged.name = file.name;
    if (!file.phone.empty() && PhoneKey(file.phone) != PhoneKey(stored.phone)) {
        merged.phone = file.phone;
    }
    if (file.birth_year != 0) {
        merged.birth_year = file.birth_year;
    }
    if (!file.id_number.empty() && IdNumberKey(file.id_number) != IdNumberKey(stored.id_number)) {
        merged.id_number = file.id_number;
    }
    if (!file.relation.empty()) {
        merged.relation = file.relation;
    }
    merged.flags |= file.flags;
    if (!file.note.empty()) {
        merged.note = file.note;
    }
    return merged;
}

} // namespace

ImportPlan PlanImport(const std::vector<ImportRow>& rows, const std::vector<Resident>& existing) {
    // The first stored resident under each key wins if the store already has duplicates.
    std::unordered_map<std::string, size_t> stored_by_id, stored_by_household, stored_by_phone;
    stored_by_id.reserve(existing.size());
    stored_by_household.reserve(existing.size());
    stored_by_phone.reserve(existing.size());
    for (size_t i = 0; i < existing.size(); ++i) {
        const Resident& r = existing[i];
        if (const std::string id = IdNumberKey(r.id_number); !id.empty()) {
            stored_by_id.emplace(id, i);
        }
        stored_by_household.emplace(PersonKey(HouseholdKey(r), r.name), i);
        if (const std::string phone = PhoneKey(r.phone); !phone.empty()) {
            stored_by_phone.emplace(PersonKey(r.name, phone), i);
        }
    }

    // Rows of this file already planned, by ID number and by household + name; and which
    // stored resident each row took, so two rows never update the same one.
    struct FileRow {
        size_t line;
        std::string id_number; // IdNumberKey
    };
    std::unordered_map<std::string, size_t> file_by_id;
    std::unordered_map<std::string, FileRow> file_by_household;
    std::unordered_map<size_t, size_t> line_of_stored;
    ImportPlan plan;
    plan.rows.reserve(rows.size());
    for (const ImportRow& row : rows) {
        PlannedRow planned;
        planned.line = row.line;
        planned.resident = row.resident;
        planned.problem = row.problem;
        auto skip = [&](RowProblem problem, size_t duplicate_of_line) {
            planned.action = ImportAction::Skip;
            planned.problem = problem;
            planned.duplicate_of_line = duplicate_of_line;
            ++plan.skipped;
            plan.rows.push_back(std::move(planned));
        };
        if (row.problem != RowProblem::None) {
            skip(row.problem, 0);
            continue;
        }
        const Resident& r = row.resident;
        const std::string id = IdNumberKey(r.id_number);
        const std::string household = PersonKey(HouseholdKey(r), r.name);
        if (const auto seen = file_by_id.find(id); !id.empty() && seen != file_by_id.end()) {
            skip(RowProblem::DuplicateInFile, seen->second);
            continue;
        }
        // Same household and name with two different ID numbers: two people (a father and
        // son of one name), not a repeated row.
        if (const auto seen = file_by_household.find(household);
            seen != file_by_household.end() &&
            (id.empty() || seen->second.id_number.empty() || id == seen->second.id_number)) {
            skip(RowProblem::DuplicateInFile, seen->second.line);
            continue;
        }

        std::optional<size_t> match;
        if (const auto found = stored_by_id.find(id); !id.empty() && found != stored_by_id.end()) {
            match = found->second;
        }
        if (const auto found = stored_by_household.find(household);
            !match && found != stored_by_household.end() &&
            !DifferentIdNumbers(existing[found->second], r)) {
            match = found->second;
        }
        if (const std::string phone = PhoneKey(r.phone); !match && !phone.empty()) {
            if (const auto found = stored_by_phone.find(PersonKey(r.name, phone));
                found != stored_by_phone.end() && !DifferentIdNumbers(existing[found->second], r)) {
                match = found->second;
            }
        }
        if (match) {
            if (const auto taken = line_of_stored.find(*match); taken != line_of_stored.end()) {
                skip(RowProblem::DuplicateInFile, taken->second);
                continue;
            }
            line_of_stored.emplace(*match, row.line);
        }
        if (!id.empty()) {
            file_by_id.emplace(id, row.line);
        }
        file_by_household.emplace(household, FileRow{row.line, id});

        if (!match) {
            planned.action = ImportAction::Add;
            ++plan.added;
        } else {
            const Resident& stored = existing[*match];
            planned.resident = Merge(stored, r);
            if (SameResident(planned.resident, stored)) {
                planned.action = ImportAction::Unchanged;
                ++plan.unchanged;
            } else {
                planned.action = ImportAction::Update;
                ++plan.updated;
            }
        }
        plan.rows.push_back(std::move(planned));
    }
    return plan;
}

} // namespace linli
