// Writes the .xlsx files that tests/unit/xlsx_readback.py opens with openpyxl: a workbook
// made with WriteXlsx (text that looks like numbers or formulas, numbers, Chinese, several
// sheets) and the roster export with ID numbers. Usage: xlsx_sample OUT_DIR
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "io/roster_text.hpp"
#include "io/xlsx.hpp"
#include "unit/xlsx_save.hpp"

using namespace linli;

using testing::SaveXlsx;

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: xlsx_sample OUT_DIR\n");
        return 2;
    }
    const std::filesystem::path dir = argv[1];
    std::filesystem::create_directories(dir);
    std::vector<XlsxSheet> sheets(2);
    sheets[0].name = "名册";
    sheets[0].rows = {
        {XlsxCell::Text("姓名"), XlsxCell::Text("电话"), XlsxCell::Text("身份证号"),
         XlsxCell::Text("出生年份"), XlsxCell::Text("体温")},
        {XlsxCell::Text("王小明"), XlsxCell::Text("13800138000"),
         XlsxCell::Text("110101199001011234"), XlsxCell::Number(1956), XlsxCell::Number(36.6)},
        {XlsxCell::Text("=HYPERLINK(\"http://x\")"), XlsxCell::Text("013912345678"),
         XlsxCell::Text("+1-2"), XlsxCell::Text("@x"), XlsxCell::Text("0.5")},
    };
    sheets[1].name = "第二页/备注";
    sheets[1].rows = {{XlsxCell::Text("耳背，上门前先打电话")}};
    std::vector<Resident> residents(2);
    residents[0].building = "3";
    residents[0].unit = "2";
    residents[0].room = "1502";
    residents[0].name = "王小明";
    residents[0].phone = "13800138000";
    residents[0].birth_year = 1956;
    residents[0].id_number = "11010119560101123X";
    residents[0].note = "=1+1";
    residents[1].building = "3";
    residents[1].unit = "2";
    residents[1].room = "0301";
    residents[1].name = "李红";
    residents[1].phone = "013900139000";
    const bool ok = SaveXlsx(dir / "sample.xlsx", WriteXlsx(sheets)) &&
                    SaveXlsx(dir / "roster.xlsx", RosterXlsx(residents, Language::Chinese, true));
    return ok ? 0 : 1;
}
