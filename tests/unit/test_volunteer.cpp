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
