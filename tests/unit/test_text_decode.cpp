#include <doctest/doctest.h>

#include <string>

#include "base/text.hpp"
#include "io/sheet.hpp"
#include "io/text_decode.hpp"

using namespace linli;
using namespace std::string_literals;

namespace {

DecodedText Decode(const std::string& bytes) {
    return DecodeSpreadsheetText(bytes);
}

} // namespace

TEST_CASE("UTF-8 with and without a BOM") {
    const DecodedText with_bom = Decode("\xEF\xBB\xBF姓名,电话\r\n张三,138");
    CHECK(with_bom.encoding == TextEncoding::Utf8Bom);
    CHECK(with_bom.utf8 == "姓名,电话\r\n张三,138");
    CHECK(with_bom.invalid_sequences == 0);

    const DecodedText plain = Decode("姓名,电话\n喆 𠀀 é,1");
    CHECK(plain.encoding == TextEncoding::Utf8);
    CHECK(plain.utf8 == "姓名,电话\n喆 𠀀 é,1");
    CHECK(plain.invalid_sequences == 0);

    const DecodedText ascii = Decode("name,phone\n");
    CHECK(ascii.encoding == TextEncoding::Utf8);
    CHECK(ascii.utf8 == "name,phone\n");
    CHECK(Decode("").utf8.empty());
    CHECK(Decode("\xEF\xBB\xBF").utf8.empty());
}

TEST_CASE("a BOM keeps UTF-8 even with broken bytes, which are counted") {
    // A truncated 张 (E5 BC without its last byte), a lone continuation byte, an overlong
    // slash (C0 AF) and an encoded surrogate (ED A0 80): each is one broken sequence.
    const DecodedText d = Decode("\xEF\xBB\xBF"
                                 "a\xE5\xBC,b\x80,c\xC0\xAF,d\xED\xA0\x80");
    CHECK(d.encoding == TextEncoding::Utf8Bom);
    CHECK(d.utf8 == "a\uFFFD,b\uFFFD,c\uFFFD,d\uFFFD");
    CHECK(d.invalid_sequences == 4);
}

TEST_CASE("GBK / GB18030 two-byte characters") {
    // 张三 = D5C5 C8FD; 喆 = 86B4, 堃 = 88D2, 犇 = A0C4, 淼 = EDB5, 燚 = A044, 玥 = AB68 (from
    // python3 "…".encode("gbk")); the extension area (leads 0x81-0xA0) is GBK, not GB2312.
    const DecodedText d =
        Decode("\xD0\xD5\xC3\xFB,\xB5\xE7\xBB\xB0\r\n"
               "\xD5\xC5\xC8\xFD,\x86\xB4\x88\xD2\xA0\xC4\xED\xB5\xA0\x44\xAB\x68");
    CHECK(d.encoding == TextEncoding::Gb18030);
    CHECK(d.utf8 == "姓名,电话\r\n张三,喆堃犇淼燚玥");
    CHECK(d.invalid_sequences == 0);
    // 邻里 and the middle dot of minority names (A1A4).
    CHECK(Decode("\xC1\xDA\xC0\xEF\xA1\xA4").utf8 == "邻里·");
    // A GB18030 code that Python maps into the private use area (A3A0 -> U+E5E5).
    CHECK(Decode("\xD5\xC5\xA3\xA0").utf8 == "张\uE5E5");
}

TEST_CASE("GB18030 four-byte characters, BMP and supplementary") {
    // 81308130 is U+0080, 8431A439 U+FFFF (the last BMP sequence),
    // 95328236 U+20000 𠀀, E3329A35 U+10FFFF (python3 "…".encode("gb18030")).
    const DecodedText d =
        Decode("\xD5\xC5\x81\x30\x81\x30|\x84\x31\xA4\x39|\x95\x32\x82\x36|\xE3\x32\x9A\x35");
    CHECK(d.encoding == TextEncoding::Gb18030);
    CHECK(d.utf8 == "张\u0080|\uFFFF|\U00020000|\U0010FFFF");
    CHECK(d.invalid_sequences == 0);
    // Â has no two-byte code: 81308730, inside one of the generated BMP ranges.
    CHECK(Decode("\xD5\xC5\x81\x30\x87\x30").utf8 == "张\u00C2");
    // Windows code page 936 writes € as the single byte 0x80.
    CHECK(Decode("\xD5\xC5\x80").utf8 == "张€");
}

TEST_CASE("GB18030 bytes that decode to nothing are counted and keep what follows") {
    // FF is never a lead; D5 before 0x7F or a comma is a broken pair (the ASCII stays);
    // 84328130 is past the BMP ranges; E3329A36 would be past U+10FFFF; a lead at the end.
    const DecodedText d =
        Decode("\xD5\xC5\xFF,\xD5\x7F,\xD5,\x84\x32\x81\x30,\xE3\x32\x9A\x36,\x95\x32,\xD5");
    CHECK(d.encoding == TextEncoding::Gb18030);
    CHECK(d.utf8 == "张\uFFFD,\uFFFD\x7F,\uFFFD,\uFFFD,\uFFFD,\uFFFD"
                    "2,\uFFFD");
    CHECK(d.invalid_sequences == 7);
}

