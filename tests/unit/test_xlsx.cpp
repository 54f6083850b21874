#include <doctest/doctest.h>

#include <cstdint>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>
#include <zlib.h>

#include "io/sheet.hpp"
#include "io/xlsx.hpp"
#include "io/xlsx_exchange.hpp"
#include "io/zip_reader.hpp"

using namespace linli;

namespace {

using Cells = std::vector<std::string>;

std::string ReadFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void Put16(std::string& s, uint32_t v) {
    s += static_cast<char>(v & 0xFF);
    s += static_cast<char>((v >> 8) & 0xFF);
}
void Put32(std::string& s, uint32_t v) {
    Put16(s, v & 0xFFFF);
    Put16(s, v >> 16);
}

std::string Deflate(const std::string& data) {
    z_stream z{};
    REQUIRE(deflateInit2(&z, 9, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}

struct Part {
    std::string name;
    std::string data;
    bool deflate = true;
    uint32_t declared_size = 0; // 0: the real size
    uint16_t flags = 0;
};

// A zip archive made by hand (local headers, central directory, end record).
std::string MakeZip(const std::vector<Part>& parts) {
    std::string zip, central;
    for (const Part& p : parts) {
        const std::string body = p.deflate ? Deflate(p.data) : p.data;
        const uint32_t crc = static_cast<uint32_t>(crc32(
            0, reinterpret_cast<const Bytef*>(p.data.data()), static_cast<uInt>(p.data.size())));
        const uint32_t size =
            p.declared_size ? p.declared_size : static_cast<uint32_t>(p.data.size());
        const uint32_t offset = static_cast<uint32_t>(zip.size());
        Put32(zip, 0x04034b50);
        Put16(zip, 20);
        Put16(zip, p.flags);
        Put16(zip, p.deflate ? 8 : 0);
        Put32(zip, 0);
        Put32(zip, crc);
        Put32(zip, static_cast<uint32_t>(body.size()));
        Put32(zip, size);
        Put16(zip, static_cast<uint32_t>(p.name.size()));
        Put16(zip, 0);
        zip += p.name + body;
        Put32(central, 0x02014b50);
        Put16(central, 20);
        Put16(central, 20);
        Put16(central, p.flags);
        Put16(central, p.deflate ? 8 : 0);
        Put32(central, 0);
        Put32(central, crc);
        Put32(central, static_cast<uint32_t>(body.size()));
        Put32(central, size);
        Put16(central, static_cast<uint32_t>(p.name.size()));
        Put16(central, 0);
        Put16(central, 0);
        Put16(central, 0);
        Put16(central, 0);
        Put32(central, 0);
        Put32(central, offset);
        central += p.name;
    }
    const uint32_t dir_offset = static_cast<uint32_t>(zip.size());
    zip += central;
    Put32(zip, 0x06054b50);
    Put16(zip, 0);
    Put16(zip, 0);
    Put16(zip, static_cast<uint32_t>(parts.size()));
    Put16(zip, static_cast<uint32_t>(parts.size()));
    Put32(zip, static_cast<uint32_t>(central.size()));
    Put32(zip, dir_offset);
    Put16(zip, 0);
    return zip;
}

const std::string kWorkbookRels =
    R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>)"
    R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>)"
    R"(</Relationships>)";
const std::string kWorkbook =
    R"(<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)"
    R"(<sheets><sheet name="名册" sheetId="1" r:id="rId1"/></sheets></workbook>)";

std::string SheetXml(const std::string& sheet_data) {
    return R"(<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
           sheet_data + "</sheetData></worksheet>";
}

std::string HandmadeXlsx(const std::string& sheet_data, const std::string& shared) {
    return MakeZip({{"xl/workbook.xml", kWorkbook},
                    {"xl/_rels/workbook.xml.rels", kWorkbookRels},
                    {"xl/sharedStrings.xml",
                     R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)" +
                         shared + "</sst>"},
                    {"xl/worksheets/sheet1.xml", SheetXml(sheet_data)}});
}

} // namespace

