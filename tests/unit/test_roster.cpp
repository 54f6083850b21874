#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/roster/pinyin.hpp"
#include "core/roster/roster.hpp"

using namespace linli;

TEST_CASE("buildings are canonical whatever the suffix") {
    for (const char* typed : {"3号楼", "3栋", "3幢", "3座", "3号", "3楼", "3#", "3#楼", "３号楼",
                              " 3 ", "3", "第3栋", "03栋",
                              "\xE3\x80\x80"
                              "3 号楼",
                              "三号楼", "三"}) {
        CAPTURE(typed);
        CHECK(NormalizeBuilding(typed) == "3");
    }
    CHECK(NormalizeBuilding("十二栋") == "12");
    CHECK(NormalizeBuilding("二十一号楼") == "21");
    CHECK(NormalizeBuilding("A座") == "A");
    CHECK(NormalizeBuilding("Ａ座") == "A");
    CHECK(NormalizeBuilding("12B栋") == "12B");
    // Names that are not numbers stay as typed (spaces aside).
    CHECK(NormalizeBuilding("商铺") == "商铺");
    CHECK(NormalizeBuilding("商铺1号") == "商铺1号");
    CHECK(NormalizeBuilding("东 区") == "东区");
    CHECK(NormalizeBuilding("") == "");
    CHECK(NormalizeBuilding("号楼") == "号楼");
}

TEST_CASE("units and rooms are canonical") {
    for (const char* typed : {"2单元", "2门", "2号门", "2", "２单元", "二单元", "第2单元", "02"}) {
        CAPTURE(typed);
        CHECK(NormalizeUnit(typed) == "2");
    }
    for (const char* typed :
         {"1502室", "1502号", "1502", "１５０２", " 1502 ", "1502房", "1502号房", "一五零二"}) {
        CAPTURE(typed);
        CHECK(NormalizeRoom(typed) == "1502");
    }
    // Rooms keep leading zeros (some buildings write 0502); units lose them.
    CHECK(NormalizeRoom("0502") == "0502");
    CHECK(NormalizeRoom("商铺A") == "商铺A");
    CHECK(NormalizeRoom("B102室") == "B102");
    CHECK(NormalizeUnit("") == "");
}

TEST_CASE("household keys join the parts with U+001F") {
    Resident r;
    r.building = "3";
    r.unit = "";
    r.room = "1502";
    CHECK(HouseholdKey(r) == std::string("3\x1F\x1F"
                                         "1502"));
    CHECK(HouseholdKey("3", "2", "1502") == std::string("3\x1F"
                                                        "2\x1F"
                                                        "1502"));
    // Joining with the separator keeps "1"+"21" apart from "12"+"1".
    CHECK(HouseholdKey("1", "21", "3") != HouseholdKey("12", "1", "3"));
}

TEST_CASE("natural order: 2 before 10, numbers before words") {
    CHECK(NaturalLess("2", "10"));
    CHECK_FALSE(NaturalLess("10", "2"));
    CHECK(NaturalLess("9", "A"));
    CHECK(NaturalLess("100", "商铺"));
    CHECK(NaturalLess("1A", "10"));
    CHECK(NaturalLess("A2", "A10"));
    CHECK(NaturalLess("", "1"));
    CHECK_FALSE(NaturalLess("3", "3"));
    // Equal as numbers: still a strict order, by bytes.
    CHECK(NaturalLess("02", "2"));
    CHECK_FALSE(NaturalLess("2", "02"));
    CHECK(NaturalLess("99999999999999999999", "100000000000000000000")); // longer than int64

    std::vector<std::string> buildings = {"10", "商铺", "2", "1", "A", "21", "3"};
    std::sort(buildings.begin(), buildings.end(), NaturalLess);
    CHECK(buildings == std::vector<std::string>{"1", "2", "3", "10", "21", "A", "商铺"});
}