TEST_CASE("UTF-16 with a BOM, little and big endian, with surrogate pairs") {
    // 张 U+5F20, 三 U+4E09, 𠀀 U+20000 = D840 DC00.
    const std::string le("\xFF\xFE\x20\x5F\x09\x4E,\x00\x40\xD8\x00\xDC\r\x00\n\x00", 16);
    const DecodedText d_le = Decode(le);
    CHECK(d_le.encoding == TextEncoding::Utf16Le);
    CHECK(d_le.utf8 == "张三,𠀀\r\n");
    CHECK(d_le.invalid_sequences == 0);

    const std::string be("\xFE\xFF\x5F\x20\x4E\x09\x00\t\xD8\x40\xDC\x00", 12);
    const DecodedText d_be = Decode(be);
    CHECK(d_be.encoding == TextEncoding::Utf16Be);
    CHECK(d_be.utf8 == "张三\t𠀀");
    CHECK(d_be.invalid_sequences == 0);
}

TEST_CASE("UTF-16 without its pairs or with an odd byte") {
    // A lone low surrogate, a high surrogate followed by 'a', and a final odd byte.
    const std::string bytes("\xFF\xFE\x00\xDC\x40\xD8\x61\x00\x62", 9);
    const DecodedText d = Decode(bytes);
    CHECK(d.encoding == TextEncoding::Utf16Le);
    CHECK(d.utf8 == "\uFFFD\uFFFDa\uFFFD");
    CHECK(d.invalid_sequences == 3);
}

TEST_CASE("encoding names") {
    CHECK(TextEncodingName(TextEncoding::Gb18030) == "GB18030");
    CHECK(TextEncodingName(TextEncoding::Utf16Le) == "UTF-16LE");
    CHECK(TextEncodingName(TextEncoding::Utf8) == "UTF-8");
}

TEST_CASE("BOM-less UTF-8 with one broken byte stays UTF-8: the names are kept") {
    // A roster saved as UTF-8 whose one byte was damaged on the way (an 0xFF in 李四's row).
    const std::string bytes = "楼号,姓名\n1,张三\n1,李\xFF四\n2,王五\n2,赵六\n";
    const DecodedText d = Decode(bytes);
    CHECK(d.encoding == TextEncoding::Utf8);
    CHECK(d.invalid_sequences == 1);
    CHECK(d.utf8 == "楼号,姓名\n1,张三\n1,李\uFFFD四\n2,王五\n2,赵六\n");
}

TEST_CASE("GBK text is still GBK even when a pair reads as a UTF-8 character by chance") {
    // 张三 D5C5 C8FD, 李四 C0EE CBC4, 王五 CDF5 CEE5, and DEB0 (薨, also a valid UTF-8 pair) among
    // them: one accidental UTF-8 character against many broken bytes.
    const DecodedText d = Decode("\xD5\xC5\xC8\xFD,\xC0\xEE\xCB\xC4,\xCD\xF5\xCE\xE5,"
                                 "\xDE\xB0");
    CHECK(d.encoding == TextEncoding::Gb18030);
    CHECK(d.utf8.starts_with("张三,李四,王五,"));
    CHECK(d.invalid_sequences == 0);
}

TEST_CASE("BOM-less UTF-16 of Latin text is UTF-16, both byte orders") {
    const std::string le = "n\0a\0m\0e\0,\0"
                           "1\0\n\0"
                           "\x20\x5F"
                           "A\0,\0"
                           "2\0"s;
    const DecodedText d_le = Decode(le);
    CHECK(d_le.encoding == TextEncoding::Utf16Le);
    CHECK(d_le.utf8 == "name,1\n张A,2");
    CHECK(d_le.invalid_sequences == 0);
    const std::string be = "\0n\0a\0m\0e\0,\0"
                           "1"s;
    const DecodedText d_be = Decode(be);
    CHECK(d_be.encoding == TextEncoding::Utf16Be);
    CHECK(d_be.utf8 == "name,1");
    // Through the sheet reader: rows, not a "binary file" refusal.
    const SheetRows sheet = ReadSheetRows(le);
    REQUIRE(sheet.error == SheetError::None);
    REQUIRE(sheet.rows.size() == 2);
    CHECK(sheet.rows[1].cells[0] == "张A");
    // A UTF-8 file with a stray NUL is not taken for UTF-16, nor one whose NULs fall between
    // Chinese characters (found by fuzz_text_decode: GB18030 F0B9 00 8BBD 00, decoded and
    // read again, came back as UTF-16).
    CHECK(Decode("ab\0cdefgh"s).encoding == TextEncoding::Utf8);
    CHECK(Decode("张\0三\0"s).encoding == TextEncoding::Utf8);
    const DecodedText gb = Decode("\xF0\xB9\0\x8B\xBD\0"s);
    CHECK(gb.encoding == TextEncoding::Gb18030);
    CHECK(Decode(gb.utf8).utf8 == gb.utf8);
}

TEST_CASE("control characters are removed from text and from every sheet cell") {
    std::string text = "a\0b\x01\x1F\x7F\tc\r\nd"s + "\xC2\x85" + "é张";
    CHECK(RemoveControlCharacters(text) == 5);
    CHECK(text == "ab\tc\r\ndé张");
    std::string clean = "张三 13800000000";
    CHECK(RemoveControlCharacters(clean) == 0);
    CHECK(clean == "张三 13800000000");

    // A NUL past the first 4 KB (earlier, the file is refused as binary): the cell keeps its
    // text on both sides of it and the count says one cell was cleaned.
    std::string csv = "楼号,姓名\n";
    while (csv.size() < 5000) {
        csv += "1,张三\n";
    }
    csv += "2,王\0五\x07\n"s;
    const SheetRows sheet = ReadSheetRows(csv);
    REQUIRE(sheet.error == SheetError::None);
    CHECK(sheet.rows.back().cells[1] == "王五");
    CHECK(sheet.cleaned_cells == 1);
    CHECK(ReadSheetRows("a,b\n\0\0\0"s).error == SheetError::Binary);
}