TEST_CASE("xlsx: written and read back, text stays text and numbers stay numbers") {
    std::vector<XlsxSheet> sheets(1);
    sheets[0].name = "名册";
    sheets[0].column_widths = {10, 20};
    const std::string long_text(5000, 'x');
    sheets[0].rows = {
        {XlsxCell::Text("楼栋"), XlsxCell::Text("姓名"), XlsxCell::Text("电话"),
         XlsxCell::Text("身份证"), XlsxCell::Text("出生年份")},
        {XlsxCell::Text("3"), XlsxCell::Text("王小明"), XlsxCell::Text("13800138000"),
         XlsxCell::Text("110101199001011234"), XlsxCell::Number(1956)},
        {XlsxCell::Text("0012"), XlsxCell::Text("=1+2"), XlsxCell::Text("+86 138"),
         XlsxCell::Text("@SUM(A1)"), XlsxCell::Number(3.25)},
        {},
        {XlsxCell::Text(""), XlsxCell::Text(long_text), XlsxCell::Text(""),
         XlsxCell::Text("a&b<c>\"d\" 'e'")},
        {XlsxCell::Number(-7), XlsxCell::Number(13800138000.0), XlsxCell::Number(0.1)},
    };
    const XlsxWriteResult w = WriteXlsx(sheets);
    REQUIRE(w.error == "");
    CHECK(LooksLikeZip(w.bytes));
    const XlsxReadResult r = ReadXlsx(w.bytes);
    REQUIRE(r.error == XlsxReadError::None);
    REQUIRE(r.sheets.size() == 1);
    CHECK(r.sheets[0].name == "名册");
    CHECK_FALSE(r.sheets[0].hidden);
    const auto& rows = r.sheets[0].rows;
    REQUIRE(rows.size() == 5); // the empty row is left out
    CHECK(rows[0].line == 1);
    CHECK(rows[1].cells == Cells{"3", "王小明", "13800138000", "110101199001011234", "1956"});
    CHECK(rows[2].cells == Cells{"0012", "=1+2", "+86 138", "@SUM(A1)", "3.25"});
    CHECK(rows[3].line == 5);
    CHECK(rows[3].cells == Cells{"", long_text, "", "a&b<c>\"d\" 'e'"});
    CHECK(rows[4].line == 6);
    CHECK(rows[4].cells == Cells{"-7", "13800138000", "0.1"});
    CHECK(FirstSheetWithData(r) == &r.sheets[0]);
}

TEST_CASE("xlsx: many sheets keep their order, names are sanitized and made unique") {
    std::vector<XlsxSheet> sheets;
    for (int i = 0; i < 12; ++i) {
        XlsxSheet s;
        s.name = "楼" + std::to_string(i);
        s.rows = {{XlsxCell::Text("第" + std::to_string(i) + "页")}};
        sheets.push_back(s);
    }
    sheets.push_back(XlsxSheet{"a/b:c*d?[e]\\f", {{XlsxCell::Text("x")}}, {}});
    sheets.push_back(XlsxSheet{"楼0", {}, {}});
    sheets.push_back(XlsxSheet{std::string(40, 'L'), {}, {}});
    sheets.push_back(XlsxSheet{"", {}, {}});
    const XlsxWriteResult w = WriteXlsx(sheets);
    REQUIRE(w.error == "");
    const XlsxReadResult r = ReadXlsx(w.bytes);
    REQUIRE(r.error == XlsxReadError::None);
    REQUIRE(r.sheets.size() == 16);
    for (int i = 0; i < 12; ++i) {
        CHECK(r.sheets[i].name == "楼" + std::to_string(i));
        REQUIRE(r.sheets[i].rows.size() == 1);
        CHECK(r.sheets[i].rows[0].cells == Cells{"第" + std::to_string(i) + "页"});
    }
    CHECK(r.sheets[12].name == "a_b_c_d__e__f");
    CHECK(r.sheets[13].name == "楼0 (2)");
    CHECK(r.sheets[14].name == std::string(31, 'L'));
    CHECK(r.sheets[15].name == "Sheet");
    CHECK(SanitizeSheetName("sheet", {"Sheet"}) == "sheet (2)");
    CHECK(SanitizeSheetName(std::string(31, 'a'), {std::string(31, 'a')}) ==
          std::string(27, 'a') + " (2)");
    // 31 characters, not bytes: Chinese names are cut at a character.
    std::string han;
    for (int i = 0; i < 40; ++i) {
        han += "楼";
    }
    CHECK(SanitizeSheetName(han, {}).size() == 31 * 3);
}

