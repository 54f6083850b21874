// CSV (io/csv): the delimiter detection and the parser, with the detected delimiter and with
// each one it may choose. Rows are in line order and hold text; an unterminated quote names
// a line within the text.
#include <algorithm>

#include "fuzz_support.hpp"
#include "io/csv.hpp"

using namespace linli;

namespace {

void CheckResult(const CsvResult& r, std::string_view text) {
    const size_t lines = static_cast<size_t>(std::count(text.begin(), text.end(), '\n') +
                                             std::count(text.begin(), text.end(), '\r')) +
                         1;
    size_t previous = 0;
    for (const CsvRow& row : r.rows) {
        fuzz::Check(row.line >= 1 && row.line <= lines, "a row's line is within the text");
        fuzz::Check(row.line > previous, "rows come in line order");
        previous = row.line;
        fuzz::Check(!row.cells.empty(), "a row has cells");
    }
    if (r.error == CsvError::UnterminatedQuote) {
        fuzz::Check(r.error_line >= 1 && r.error_line <= lines, "the bad quote's line exists");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text = fuzz::AsText(data, size);
    const char detected = DetectCsvDelimiter(text);
    fuzz::Check(detected == ',' || detected == ';' || detected == '\t', "a known delimiter");
    const CsvResult parsed = ParseCsv(text);
    fuzz::Check(parsed.delimiter == detected, "ParseCsv uses the detected delimiter");
    CheckResult(parsed, text);
    for (const char d : {',', ';', '\t'}) {
        if (d != detected) {
            CheckResult(ParseCsv(text, d), text);
        }
    }
    return 0;
}
