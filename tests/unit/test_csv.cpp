#include <doctest/doctest.h>

#include <string>

#include "io/csv.hpp"

using namespace linli;

namespace {

using Cells = std::vector<std::string>;

} // namespace

TEST_CASE("comma, semicolon and tab files are recognised") {
    const CsvResult comma = ParseCsv("楼栋,单元,姓名\n3,2,张三\n");
    CHECK(comma.delimiter == ',');
    CHECK(comma.error == CsvError::None);
    REQUIRE(comma.rows.size() == 2);
    CHECK(comma.rows[1].cells == Cells{"3", "2", "张三"});

    // European Excel: semicolons, with commas inside unquoted notes.
    const CsvResult semicolon =
        ParseCsv("楼栋;姓名;备注\n3;张三;耳背, 独居\n4;李四;\n5;王五;a,b\n");
    CHECK(semicolon.delimiter == ';');
    REQUIRE(semicolon.rows.size() == 4);
    CHECK(semicolon.rows[1].cells == Cells{"3", "张三", "耳背, 独居"});
    CHECK(semicolon.rows[2].cells == Cells{"4", "李四", ""});

    // Excel's "Unicode text": tabs; commas and semicolons are just text.
    const CsvResult tab = ParseCsv("楼栋\t姓名\t备注\r\n3\t张三\ta,b;c\r\n");
    CHECK(tab.delimiter == '\t');
    REQUIRE(tab.rows.size() == 2);
    CHECK(tab.rows[1].cells == Cells{"3", "张三", "a,b;c"});

    // Delimiters inside quotes do not count: this is a comma file.
    CHECK(DetectCsvDelimiter("\"a;b;c;d\",x\n\"e;f;g\",y\n") == ',');
    // Nothing to go by: comma.
    CHECK(DetectCsvDelimiter("name\nzhang\n") == ',');
    CHECK(DetectCsvDelimiter("") == ',');
    // A delimiter can be given.
    CHECK(ParseCsv("a;b,c\n", ',').rows[0].cells == Cells{"a;b", "c"});
}

TEST_CASE("quoted fields: delimiters, doubled quotes and line breaks inside") {
    const std::string text = "姓名,备注,电话\r\n"
                             "邵辉,\"独居老人, 耳背\r\n上门前先打电话\",188\r\n"
                             "\"李\"\"小\"\"四\",\"\",\"\"\"\"\r\n"
                             "王五,\"a\nb\rc\",1\r\n";
    const CsvResult csv = ParseCsv(text);
    CHECK(csv.error == CsvError::None);
    REQUIRE(csv.rows.size() == 4);
    CHECK(csv.rows[1].cells == Cells{"邵辉", "独居老人, 耳背\r\n上门前先打电话", "188"});
    CHECK(csv.rows[2].cells == Cells{"李\"小\"四", "", "\""});
    CHECK(csv.rows[3].cells == Cells{"王五", "a\nb\rc", "1"});
    // Each row knows the line it starts on, counting the breaks inside quotes.
    CHECK(csv.rows[0].line == 1);
    CHECK(csv.rows[1].line == 2);
    CHECK(csv.rows[2].line == 4);
    CHECK(csv.rows[3].line == 5);
}

TEST_CASE("text around quotes is kept as Excel reads it") {
    // A quote inside an unquoted field is a character; text after a closing quote stays.
    const CsvResult csv = ParseCsv("5'3\",\"ab\"cd,x\"y\"\n");
    REQUIRE(csv.rows.size() == 1);
    CHECK(csv.rows[0].cells == Cells{"5'3\"", "abcd", "x\"y\""});
}

TEST_CASE("line ends, blank lines, ragged rows and the end of the file") {
    // CRLF, LF and CR; blank lines (and the ,,, of formatted empty rows) are skipped; no
    // newline at the end.
    const CsvResult csv = ParseCsv("a,b,c\r\n\r\n1,2\n,,\n\n1,2,3,4\r5,6,7");
    CHECK(csv.error == CsvError::None);
    REQUIRE(csv.rows.size() == 4);
    CHECK(csv.rows[0].cells == Cells{"a", "b", "c"});
    CHECK(csv.rows[1].cells == Cells{"1", "2"}); // shorter: kept as it is
    CHECK(csv.rows[1].line == 3);
    CHECK(csv.rows[2].cells == Cells{"1", "2", "3", "4"}); // longer: kept as it is
    CHECK(csv.rows[2].line == 6);
    CHECK(csv.rows[3].cells == Cells{"5", "6", "7"});
    CHECK(csv.rows[3].line == 7);

    // A trailing line end does not make an empty row; spaces are text, not blank.
    const CsvResult trailing = ParseCsv("a,b\r\n \r\n");
    REQUIRE(trailing.rows.size() == 2);
    CHECK(trailing.rows[1].cells == Cells{" "});
    // Empty cells keep their place, including at the ends.
    CHECK(ParseCsv(",x,\n").rows[0].cells == Cells{"", "x", ""});
    CHECK(ParseCsv("").rows.empty());
    CHECK(ParseCsv("\r\n\n").rows.empty());
}

TEST_CASE("cells are plain text, never interpreted or trimmed") {
    const CsvResult csv = ParseCsv("=1+2, <b>x</b> ,@SUM(A1),'0138,\"  padded  \"\n");
    REQUIRE(csv.rows.size() == 1);
    CHECK(csv.rows[0].cells == Cells{"=1+2", " <b>x</b> ", "@SUM(A1)", "'0138", "  padded  "});
}

TEST_CASE("an unterminated quote is an error at the line it starts on") {
    const CsvResult csv = ParseCsv("姓名,备注\n张三,ok\n李四,\"never\nclosed,\n王五,x\n");
    CHECK(csv.error == CsvError::UnterminatedQuote);
    CHECK(csv.error_line == 3);
    REQUIRE(csv.rows.size() == 2); // the rows before it are still there
    CHECK(csv.rows[1].cells == Cells{"张三", "ok"});

    const CsvResult first = ParseCsv("\"abc");
    CHECK(first.error == CsvError::UnterminatedQuote);
    CHECK(first.error_line == 1);
    CHECK(ParseCsv("a,\"b\"\"\"\n").error == CsvError::None);
}

TEST_CASE("6,000 rows of 9 columns") {
    std::string text = "楼号,单元号,门牌号,姓名,与户主关系,身份证号,手机号,年龄,特殊情况\r\n";
    for (int i = 0; i < 6000; ++i) {
        text += std::to_string(i % 22 + 1) + ",2,1502,张三" + std::to_string(i) +
                ",户主,99000019800101123X,13800138000,44,\"独居老人, 耳背\"\r\n";
    }
    const CsvResult csv = ParseCsv(text);
    REQUIRE(csv.rows.size() == 6001);
    CHECK(csv.rows[6000].cells.size() == 9);
    CHECK(csv.rows[6000].cells[3] == "张三5999");
    CHECK(csv.rows[6000].cells[8] == "独居老人, 耳背");
    CHECK(csv.rows[6000].line == 6001);
}
