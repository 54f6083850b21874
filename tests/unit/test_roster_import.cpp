// Sections: header mapping; addresses; flags from text; rows; planning; files end to end.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "core/roster/roster_import.hpp"
#include "io/csv.hpp"
#include "io/text_decode.hpp"

using namespace linli;

namespace {

using F = ImportField;
using Cells = std::vector<std::string>;

constexpr int kYear = 2026; // "now" for ages, fixed so the tests do not age

ImportRow Row(const Cells& cells, const std::vector<ImportField>& mapping, size_t line = 2) {
    return ConvertRow(cells, mapping, kYear, line);
}

// The mapping of the small fixture's header: 楼栋,单元,房号,姓名,联系电话,出生年份,备注.
const std::vector<ImportField> kSimple = {F::Building, F::Unit,      F::Room, F::Name,
                                          F::Phone,    F::BirthYear, F::Note};

Resident Stored(std::string id, std::string building, std::string unit, std::string room,
                std::string name, std::string phone) {
    Resident r;
    r.id = std::move(id);
    r.rev = "1-a";
    r.building = std::move(building);
    r.unit = std::move(unit);
    r.room = std::move(room);
    r.name = std::move(name);
    r.phone = std::move(phone);
    return r;
}

} // namespace

TEST_CASE("column fields are guessed from both fixture header sets") {
    CHECK(GuessMapping({"\xEF\xBB\xBF楼栋", "单元", "房号", "姓名", "联系电话", "出生年份",
                        "备注"}) == kSimple);
    CHECK(GuessMapping({"楼号", "单元号", "门牌号", "姓名", "与户主关系", "身份证号", "手机号",
                        "年龄", "特殊情况"}) ==
          std::vector<ImportField>{F::Building, F::Unit, F::Room, F::Name, F::Relation, F::IdNumber,
                                   F::Phone, F::Age, F::Flags});
}

TEST_CASE("column fields from other Chinese and English headers") {
    CHECK(GuessMapping({"序号", "家庭住址", "名字", "手机", "出生日期", "证件号码", "重点人群",
                        "说明"}) == std::vector<ImportField>{F::Ignore, F::Address, F::Name,
                                                             F::Phone, F::BirthYear, F::IdNumber,
                                                             F::Flags, F::Note});
    CHECK(GuessMapping({" Building ", "UNIT", "Room", "Name", "Mobile", "Birth Year", "ID",
                        "Relation", "Flags", "Remarks"}) ==
          std::vector<ImportField>{F::Building, F::Unit, F::Room, F::Name, F::Phone, F::BirthYear,
                                   F::IdNumber, F::Relation, F::Flags, F::Note});
    CHECK(GuessMapping({"address", "Full Name", "Tel", "Age", "entrance", "door"}) ==
          std::vector<ImportField>{F::Address, F::Name, F::Phone, F::Age, F::Unit, F::Room});
    // Hints in brackets, half-width or not, and names that merely contain a known word.
    CHECK(GuessMapping({"姓名（必填）", "联系电话(手机)", "楼栋号", "居住地址", "身份证号码"}) ==
          std::vector<ImportField>{F::Name, F::Phone, F::Building, F::Address, F::IdNumber});
    // Unknown, empty and repeated headers are ignored; the first column wins.
    CHECK(GuessMapping({"姓名", "姓名", "", "体温", "电话", "手机号", "color"}) ==
          std::vector<ImportField>{F::Name, F::Ignore, F::Ignore, F::Ignore, F::Phone, F::Ignore,
                                   F::Ignore});
    // An exact name beats an earlier column that only contains it.
    CHECK(GuessMapping({"户主姓名", "姓名"}) == std::vector<ImportField>{F::Ignore, F::Name});
    CHECK(GuessMapping({}).empty());
}

