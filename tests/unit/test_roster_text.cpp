// What leaves the app: CSV for Excel/WPS (BOM, formulas neutralised, long numbers kept as
// text) and the printable checklist (every value escaped), plus address labels.
#include <doctest/doctest.h>

#include "io/roster_text.hpp"

using namespace linli;

namespace {
Resident Person(std::string building, std::string unit, std::string room, std::string name) {
    Resident r;
    r.id = "resident:" + name;
    r.building = std::move(building);
    r.unit = std::move(unit);
    r.room = std::move(room);
    r.name = std::move(name);
    return r;
}
} // namespace

TEST_CASE("labels: numbers get 号楼/单元/室, names stay as typed") {
    CHECK(BuildingLabel("3", Language::Chinese) == "3号楼");
    CHECK(BuildingLabel("3", Language::English) == "Building 3");
    CHECK(BuildingLabel("A座", Language::Chinese) == "A座");
    CHECK(UnitLabel("", Language::Chinese) == "无单元");
    CHECK(RoomLabel("1502", Language::Chinese) == "1502室");
    const Resident r = Person("3", "2", "1502", "王");
    CHECK(AddressLabel(r, Language::Chinese) == "3号楼 2单元 1502室");
    CHECK(ShortAddress(r) == "3-2-1502");
    CHECK(ShortAddress(Person("商铺", "", "5", "李")) == "商铺-5");
    CHECK(FlagsLabel(kFlagLivesAlone | kFlagBedridden, Language::Chinese) == "独居老人、卧床");
    CHECK(FlagsLabel(0, Language::Chinese).empty());
}

TEST_CASE("CSV cells: formulas neutralised, quotes and line breaks quoted, long digits kept") {
    CHECK(CsvCell("王小明") == "王小明");
    CHECK(CsvCell("=1+2") == "'=1+2");
    CHECK(CsvCell("+86 138") == "'+86 138");
    CHECK(CsvCell("-5") == "'-5");
    CHECK(CsvCell("@SUM(A1)") == "'@SUM(A1)");
    CHECK(CsvCell("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"");
    CHECK(CsvCell("a,b") == "\"a,b\"");
    CHECK(CsvCell("耳背\n先打电话") == "\"耳背\n先打电话\"");
    // 11+ digits: a trailing tab keeps Excel from 1.38E+10 (the cell is then quoted).
    CHECK(CsvCell("13800138000") == "\"13800138000\t\"");
    CHECK(CsvCell("99703520080816289X") == "\"99703520080816289X\t\"");
    CHECK(CsvCell("1502") == "1502");
    CHECK(CsvLine({"a", "b"}) == "a,b\r\n");
}

TEST_CASE("roster CSV: BOM, header, one line per resident, ID numbers only when asked") {
    Resident r = Person("3", "2", "1502", "=cmd|' /C calc'!A0");
    r.id_number = "110101199001011234";
    r.flags = kFlagChronic;
    const std::string csv = RosterCsv({r}, Language::Chinese, false);
    REQUIRE(csv.substr(0, 3) == kUtf8Bom);
    CHECK(csv.find("楼栋,单元,房号,姓名") == 3);
    CHECK(csv.find("'=cmd") != std::string::npos);
    CHECK(csv.find("110101199001011234") == std::string::npos);
    CHECK(csv.find("慢性病") != std::string::npos);
    CHECK(RosterCsv({r}, Language::Chinese, true).find("110101199001011234") != std::string::npos);
}

TEST_CASE("round CSV: everyone in scope with status and tube") {
    Round round;
    round.id = "round:1";
    round.date = "2026-11-22";
    round.buildings = {"1"};
    const Resident a = Person("1", "1", "101", "甲");
    Resident b = Person("1", "1", "102", "乙");
    b.flags = kFlagBedridden;
    const Resident c = Person("2", "1", "101", "丙");
    Mark m;
    m.resident_id = a.id;
    m.status = MarkStatus::Sampled;
    m.tube = "A1";
    m.by = "张";
    m.at_ms = 1763780400000; // 2025-11-22 03:00 UTC = 11:00 in China
    const MarksByResident marks{{a.id, &m}};
    const std::string csv = RoundCsv(round, {a, b, c}, marks, Language::Chinese, 8 * 60);
    CHECK(csv.find("甲,,,已采,A1,11:00,张") != std::string::npos);
    CHECK(csv.find("乙,,卧床,需上门") != std::string::npos);
    CHECK(csv.find("丙") == std::string::npos); // building 2 is not in this round
}

TEST_CASE("checklist page: every value escaped, one table per unit, statuses of the round") {
    Resident evil = Person("1", "1", "101", "<script>alert(1)</script>");
    evil.note = "\"><img src=x onerror=alert(2)>";
    const Resident other = Person("1", "2", "201", "O'Brien & 李");
    const Resident elsewhere = Person("2", "1", "101", "不该出现");
    Round round;
    round.id = "round:1";
    round.date = "2026-11-22";
    const std::string html = ChecklistHtml("1", ControlLevel::Sealed, &round,
                                           {evil, other, elsewhere}, {}, Language::Chinese);
    CHECK(html.find("<script>alert") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("<img") == std::string::npos);
    CHECK(html.find("O&#39;Brien &amp; 李") != std::string::npos);
    CHECK(html.find("不该出现") == std::string::npos);
    CHECK(html.find("1号楼 核酸采样清单") != std::string::npos);
    CHECK(html.find("封控区") != std::string::npos);
    CHECK(html.find("待采") != std::string::npos);
    size_t tables = 0;
    for (size_t at = html.find("<table"); at != std::string::npos;
         at = html.find("<table", at + 1)) {
        ++tables;
    }
    CHECK(tables == 2);
}

TEST_CASE("time of day in the device's time zone") {
    CHECK(TimeOfDay(3600000, 0) == "01:00");
    CHECK(TimeOfDay(3600000, 8 * 60) == "09:00");
    CHECK(TimeOfDay(3600000, -120) == "23:00"); // the day before, west of UTC
    CHECK(TimeOfDay(0, 0).empty());             // no time recorded
}