TEST_CASE("xlsx: control characters and invalid UTF-8 still make a workbook others can open") {
    std::vector<XlsxSheet> sheets(1);
    sheets[0].name = "tab\there";
    sheets[0].rows = {{XlsxCell::Text("a\x01b\nc"), XlsxCell::Text("bad \xFF byte"),
                       XlsxCell::Text(std::string(40000, 'y'))}};
    const XlsxWriteResult w = WriteXlsx(sheets);
    REQUIRE(w.error == "");
    const XlsxReadResult r = ReadXlsx(w.bytes);
    REQUIRE(r.error == XlsxReadError::None);
    CHECK(r.sheets[0].name == "tab_here");
    REQUIRE(r.sheets[0].rows.size() == 1);
    // Excel's _x0001_ escape read back as the character; line breaks kept.
    CHECK(r.sheets[0].rows[0].cells[0] == "a\x01b\nc");
    CHECK(r.sheets[0].rows[0].cells[1] == "bad  byte");             // the invalid byte dropped
    CHECK(r.sheets[0].rows[0].cells[2] == std::string(32767, 'y')); // Excel's cell limit
}

TEST_CASE("xlsx: a workbook whose only sheets are hidden or empty has no sheet with data") {
    const std::string rels =
        R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
        R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>)"
        R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>)"
        R"(</Relationships>)";
    const std::string workbook =
        R"(<workbook xmlns:r="r"><sheets><sheet name="a" state="veryHidden" r:id="rId1"/>)"
        R"(<sheet name="b" r:id="rId2"/></sheets></workbook>)";
    const XlsxReadResult r =
        ReadXlsx(MakeZip({{"xl/workbook.xml", workbook},
                          {"xl/_rels/workbook.xml.rels", rels},
                          {"xl/worksheets/sheet1.xml",
                           SheetXml(R"(<row><c t="inlineStr"><is><t>x</t></is></c></row>)")},
                          {"xl/worksheets/sheet2.xml", SheetXml("")}}));
    REQUIRE(r.error == XlsxReadError::None);
    REQUIRE(r.sheets.size() == 2);
    CHECK(r.sheets[0].hidden);
    CHECK(r.sheets[0].rows.size() == 1);
    CHECK(r.sheets[1].rows.empty());
    CHECK(FirstSheetWithData(r) == nullptr);
}

TEST_CASE("xlsx: an empty list still makes a valid workbook") {
    const XlsxWriteResult w = WriteXlsx({});
    REQUIRE(w.error == "");
    const XlsxReadResult r = ReadXlsx(w.bytes);
    CHECK(r.error == XlsxReadError::None);
    CHECK(FirstSheetWithData(r) == nullptr);
}

TEST_CASE("xlsx: number cells read as people expect") {
    CHECK(FormatXlsxNumber(13800138000.0) == "13800138000");
    CHECK(FormatXlsxNumber(1.10101199001011e17) == "110101199001011008");
    CHECK(FormatXlsxNumber(3.5) == "3.5");
    CHECK(FormatXlsxNumber(-0.25) == "-0.25");
    CHECK(FormatXlsxNumber(0) == "0");
    CHECK(FormatXlsxNumber(1956) == "1956");
}

TEST_CASE("xlsx: shared, rich and inline strings, references with gaps, formulas, booleans") {
    const std::string shared =
        R"(<si><t>姓名</t></si>)"
        R"(<si><r><rPr><b/></rPr><t>王</t></r><r><t xml:space="preserve">小明 </t></r></si>)"
        R"(<si><t>张三</t><rPh sb="0" eb="1"><t>ZS</t></rPh></si>)"
        R"(<si><t>line_x000D_break</t></si>)";
    const std::string data =
        R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>电话</t></is></c></row>)"
        R"(<row r="3"><c r="A3" t="s"><v>1</v></c><c r="C3"><v>13800138000</v></c>)"
        R"(<c r="D3"><v>1.3800138E10</v></c><c r="E3" t="b"><v>1</v></c>)"
        R"(<c r="F3"><f>1+2</f><v>3</v></c><c r="G3" t="str"><f>A1&amp;"x"</f><v>姓名x</v></c></row>)"
        R"(<row r="4"><c r="B4" s="1"/></row>)" // a formatted empty cell: no row
        R"(<row r="7"><c t="s"><v>2</v></c><c t="e"><v>#N/A</v></c><c t="s"><v>3</v></c></row>)";
    const XlsxReadResult r = ReadXlsx(HandmadeXlsx(data, shared));
    REQUIRE(r.error == XlsxReadError::None);
    REQUIRE(r.sheets.size() == 1);
    const auto& rows = r.sheets[0].rows;
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].line == 1);
    CHECK(rows[0].cells == Cells{"姓名", "", "电话"});
    CHECK(rows[1].line == 3);
    CHECK(rows[1].cells ==
          Cells{"王小明 ", "", "13800138000", "13800138000", "TRUE", "3", "姓名x"});
    CHECK(rows[2].line == 7);
    CHECK(rows[2].cells == Cells{"张三", "#N/A", "line\rbreak"});
}

