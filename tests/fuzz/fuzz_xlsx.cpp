// Reading workbooks (io/xlsx ReadXlsx over the zip reader and expat): sheets and rows come
// out as text, and the read reply the XLSX module hands the app (io/xlsx_exchange) carries
// the same result back.
#include "fuzz_support.hpp"
#include "io/xlsx.hpp"
#include "io/xlsx_exchange.hpp"

using namespace linli;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view bytes = fuzz::AsText(data, size);
    (void)LooksLikeZip(bytes);
    (void)LooksLikeOle2(bytes);
    const XlsxReadResult read = ReadXlsx(bytes);
    for (const XlsxReadSheet& sheet : read.sheets) {
        fuzz::Check(fuzz::IsValidUtf8(sheet.name), "a sheet's name is valid UTF-8");
        size_t previous = 0;
        for (const CsvRow& row : sheet.rows) {
            fuzz::Check(row.line > previous, "rows come in row order");
            previous = row.line;
            for (const std::string& cell : row.cells) {
                fuzz::Check(fuzz::IsValidUtf8(cell), "a cell is valid UTF-8");
            }
        }
    }
    (void)FirstSheetWithData(read);
    const std::string reply = EncodeXlsxReadReply(read);
    const auto back = DecodeXlsxReadReply(reply);
    fuzz::Check(back.has_value(), "a read reply decodes");
    fuzz::Check(back->error == read.error && back->detail == read.detail &&
                    back->sheets.size() == read.sheets.size(),
                "a read reply carries the result");
    for (size_t i = 0; i < read.sheets.size(); ++i) {
        const XlsxReadSheet& a = read.sheets[i];
        const XlsxReadSheet& b = back->sheets[i];
        fuzz::Check(a.name == b.name && a.hidden == b.hidden && a.rows.size() == b.rows.size(),
                    "a read reply carries each sheet");
        for (size_t r = 0; r < a.rows.size(); ++r) {
            fuzz::Check(a.rows[r].line == b.rows[r].line && a.rows[r].cells == b.rows[r].cells,
                        "a read reply carries each row");
        }
    }
    return 0;
}
