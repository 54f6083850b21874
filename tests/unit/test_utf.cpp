#include <doctest/doctest.h>

#include <string>

#include "base/utf8.hpp"

using namespace linli;

TEST_CASE("UTF-16 caret positions map to UTF-8 byte offsets") {
    const std::string s = "张三ab"; // 张 and 三 are 3 bytes each, one UTF-16 unit each
    CHECK(Utf16ToUtf8Offset(s, 0) == 0);
    CHECK(Utf16ToUtf8Offset(s, 1) == 3);
    CHECK(Utf16ToUtf8Offset(s, 2) == 6);
    CHECK(Utf16ToUtf8Offset(s, 3) == 7);
    CHECK(Utf16ToUtf8Offset(s, 4) == 8);
    CHECK(Utf16ToUtf8Offset(s, 99) == 8); // clamped
}

TEST_CASE("astral characters count as two UTF-16 units") {
    const std::string s = "a\xF0\xA0\x80\x80z"; // U+20000 (CJK Extension B), 4 bytes
    CHECK(Utf16ToUtf8Offset(s, 1) == 1);
    CHECK(Utf16ToUtf8Offset(s, 3) == 5);
    CHECK(Utf8ToUtf16Offset(s, 5) == 3);
    CHECK(Utf8ToUtf16Offset(s, 6) == 4);
}

TEST_CASE("UTF-8 byte offsets map back to UTF-16, and round trip") {
    const std::string s = "喆堃 Linli 玥";
    for (size_t units = 0; units <= 10; ++units) { // 喆 堃 space L i n l i space 玥
        CAPTURE(units);
        CHECK(Utf8ToUtf16Offset(s, Utf16ToUtf8Offset(s, units)) == units);
    }
    CHECK(Utf8ToUtf16Offset(s, 4) == 1); // inside 堃: counts as its start
    CHECK(Utf8ToUtf16Offset("", 3) == 0);
}

TEST_CASE("invalid bytes count as one unit each instead of derailing the walk") {
    const std::string s = "a\xFF"
                          "b";
    CHECK(Utf16ToUtf8Offset(s, 2) == 2);
    CHECK(Utf8ToUtf16Offset(s, 3) == 3);
}