TEST_CASE("xlsx: workbook order, names and hidden sheets follow workbook.xml and its rels") {
    const std::string rels =
        R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
        R"(<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/a.xml"/>)"
        R"(<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/b.xml"/>)"
        R"(</Relationships>)";
    const std::string workbook =
        R"(<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets>)"
        R"(<x:sheet name="说明" sheetId="2" state="hidden" r:id="rId3"/><x:sheet name="数据" sheetId="1" r:id="rId7"/>)"
        R"(</x:sheets></x:workbook>)";
    const std::string root_rels =
        R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
        R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>)"
        R"(</Relationships>)";
    const std::string zip = MakeZip(
        {{"_rels/.rels", root_rels},
         {"xl/workbook.xml", workbook},
         {"xl/_rels/workbook.xml.rels", rels, false},
         {"xl/worksheets/a.xml", SheetXml(R"(<row><c t="inlineStr"><is><t>A</t></is></c></row>)")},
         {"xl/worksheets/b.xml",
          SheetXml(R"(<row><c t="inlineStr"><is><t>B</t></is></c></row>)")}});
    const XlsxReadResult r = ReadXlsx(zip);
    REQUIRE(r.error == XlsxReadError::None);
    REQUIRE(r.sheets.size() == 2);
    CHECK(r.sheets[0].name == "说明");
    CHECK(r.sheets[0].hidden);
    CHECK(r.sheets[0].rows[0].cells == Cells{"B"});
    CHECK(r.sheets[1].name == "数据");
    CHECK_FALSE(r.sheets[1].hidden);
    CHECK(r.sheets[1].rows[0].cells == Cells{"A"});
    CHECK(r.sheets[1].rows[0].line == 1);
    REQUIRE(FirstSheetWithData(r) != nullptr);
    CHECK(FirstSheetWithData(r)->name == "数据");
}

TEST_CASE("xlsx: a file written by openpyxl") {
    const std::string bytes = ReadFile(LINLI_TEST_DATA_DIR "/openpyxl_roster.xlsx");
    REQUIRE(bytes.size() > 0);
    const XlsxReadResult r = ReadXlsx(bytes);
    REQUIRE(r.error == XlsxReadError::None);
    REQUIRE(r.sheets.size() == 2);
    CHECK(r.sheets[0].name == "说明");
    CHECK(r.sheets[0].hidden);
    CHECK(r.sheets[1].name == "名册");
    const XlsxReadSheet* s = FirstSheetWithData(r);
    REQUIRE(s == &r.sheets[1]);
    REQUIRE(s->rows.size() == 4);
    CHECK(s->rows[0].cells == Cells{"楼栋", "单元", "房号", "姓名", "电话", "出生年份", "备注"});
    CHECK(s->rows[1].cells ==
          Cells{"3", "2", "1502", "王小明", "13800138000", "1956", "独居, 耳背"});
    CHECK(s->rows[2].cells == Cells{"3", "2", "1502", "李红", "13900139000", "1960"});
    CHECK(s->rows[3].line == 5); // row 4 was left empty
    CHECK(s->rows[3].cells == Cells{"5", "1", "0301", "=张伟", "013912345678", "", "3.5"});
}

