#pragma once
// CSV as office suites save it (RFC 4180 plus what Excel and WPS actually write):
// comma, semicolon (European Excel) or tab ("Unicode text") delimiters, quoted fields
// with "" escapes and line breaks, CRLF, LF or CR line ends. Cells are plain text: kept
// exactly as written, never trimmed or interpreted ("=1+2" stays "=1+2").
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace linli {

struct CsvRow {
    size_t line = 0; // 1-based source line the row starts on
    std::vector<std::string> cells;
};

enum class CsvError { None, UnterminatedQuote };

struct CsvResult {
    // Rows as written: ragged rows keep their own length. Rows without any text (blank
    // lines, the ",,,," Excel writes for formatted empty rows) are left out.
    std::vector<CsvRow> rows;
    char delimiter = ',';
    CsvError error = CsvError::None;
    size_t error_line = 0; // where the unterminated quoted field starts
};

// The delimiter among ',', ';' and '\t' that the first lines use most (outside quotes);
// ',' when none appears.
char DetectCsvDelimiter(std::string_view utf8);

CsvResult ParseCsv(std::string_view utf8);
CsvResult ParseCsv(std::string_view utf8, char delimiter);

} // namespace linli
