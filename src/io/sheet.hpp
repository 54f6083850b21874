#pragma once
// A spreadsheet file as rows of text cells, whatever it was saved as: CSV in any of the
// encodings office suites write (see text_decode), or an Excel workbook (.xlsx: its first
// visible sheet with data). Decided by the bytes, not the name: an .xlsx renamed .csv
// still reads, and an old .xls or a password-protected workbook (both OLE2) is named as
// such. Every import of a sheet (roster, catalog) reads it through here.
#include <string>
#include <string_view>
#include <vector>

#include "io/csv.hpp"
#include "io/text_decode.hpp"

namespace linli {

enum class SheetError {
    None,
    Empty,           // no rows with text
    BadQuote,        // a quoted CSV field never closes (error_line)
    Binary,          // neither text nor a workbook (a picture, a .doc)
    OldExcel,        // an old .xls or an encrypted workbook
    BadXlsx,         // a damaged or incomplete .xlsx (detail)
    XlsxTooBig,      // over the unpacking limits (detail)
    NotXlsx,         // a zip that is no workbook
    XlsxNoData,      // a workbook with no visible sheet holding data
    XlsxUnavailable, // web: the XLSX module could not be loaded (offline before first use)
};

struct SheetRows {
    std::vector<CsvRow> rows;
    SheetError error = SheetError::None;
    size_t error_line = 0;
    std::string detail;     // what the .xlsx reader said
    std::string xlsx_sheet; // the sheet read, when the file was a workbook
    char delimiter = ',';
    TextEncoding encoding = TextEncoding::Utf8;
    size_t invalid_sequences = 0; // CSV bytes that were not valid in its encoding
    size_t cleaned_cells = 0;     // cells that had control characters (removed)
};

SheetRows ReadSheetRows(std::string_view bytes);

// What a file picker offers for sheets.
inline constexpr const char* kSheetAccept =
    ".csv,.txt,.xlsx,text/csv,text/plain,text/tab-separated-values,"
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

} // namespace linli