TEST_CASE("xlsx: damaged files are refused with the right error, never a crash") {
    std::vector<XlsxSheet> sheets(1);
    sheets[0].name = "s";
    for (int i = 0; i < 50; ++i) {
        sheets[0].rows.push_back({XlsxCell::Text("行" + std::to_string(i)), XlsxCell::Number(i)});
    }
    const std::string good = WriteXlsx(sheets).bytes;
    REQUIRE(ReadXlsx(good).error == XlsxReadError::None);
    // Truncated anywhere: always an error (Damaged), never a crash.
    for (size_t cut : {size_t{4}, size_t{30}, size_t{100}, good.size() / 3, good.size() / 2,
                       good.size() - 100, good.size() - 22, good.size() - 1}) {
        const XlsxReadResult r = ReadXlsx(std::string_view(good).substr(0, cut));
        CHECK_MESSAGE(r.error == XlsxReadError::Damaged, "cut at " << cut);
        CHECK(r.detail != "");
    }
    // Flipped bytes in the middle: damaged (checksums, inflate), or read; no crash.
    for (size_t at = 40; at < good.size(); at += good.size() / 17) {
        std::string bad = good;
        bad[at] = static_cast<char>(bad[at] ^ 0x5A);
        const XlsxReadResult r = ReadXlsx(bad);
        CHECK((r.error == XlsxReadError::Damaged || r.error == XlsxReadError::None));
    }
    CHECK(ReadXlsx("楼栋,姓名\n3,王\n").error == XlsxReadError::NotZip);
    CHECK(ReadXlsx("").error == XlsxReadError::NotZip);
    CHECK_FALSE(LooksLikeZip("楼栋"));
    const std::string ole2 =
        std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0');
    CHECK(LooksLikeOle2(ole2));
    CHECK(ReadXlsx(ole2).error == XlsxReadError::Encrypted);
    // A zip that is not a workbook (a .docx, say).
    CHECK(ReadXlsx(MakeZip({{"word/document.xml", "<w:document/>"}})).error ==
          XlsxReadError::NotXlsx);
    // Encrypted entries (zip's own password protection).
    CHECK(ReadXlsx(MakeZip({{"xl/workbook.xml", kWorkbook, true, 0, 1}})).error ==
          XlsxReadError::Encrypted);
    // Not well-formed XML, and a DTD with entities.
    CHECK(ReadXlsx(MakeZip({{"xl/workbook.xml", "<workbook><sheets>"}})).error ==
          XlsxReadError::Damaged);
    const std::string laughs =
        R"(<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><workbook>&b;</workbook>)";
    CHECK(ReadXlsx(MakeZip({{"xl/workbook.xml", laughs}})).error == XlsxReadError::Damaged);
    // A shared string index past the end reads as empty, not out of bounds.
    const XlsxReadResult past = ReadXlsx(HandmadeXlsx(
        R"(<row r="1"><c t="s"><v>99</v></c><c t="s"><v>0</v></c></row>)", "<si><t>x</t></si>"));
    REQUIRE(past.error == XlsxReadError::None);
    CHECK(past.sheets[0].rows[0].cells == Cells{"", "x"});
    // A reference past column XFD.
    CHECK(ReadXlsx(HandmadeXlsx(R"(<row r="1"><c r="XFE1"><v>1</v></c></row>)", "")).error ==
          XlsxReadError::Damaged);
}

TEST_CASE("xlsx: zip bombs and oversized entries are refused before they are inflated") {
    // 80 MB of zeros deflates to about 80 KB: over the total limit.
    const std::string zeros(80u << 20, '\0');
    CHECK(ReadXlsx(MakeZip({{"xl/workbook.xml", zeros}})).error == XlsxReadError::TooLarge);
    // 20 MB in 20 KB: within the total limit but a ratio no workbook has.
    const std::string sheet = SheetXml(std::string(20u << 20, ' '));
    CHECK(ReadXlsx(MakeZip({{"xl/workbook.xml", kWorkbook},
                            {"xl/_rels/workbook.xml.rels", kWorkbookRels},
                            {"xl/worksheets/sheet1.xml", sheet}}))
              .error == XlsxReadError::TooLarge);
    // A header that lies: says 100 bytes, inflates to 1 MB -> damaged, and only 100 bytes
    // were ever allocated for it.
    const XlsxReadResult lying =
        ReadXlsx(MakeZip({{"xl/workbook.xml", std::string(1u << 20, 'a'), true, 100}}));
    CHECK(lying.error == XlsxReadError::Damaged);
    // Many small cells spread to the far columns: the cell limit holds.
    std::string far;
    for (int row = 1; row <= 200; ++row) {
        far += "<row r=\"" + std::to_string(row) + "\"><c r=\"XFD" + std::to_string(row) +
               "\"><v>1</v></c></row>";
    }
    CHECK(ReadXlsx(HandmadeXlsx(far, "")).error == XlsxReadError::TooLarge);
    // The zip reader on its own: limits are its own, entries listed without inflating.
    ZipReader zip(MakeZip({{"a.txt", std::string(5000, 'z')}}), ZipLimits{1000, 1000, 10, 200});
    REQUIRE(zip.error() == ZipError::None);
    REQUIRE(zip.entries().size() == 1);
    std::string out;
    CHECK_FALSE(zip.Extract(zip.entries()[0], out));
    CHECK(zip.error() == ZipError::TooLarge);
}