TEST_CASE("one address cell splits into building, unit and room") {
    struct Case {
        const char* text;
        const char* building;
        const char* unit;
        const char* room;
    };
    const Case cases[] = {
        {"3号楼2单元1502室", "3", "2", "1502"},
        {"3栋2单元1502", "3", "2", "1502"},
        {"3幢2单元1502号", "3", "2", "1502"},
        {"3-2-1502", "3", "2", "1502"},
        {"3号楼-2-1502", "3", "2", "1502"},
        {"XX小区3号楼2单元1502室", "3", "2", "1502"},
        {"阳光花园3栋2单元1502", "3", "2", "1502"},
        {"幸福路12号3栋2单元1502室", "3", "2", "1502"},
        {"３号楼２单元１５０２室", "3", "2", "1502"},
        {"3－2－1502", "3", "2", "1502"},
        {"3—2—1502", "3", "2", "1502"},
        {" 3 号楼 2 单元 1502 室 ", "3", "2", "1502"},
        {"3 2 1502", "3", "2", "1502"},
        {"三号楼二单元1502室", "3", "2", "1502"},
        {"3号2单元1502", "3", "2", "1502"},
        {"A座2单元1502", "A", "2", "1502"},
        {"3号楼2单元15层1502室", "3", "2", "1502"},
        {"3号楼2单元1502室（出租）", "3", "2", "1502"},
        {"3#楼2单元1502", "3", "2", "1502"},
        // No unit: common in small buildings.
        {"3栋1502", "3", "", "1502"},
        {"3-1502", "3", "", "1502"},
        {"3号楼1502室", "3", "", "1502"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        const AddressParts parts = SplitAddress(c.text);
        CHECK(parts.building == c.building);
        CHECK(parts.unit == c.unit);
        CHECK(parts.room == c.room);
        CHECK(parts.complete);
    }
}

TEST_CASE("addresses that cannot be split are incomplete") {
    for (const char* junk :
         {"", "   ", "不详", "XX小区", "3-2-1502-7", "1502", "2单元1502", "3号楼", "见备注"}) {
        CAPTURE(junk);
        CHECK_FALSE(SplitAddress(junk).complete);
    }
    // What can be read is still returned.
    const AddressParts unit_room = SplitAddress("2单元1502室");
    CHECK(unit_room.building.empty());
    CHECK(unit_room.unit == "2");
    CHECK(unit_room.room == "1502");
    CHECK(SplitAddress("3号楼").building == "3");
    CHECK(SplitAddress("3-2-1502-7").building.empty());
}

TEST_CASE("flags from free text") {
    CHECK(FlagsFromText("") == 0);
    CHECK(FlagsFromText("独居老人") == kFlagLivesAlone);
    CHECK(FlagsFromText("卧床") == kFlagBedridden);
    CHECK(FlagsFromText("瘫痪在床") == kFlagBedridden);
    CHECK(FlagsFromText("行动不便，坐轮椅") == kFlagImmobile);
    CHECK(FlagsFromText("高血压、糖尿病") == kFlagChronic);
    CHECK(FlagsFromText("慢性病（需用药）") == kFlagChronic);
    CHECK(FlagsFromText("每周透析") == kFlagChronic);
    CHECK(FlagsFromText("孕妇") == kFlagPregnant);
    CHECK(FlagsFromText("怀孕7个月") == kFlagPregnant);
    CHECK(FlagsFromText("婴幼儿") == kFlagInfant);
    CHECK(FlagsFromText("家有婴儿") == kFlagInfant);
    CHECK(FlagsFromText("残疾") == kFlagDisability);
    CHECK(FlagsFromText("外出未归") == kFlagAway);
    CHECK(FlagsFromText("不在家") == kFlagAway);
    CHECK(FlagsFromText("独居老人, 耳背") == kFlagLivesAlone);
    CHECK(FlagsFromText("独居，卧床，残疾") ==
          (kFlagLivesAlone | kFlagBedridden | kFlagDisability));
    CHECK(FlagsFromText("耳背，上门前先打电话") == 0);

    CHECK(FlagsFromText("Lives alone") == kFlagLivesAlone);
    CHECK(FlagsFromText("BEDRIDDEN") == kFlagBedridden);
    CHECK(FlagsFromText("uses a wheelchair") == kFlagImmobile);
    CHECK(FlagsFromText("immobile; chronic illness") == (kFlagImmobile | kFlagChronic));
    CHECK(FlagsFromText("pregnant") == kFlagPregnant);
    CHECK(FlagsFromText("infant") == kFlagInfant);
    CHECK(FlagsFromText("disabled") == kFlagDisability);
    CHECK(FlagsFromText("disability") == kFlagDisability);
    CHECK(FlagsFromText("away") == kFlagAway);
    // Whole words only.
    CHECK(FlagsFromText("takeaway") == 0);
    CHECK(FlagsFromText("Chronicle") == 0);
}

TEST_CASE("a row becomes a resident") {
    const ImportRow row =
        Row({" 3号楼 ", "2单元", "1502室", " 张三 ", " 138-0013-8000 ", "1941年", "耳背，先打电话"},
            kSimple, 7);
    CHECK(row.problem == RowProblem::None);
    CHECK(row.line == 7);
    CHECK(row.resident.id.empty());
    CHECK(row.resident.building == "3");
    CHECK(row.resident.unit == "2");
    CHECK(row.resident.room == "1502");
    CHECK(row.resident.name == "张三");
    CHECK(row.resident.phone == "138-0013-8000"); // as typed, trimmed
    CHECK(row.resident.birth_year == 1941);
    CHECK(row.resident.note == "耳背，先打电话");
    CHECK(row.resident.flags == 0);
}

TEST_CASE("birth years and ages in the shapes people type") {
    const std::vector<ImportField> birth = {F::Building, F::Room, F::Name, F::BirthYear};
    for (const char* typed :
         {"1941", "1941年", "1941-05-06", "1941/5/6", "1941.5", "19410506", "１９４１",
          "1941年5月6日", "1941.0", "6/5/1941", "06.05.1941", "5-6-1941"}) {
        CAPTURE(typed);
        const ImportRow row = Row({"1", "101", "张三", typed}, birth);
        CHECK(row.problem == RowProblem::None);
        CHECK(row.resident.birth_year == 1941);
    }
    for (const char* bad : {"abc", "41", "3000", "1850", "19411", "约1941", "15102", "6/5/41",
                            "123/5/1941", "6/5/1941年"}) {
        CAPTURE(bad);
        const ImportRow row = Row({"1", "101", "张三", bad}, birth);
        CHECK(row.problem == RowProblem::BadBirthYear);
        CHECK(row.resident.birth_year == 0);
    }
    CHECK(Row({"1", "101", "张三", ""}, birth).resident.birth_year == 0); // unknown is fine
    CHECK(Row({"1", "101", "张三", ""}, birth).problem == RowProblem::None);

    const std::vector<ImportField> age = {F::Building, F::Room, F::Name, F::Age};
    CHECK(Row({"1", "101", "张三", "55"}, age).resident.birth_year == kYear - 55);
    CHECK(Row({"1", "101", "张三", "55岁"}, age).resident.birth_year == kYear - 55);
    CHECK(Row({"1", "101", "张三", "0"}, age).resident.birth_year == kYear);
    CHECK(Row({"1", "101", "张三", "五十"}, age).problem == RowProblem::BadBirthYear);
    CHECK(Row({"1", "101", "张三", "200"}, age).problem == RowProblem::BadBirthYear);

    // A birth year column wins over an age; without either, an 18-digit ID number tells.
    const std::vector<ImportField> both = {F::Building,  F::Room, F::Name,
                                           F::BirthYear, F::Age,  F::IdNumber};
    CHECK(Row({"1", "101", "张三", "1950", "55", ""}, both).resident.birth_year == 1950);
    CHECK(Row({"1", "101", "张三", "", "", "99703519520816289X"}, both).resident.birth_year ==
          1952);
    CHECK(Row({"1", "101", "张三", "", "", "E1234567"}, both).resident.birth_year == 0);
}

TEST_CASE("rows with problems") {
    CHECK(Row({"3", "2", "1502", "", "138", "", ""}, kSimple).problem == RowProblem::NoName);
    CHECK(Row({"3", "2", "1502", "\xE3\x80\x80", "", "", ""}, kSimple).problem ==
          RowProblem::NoName);
    CHECK(Row({"", "2", "1502", "张三"}, kSimple).problem == RowProblem::NoAddress);
    CHECK(Row({"3", "2", "", "张三"}, kSimple).problem == RowProblem::NoAddress);
    std::string long_name;
    for (int i = 0; i < 61; ++i) {
        long_name += "陈";
    }
    CHECK(Row({"3", "2", "1502", long_name}, kSimple).problem == RowProblem::NameTooLong);
    CHECK(Row({"3", "2", "1502", long_name.substr(3)}, kSimple).problem == RowProblem::None);
    // A missing unit is normal.
    const ImportRow no_unit = Row({"3", "", "1502", "张三"}, kSimple);
    CHECK(no_unit.problem == RowProblem::None);
    CHECK(no_unit.resident.unit.empty());
}

TEST_CASE("ragged rows: missing cells are empty, extra cells ignored") {
    const ImportRow short_row = Row({"3", "2", "1502", "张三"}, kSimple);
    CHECK(short_row.problem == RowProblem::None);
    CHECK(short_row.resident.phone.empty());
    CHECK(short_row.resident.note.empty());
    const ImportRow long_row =
        Row({"3", "2", "1502", "张三", "138", "1950", "", "extra", "more"}, kSimple);
    CHECK(long_row.problem == RowProblem::None);
    CHECK(long_row.resident.note.empty());
    CHECK(Row({}, kSimple).problem == RowProblem::NoName);
}

TEST_CASE("an address column fills what building, unit and room columns leave empty") {
    const std::vector<ImportField> address_only = {F::Address, F::Name};
    const ImportRow row = Row({"XX小区3号楼2单元1502室", "张三"}, address_only);
    CHECK(row.problem == RowProblem::None);
    CHECK(row.resident.building == "3");
    CHECK(row.resident.unit == "2");
    CHECK(row.resident.room == "1502");
    CHECK(Row({"不详", "张三"}, address_only).problem == RowProblem::NoAddress);

    const std::vector<ImportField> mixed = {F::Building, F::Unit, F::Room, F::Address, F::Name};
    // Columns filled: the address column is not needed.
    const ImportRow columns = Row({"5", "1", "101", "3-2-1502", "张三"}, mixed);
    CHECK(columns.resident.building == "5");
    CHECK(columns.resident.room == "101");
    // Columns empty: the address column is used.
    const ImportRow fallback = Row({"", "", "", "3-2-1502", "张三"}, mixed);
    CHECK(fallback.problem == RowProblem::None);
    CHECK(fallback.resident.building == "3");
    CHECK(fallback.resident.unit == "2");
    CHECK(fallback.resident.room == "1502");
}

TEST_CASE("flags and notes") {
    const std::vector<ImportField> mapping = {F::Building, F::Room, F::Name, F::Flags, F::Note};
    // A flags column fully explained: flags only.
    const ImportRow flags_only = Row({"3", "101", "张三", "独居老人、卧床", ""}, mapping);
    CHECK(flags_only.resident.flags == (kFlagLivesAlone | kFlagBedridden));
    CHECK(flags_only.resident.note.empty());
    // What the flags do not explain goes to the note, after the note column.
    const ImportRow extra = Row({"3", "101", "张三", "独居, 耳背", "先打电话"}, mapping);
    CHECK(extra.resident.flags == kFlagLivesAlone);
    CHECK(extra.resident.note == "先打电话; 独居, 耳背");
    // The note's own flags count too, and the note stays whole (line breaks as LF).
    const ImportRow note =
        Row({"3", "101", "张三", "", "独居老人, 耳背\r\n上门前先打电话"}, mapping);
    CHECK(note.resident.flags == kFlagLivesAlone);
    CHECK(note.resident.note == "独居老人, 耳背\n上门前先打电话");
    const ImportRow both = Row({"3", "101", "张三", "孕妇", "轮椅"}, mapping);
    CHECK(both.resident.flags == (kFlagPregnant | kFlagImmobile));
    CHECK(both.resident.note == "轮椅");
}

TEST_CASE("cells are plain text, whatever they look like") {
    const std::vector<ImportField> mapping = {F::Building, F::Room, F::Name,
                                              F::Phone,    F::Note, F::Relation};
    const ImportRow row =
        Row({"3", "101", "=1+2", "=HYPERLINK(\"x\")", "<b>x</b>", "<script>"}, mapping);
    CHECK(row.problem == RowProblem::None);
    CHECK(row.resident.name == "=1+2");
    CHECK(row.resident.phone == "=HYPERLINK(\"x\")");
    CHECK(row.resident.note == "<b>x</b>");
    CHECK(row.resident.relation == "<script>");
}

TEST_CASE("planning: new residents are added, a re-import changes nothing") {
    std::vector<ImportRow> rows = {
        Row({"3号楼", "2单元", "1502", "张三", "13800138000", "1950", "独居老人"}, kSimple, 2),
        Row({"3号楼", "2单元", "1502", "李四", "", "1952", ""}, kSimple, 3),
        Row({"3号楼", "", "", "王五", "", "", ""}, kSimple, 4), // no room
    };
    const ImportPlan first = PlanImport(rows, {});
    CHECK(first.added == 2);
    CHECK(first.updated == 0);
    CHECK(first.unchanged == 0);
    CHECK(first.skipped == 1);
    REQUIRE(first.rows.size() == 3);
    CHECK(first.rows[0].action == ImportAction::Add);
    CHECK(first.rows[0].line == 2);
    CHECK(first.rows[0].resident.flags == kFlagLivesAlone);
    CHECK(first.rows[2].action == ImportAction::Skip);
    CHECK(first.rows[2].problem == RowProblem::NoAddress);
    CHECK(first.rows[2].line == 4);

    // Store what was added (ids and revs given by the store), then import the same file.
    std::vector<Resident> stored;
    for (const PlannedRow& p : first.rows) {
        if (p.action == ImportAction::Add) {
            stored.push_back(p.resident);
            stored.back().id = "resident:" + std::to_string(stored.size());
            stored.back().rev = "1-x";
        }
    }
    const ImportPlan again = PlanImport(rows, stored);
    CHECK(again.added == 0);
    CHECK(again.updated == 0);
    CHECK(again.unchanged == 2);
    CHECK(again.skipped == 1);
    CHECK(again.rows[0].action == ImportAction::Unchanged);
    CHECK(again.rows[0].resident.id == "resident:1");
    CHECK(again.rows[1].resident.id == "resident:2");
}

TEST_CASE("planning: changed values update the stored resident") {
    Resident zhang = Stored("resident:1", "3", "2", "1502", "张三", "13800138000");
    zhang.birth_year = 1950;
    zhang.relation = "户主";
    zhang.note = "耳背";
    zhang.flags = kFlagBedridden;
    const std::vector<Resident> existing = {zhang};

    // A new phone; the empty relation and note keep what is stored; flags add up.
    const ImportPlan plan =
        PlanImport({Row({"3", "2", "1502", "张三", "13900139000", "", "独居"}, kSimple)}, existing);
    CHECK(plan.updated == 1);
    REQUIRE(plan.rows.size() == 1);
    const PlannedRow& row = plan.rows[0];
    CHECK(row.action == ImportAction::Update);
    CHECK(row.resident.id == "resident:1");
    CHECK(row.resident.rev == "1-a");
    CHECK(row.resident.phone == "13900139000");
    CHECK(row.resident.birth_year == 1950);
    CHECK(row.resident.relation == "户主");
    CHECK(row.resident.note == "独居");
    CHECK(row.resident.flags == (kFlagBedridden | kFlagLivesAlone));

    // The same phone typed differently, nothing else: unchanged.
    const ImportPlan same = PlanImport(
        {Row({"3号楼", "2单元", "1502室", "张三", "138 0013 8000", "", ""}, kSimple)}, existing);
    CHECK(same.unchanged == 1);
    CHECK(same.rows[0].resident.phone == "13800138000");
    CHECK(same.rows[0].resident.flags == kFlagBedridden); // an import never removes a flag
    CHECK(same.rows[0].resident.note == "耳背");
}

TEST_CASE("planning: a person who moved is found by name and phone") {
    const std::vector<Resident> existing = {
        Stored("resident:1", "3", "2", "1502", "张三", "+86 138 0013 8000"),
        Stored("resident:2", "3", "2", "1502", "李四", ""),
    };
    const ImportPlan plan = PlanImport(
        {
            Row({"5", "", "101", "张三", "13800138000", "", ""}, kSimple, 2),
            Row({"5", "", "101", "李四", "", "", ""}, kSimple, 3), // no phone: a new person
            Row({"5", "", "101", "张三丰", "13800138000", "", ""}, kSimple, 4), // other name
        },
        existing);
    CHECK(plan.updated == 1);
    CHECK(plan.added == 2);
    CHECK(plan.rows[0].action == ImportAction::Update);
    CHECK(plan.rows[0].resident.id == "resident:1");
    // The address moves as a whole: no unit left over from the old one.
    CHECK(plan.rows[0].resident.building == "5");
    CHECK(plan.rows[0].resident.unit == "");
    CHECK(plan.rows[0].resident.room == "101");
    CHECK(plan.rows[1].action == ImportAction::Add);
    CHECK(plan.rows[2].action == ImportAction::Add);
}

TEST_CASE("planning: the ID number decides first") {
    const std::vector<ImportField> mapping = {F::Building, F::Unit, F::Room, F::Name, F::IdNumber};
    Resident stored = Stored("resident:9", "1", "1", "101", "张三", "");
    stored.id_number = "99703520080816289x";
    const std::vector<Resident> existing = {stored};

    // Another address and a new spelling of the name, same ID (the x in any case).
    const ImportPlan plan =
        PlanImport({Row({"2", "1", "202", "张叁", "99703520080816289X"}, mapping)}, existing);
    CHECK(plan.updated == 1);
    CHECK(plan.rows[0].resident.id == "resident:9");
    CHECK(plan.rows[0].resident.name == "张叁");
    CHECK(plan.rows[0].resident.id_number == "99703520080816289x"); // same number: kept

    // Same household and name but another ID number: another person.
    const ImportPlan other =
        PlanImport({Row({"1", "1", "101", "张三", "990000200001011234"}, mapping)}, existing);
    CHECK(other.added == 1);
    CHECK(other.updated == 0);
}

TEST_CASE("planning: a second row for the same person in the file is skipped") {
    const std::vector<ImportField> mapping = {F::Building, F::Unit, F::Room, F::Name, F::IdNumber};
    const ImportPlan plan = PlanImport(
        {
            Row({"1", "1", "101", "张三", ""}, mapping, 2),
            Row({"1", "1", "102", "李四", "99703520080816289X"}, mapping, 3),
            Row({"1号楼", "1单元", "101室", "张三", ""}, mapping, 4), // same household + name
            Row({"2", "1", "201", "李思", "99703520080816289x"}, mapping, 5), // same ID number
            Row({"1", "1", "101", "张三三", ""}, mapping, 6),                 // another person
            Row({"", "1", "101", "张三", ""}, mapping, 7), // a problem row is not a duplicate
        },
        {});
    CHECK(plan.added == 3);
    CHECK(plan.skipped == 3);
    CHECK(plan.rows[2].action == ImportAction::Skip);
    CHECK(plan.rows[2].problem == RowProblem::DuplicateInFile);
    CHECK(plan.rows[2].duplicate_of_line == 2);
    CHECK(plan.rows[3].problem == RowProblem::DuplicateInFile);
    CHECK(plan.rows[3].duplicate_of_line == 3);
    CHECK(plan.rows[4].action == ImportAction::Add);
    CHECK(plan.rows[5].problem == RowProblem::NoAddress);
    CHECK(plan.rows[5].duplicate_of_line == 0);

    // One name twice in a household with two different ID numbers: two people.
    const ImportPlan namesakes = PlanImport(
        {
            Row({"1", "1", "101", "张伟", "990000195001011234"}, mapping, 2),
            Row({"1", "1", "101", "张伟", "990000198001011234"}, mapping, 3),
            Row({"1", "1", "101", "张伟", ""}, mapping, 4), // which one? a repeat of the first
        },
        {});
    CHECK(namesakes.added == 2);
    CHECK(namesakes.rows[2].problem == RowProblem::DuplicateInFile);
    CHECK(namesakes.rows[2].duplicate_of_line == 2);

    // Two rows that would both update one stored resident: the second is a duplicate.
    const std::vector<Resident> existing = {
        Stored("resident:1", "3", "2", "1502", "张三", "13800138000")};
    const ImportPlan twice = PlanImport(
        {
            Row({"3", "2", "1502", "张三", ""}, mapping, 2),
            Row({"5", "", "101", "张三", ""}, kSimple, 3), // no match: added
        },
        existing);
    CHECK(twice.unchanged == 1);
    CHECK(twice.added == 1);
    const ImportPlan moved_twice = PlanImport(
        {
            Row({"3", "2", "1502", "张三", "", "", ""}, kSimple, 2),
            Row({"5", "", "101", "张三", "13800138000", "", ""}, kSimple, 3),
        },
        existing);
    CHECK(moved_twice.unchanged == 1);
    CHECK(moved_twice.skipped == 1);
    CHECK(moved_twice.rows[1].problem == RowProblem::DuplicateInFile);
    CHECK(moved_twice.rows[1].duplicate_of_line == 2);
}

TEST_CASE("planning 6,000 rows against 30,000 stored residents") {
    std::vector<Resident> existing;
    for (int i = 0; i < 30000; ++i) {
        existing.push_back(Stored("resident:" + std::to_string(i), std::to_string(i % 40 + 1),
                                  std::to_string(i % 3 + 1), std::to_string(i / 120 + 101),
                                  "居民" + std::to_string(i),
                                  "138" + std::to_string(10000000 + i)));
    }
    std::vector<ImportRow> rows;
    for (int i = 0; i < 6000; ++i) {
        // Every other row is a stored resident (the first 3,000), the rest are new.
        const int n = i % 2 == 0 ? i / 2 : 100000 + i;
        rows.push_back(Row({std::to_string(n % 40 + 1), std::to_string(n % 3 + 1),
                            std::to_string(n / 120 + 101), "居民" + std::to_string(n),
                            "138" + std::to_string(10000000 + n), "", ""},
                           kSimple, static_cast<size_t>(i + 2)));
    }
    // Speed is measured by tests/bench/roster.mjs (import through the UI), not here.
    const ImportPlan plan = PlanImport(rows, existing);
    CHECK(plan.unchanged == 3000);
    CHECK(plan.added == 3000);
}
