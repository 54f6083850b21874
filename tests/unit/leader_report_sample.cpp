// Writes the daily report (日报) of the desk in tests/unit/leader_fixture.hpp as .xlsx, in
// Chinese and in English, for tests/unit/leader_report_readback.py to open with openpyxl.
// Usage: leader_report_sample OUT_DIR
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "io/leader_report.hpp"
#include "unit/leader_fixture.hpp"
#include "unit/xlsx_save.hpp"

using namespace linli;

using testing::SaveXlsx;

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: leader_report_sample OUT_DIR\n");
        return 2;
    }
    const std::filesystem::path dir = argv[1];
    std::filesystem::create_directories(dir);
    leader_fixture::Desk desk;
    desk.Fill();
    if (!desk.failed.empty()) {
        std::fprintf(stderr, "the fixture's step failed: %s\n", desk.failed.c_str());
        return 1;
    }
    const DailySummary& s = desk.data->Leader().Summary(leader_fixture::Today());
    const bool ok = SaveXlsx(dir / "report-zh.xlsx", DailyReportXlsx(s, Language::Chinese)) &&
                    SaveXlsx(dir / "report-en.xlsx", DailyReportXlsx(s, Language::English));
    return ok ? 0 : 1;
}