TEST_CASE("xlsx module forms: a write request and a read reply carry everything, forged ones are "
          "refused") {
    std::vector<XlsxSheet> sheets(2);
    sheets[0].name = "名册";
    sheets[0].column_widths = {10.5, 20};
    sheets[0].rows = {
        {XlsxCell::Text("姓名"), XlsxCell::Number(-1956.25)},
        {},
        {XlsxCell::Text(std::string("a\0b", 3)), XlsxCell::Text(std::string(300, 'x'))}};
    sheets[1].name = "空";
    const std::string request = EncodeXlsxWriteRequest(sheets);
    CHECK(IsXlsxWriteRequest(request));
    CHECK_FALSE(IsXlsxReadReply(request));
    const auto decoded = DecodeXlsxWriteRequest(request);
    REQUIRE(decoded.has_value());
    REQUIRE(decoded->size() == 2);
    CHECK((*decoded)[0].name == "名册");
    CHECK((*decoded)[0].column_widths == std::vector<double>{10.5, 20});
    REQUIRE((*decoded)[0].rows.size() == 3);
    CHECK((*decoded)[0].rows[0][0].text == "姓名");
    CHECK((*decoded)[0].rows[0][1].is_number);
    CHECK((*decoded)[0].rows[0][1].number == -1956.25);
    CHECK((*decoded)[0].rows[1].empty());
    CHECK((*decoded)[0].rows[2][0].text == std::string("a\0b", 3));
    CHECK((*decoded)[0].rows[2][1].text.size() == 300);
    CHECK((*decoded)[1].rows.empty());
    // The module writes the same file from the request as from the sheets.
    const XlsxWriteResult direct = WriteXlsx(sheets);
    const XlsxWriteResult via = WriteXlsx(*decoded);
    REQUIRE(direct.error.empty());
    CHECK(ReadXlsx(via.bytes).sheets[0].rows[0].cells == Cells{"姓名", "-1956.25"});

    // A workbook read by the module reads in the app as the workbook itself.
    const std::string reply = EncodeXlsxReadReply(ReadXlsx(direct.bytes));
    CHECK(IsXlsxReadReply(reply));
    const SheetRows from_reply = ReadSheetRows(reply);
    const SheetRows from_file = ReadSheetRows(direct.bytes);
    REQUIRE(from_reply.error == SheetError::None);
    CHECK(from_reply.xlsx_sheet == "名册");
    REQUIRE(from_reply.rows.size() == from_file.rows.size());
    for (size_t i = 0; i < from_file.rows.size(); ++i) {
        CHECK(from_reply.rows[i].line == from_file.rows[i].line);
        CHECK(from_reply.rows[i].cells == from_file.rows[i].cells);
    }
    // Errors travel too.
    const std::string refused = EncodeXlsxReadReply(ReadXlsx("PK\3\4 not really"));
    CHECK(ReadSheetRows(refused).error == SheetError::BadXlsx);

    // Cut short anywhere, or with a byte too many, or a count larger than what is left: refused.
    for (size_t cut = 0; cut < request.size(); ++cut) {
        CHECK_FALSE(DecodeXlsxWriteRequest(request.substr(0, cut)).has_value());
    }
    for (size_t cut = 0; cut < reply.size(); ++cut) {
        CHECK_FALSE(DecodeXlsxReadReply(reply.substr(0, cut)).has_value());
    }
    CHECK_FALSE(DecodeXlsxWriteRequest(request + "x").has_value());
    CHECK_FALSE(DecodeXlsxReadReply(reply + "x").has_value());
    std::string huge(kXlsxWriteRequestMagic);
    huge += "\xff\xff\xff\xff\x0f"; // four billion sheets in a few bytes
    CHECK_FALSE(DecodeXlsxWriteRequest(huge).has_value());
    std::string forged(kXlsxReadReplyMagic);
    forged += "\x09"; // no such error
    CHECK_FALSE(DecodeXlsxReadReply(forged).has_value());
    CHECK(ReadSheetRows(reply.substr(0, reply.size() / 2)).error == SheetError::BadXlsx);
}
