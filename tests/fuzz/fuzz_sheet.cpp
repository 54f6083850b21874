// Any sheet file to rows (io/sheet ReadSheetRows: CSV in any encoding or a workbook): rows
// are valid UTF-8 text, and an error leaves no rows.
#include "fuzz_support.hpp"
#include "io/sheet.hpp"

using namespace linli;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const SheetRows sheet = ReadSheetRows(fuzz::AsText(data, size));
    for (const CsvRow& row : sheet.rows) {
        for (const std::string& cell : row.cells) {
            fuzz::Check(fuzz::IsValidUtf8(cell), "a cell is valid UTF-8");
        }
    }
    if (sheet.error == SheetError::None) {
        fuzz::Check(!sheet.rows.empty(), "a sheet read without error has rows");
    }
    return 0;
}
