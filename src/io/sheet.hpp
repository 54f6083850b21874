#pragma once
// A spreadsheet file as rows of text cells, whatever it was saved as: CSV in any of the
// encodings office suites write (see text_decode). Imports that take a sheet (catalogs
// today) read it through here, so that every format reaches every import.
#include <string_view>
#include <vector>

#include "io/csv.hpp"

namespace linli {

enum class SheetError {
    None,
    Empty,    // no rows with text
    BadQuote, // a quoted CSV field never closes (error_line)
    Binary,   // not text (a picture, a .doc, an .xls from old Excel)
};

struct SheetRows {
    std::vector<CsvRow> rows;
    SheetError error = SheetError::None;
    size_t error_line = 0;
};

SheetRows ReadSheetRows(std::string_view bytes);

// What a file picker offers for sheets.
inline constexpr const char* kSheetAccept =
    ".csv,.txt,text/csv,text/plain,text/tab-separated-values";

} // namespace linli
