#include <doctest/doctest.h>

#include "core/volunteers/volunteer.hpp"

using namespace linli;

TEST_CASE("names and phones are checked before saving") {
    CHECK(ValidateVolunteer("张三", "13800138000").empty());
    CHECK(ValidateVolunteer("  张三 ", "138-0013-8000").empty());
    CHECK(ValidateVolunteer("Li Wei", "+86 138 0013 8000").empty());
    CHECK(ValidateVolunteer("", "13800138000") == std::vector{VolunteerProblem::NameMissing});
    CHECK(ValidateVolunteer("\xE3\x80\x80 ", "13800138000") ==
          std::vector{VolunteerProblem::NameMissing});
    CHECK(ValidateVolunteer("张三", "") == std::vector{VolunteerProblem::PhoneMissing});
    CHECK(ValidateVolunteer("张三", "123") == std::vector{VolunteerProblem::PhoneInvalid});
    CHECK(ValidateVolunteer("张三", "138abc00138") == std::vector{VolunteerProblem::PhoneInvalid});
    CHECK(ValidateVolunteer(std::string(61, 'x'), "13800138000") ==
          std::vector{VolunteerProblem::NameTooLong});
    // The limit counts characters: 40 hanzi (120 bytes) and a long minority name are fine.
    std::string forty;
    for (int i = 0; i < 40; ++i) {
        forty += "陈";
    }
    CHECK(ValidateVolunteer(forty, "13800138000").empty());
    CHECK(ValidateVolunteer("阿卜杜热依木·买买提明·艾合买提江", "13800138000").empty());
    CHECK(CountCharacters("王a淼") == 3);
}

TEST_CASE("trimming and phone normalisation") {
    CHECK(TrimSpaces("\xE3\x80\x80张三 \t") == "张三");
    CHECK(NormalizePhone("+86 (138) 0013-8000") == "+8613800138000");
    CHECK(NormalizePhone("138+0") == "1380");
}

TEST_CASE("search by name or phone tail") {
    Volunteer v;
    v.name = "王小燚";
    v.phone = "138-0013-8000";
    CHECK(VolunteerMatches(v, ""));
    CHECK(VolunteerMatches(v, "小燚"));
    CHECK(VolunteerMatches(v, "8000"));
    CHECK(VolunteerMatches(v, " 0013 "));
    CHECK_FALSE(VolunteerMatches(v, "李"));
    CHECK_FALSE(VolunteerMatches(v, "9999"));
}

TEST_CASE("a volunteer sheet: columns found by name, categories and skills read, bad rows named") {
    const std::vector<std::vector<std::string>> rows = {
        {"社区志愿者报名表"},
        {"序号", "姓名", "手机号码", "身份", "技能特长", "最近核酸", "备注"},
        {"1", "张三", "13800138000", "党员", "司机、医护", "2026-12-01", "夜班可"},
        {"2", "李四", "139-0013-9000", "大学生", "方言", "2026/11/30", ""},
        {"3", "", "13700137000", "居民", "", "", ""},
        {"4", "王五", "12", "退役军人", "driver, elder care", "昨天", ""},
        {"", "", "", "", "", "", ""},
    };
    const VolunteerSheet sheet = VolunteersFromRows(rows);
    REQUIRE(sheet.header_found);
    REQUIRE(sheet.volunteers.size() == 2);
    CHECK(sheet.bad_rows == std::vector<size_t>{5, 6});
    const Volunteer& a = sheet.volunteers[0];
    CHECK(a.name == "张三");
    CHECK(a.category == "party_member");
    CHECK(a.skills == std::vector<std::string>{"driver", "medical"});
    CHECK(a.last_negative_test == ParseDateMs("2026-12-01"));
    CHECK(a.note == "夜班可");
    CHECK(sheet.volunteers[1].category == "student");
    CHECK(sheet.volunteers[1].skills == std::vector<std::string>{"dialect"});
    CHECK(ParseDateMs("2026-12-01") - ParseDateMs("2026/11/30") == 86'400'000);
    CHECK(ParseDateMs("2026-02-29") == 0);
    CHECK(ParseDateMs("2024-02-29") > 0);
    CHECK(ParseDateMs("1970-01-01") == 0); // out of range: before 2000
    CHECK(VolunteersFromRows({{"名字", "电话"}, {"赵六", "13600136000"}}).volunteers.size() == 1);
    CHECK_FALSE(VolunteersFromRows({{"a", "b"}, {"c", "d"}}).header_found);
}