TEST_CASE("residents are found by name, phone tail, room or address") {
    Resident r;
    r.building = "3";
    r.unit = "2";
    r.room = "1502";
    r.name = "王小燚 Wang";
    r.phone = "138-0013-5678";
    Resident no_unit = r;
    no_unit.unit = "";

    CHECK(ResidentMatches(r, ""));
    CHECK(ResidentMatches(r, "  "));
    CHECK(ResidentMatches(r, "小燚"));
    CHECK(ResidentMatches(r, "wang")); // case-insensitive
    CHECK(ResidentMatches(r, "5678"));
    CHECK(ResidentMatches(r, "0013"));
    CHECK(ResidentMatches(r, "1502"));
    CHECK(ResidentMatches(r, "１５０２"));
    CHECK(ResidentMatches(r, "3-2-1502"));
    CHECK(ResidentMatches(r, "3号楼2单元1502"));
    CHECK(ResidentMatches(r, "3号楼2单元1502室"));
    CHECK(ResidentMatches(r, "3栋2单元"));
    CHECK(ResidentMatches(r, "3号楼"));
    CHECK(ResidentMatches(r, "三号楼二单元"));
    CHECK(ResidentMatches(r, "1502室"));
    CHECK(ResidentMatches(no_unit, "3-1502"));

    CHECK_FALSE(ResidentMatches(r, "李"));
    CHECK_FALSE(ResidentMatches(r, "9999"));
    CHECK_FALSE(ResidentMatches(r, "150")); // rooms match whole; 150 is not in the phone
    CHECK_FALSE(ResidentMatches(r, "56"));  // too short for a phone tail
    CHECK_FALSE(ResidentMatches(r, "4-2-1502"));
    CHECK_FALSE(ResidentMatches(r, "3号楼1单元"));
    CHECK_FALSE(ResidentMatches(r, "3-2-1501"));
    CHECK_FALSE(ResidentMatches(r, "4号楼"));
    CHECK_FALSE(ResidentMatches(no_unit, "3-2-1502"));
    // A name ending in a numeral is not read as a room.
    Resident room3 = r;
    room3.room = "3";
    CHECK_FALSE(ResidentMatches(room3, "张三"));
}

TEST_CASE("ID numbers and phones are shown masked") {
    CHECK(MaskIdNumber("110101199003071234") == "110101********1234");
    CHECK(MaskIdNumber("11010119900307123X") == "110101********123X");
    CHECK(MaskIdNumber(" 110101900307123 ") == "110101*****7123"); // 15-digit IDs
    CHECK(MaskIdNumber("E1234567") == "******67");                 // short: last 2 only
    CHECK(MaskIdNumber("AB") == "**");
    CHECK(MaskIdNumber("") == "");
    CHECK(MaskIdNumber("护照一二三四五六七八九十") == "护照一二三四**七八九十");

    CHECK(MaskPhone("13812345678") == "138****5678");
    CHECK(MaskPhone("138-1234-5678") == "138****5678");
    CHECK(MaskPhone("+86 138 1234 5678") == "+86138****5678");
    CHECK(MaskPhone("62345678") == "****5678");
    CHECK(MaskPhone("5678") == "****");
    CHECK(MaskPhone("") == "");
}

TEST_CASE("pinyin initials: common hanzi by initial, others kept or dotted") {
    CHECK(PinyinInitials("王小明") == "wxm");
    CHECK(PinyinInitials("张三") == "zs");
    CHECK(PinyinInitials("李Lei 2") == "llei.2");
    CHECK(PinyinInitials("赵喆") == "z.");   // 喆 is not a GB2312 level-1 hanzi
    CHECK(PinyinInitials("\xFF王") == ".w"); // a broken byte is one unknown character
    CHECK(PinyinInitials("") == "");
}

TEST_CASE("search by pinyin initials") {
    Resident r;
    r.name = "王小明";
    r.building = "3";
    r.room = "1502";
    CHECK(ResidentMatches(r, "wxm"));
    CHECK(ResidentMatches(r, "WX"));
    CHECK(ResidentMatches(r, "xm"));
    CHECK_FALSE(ResidentMatches(r, "wm"));
    CHECK_FALSE(ResidentMatches(r, "w")); // one letter would match half the roster
    Resident latin;
    latin.name = "Li Lei";
    CHECK(ResidentMatches(latin, "lei")); // Latin names still match as text
}
