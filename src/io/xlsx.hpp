#pragma once
// XLSX (Office Open XML workbooks), as staff keep them in Excel/WPS and suppliers send
// them. Writing goes through libxlsxwriter: text cells are always string cells (phone and
// ID numbers keep their digits and leading zeros, "=..." never becomes a formula), numbers
// are numbers. Reading is our own zip reader (zlib's inflate) and expat: shared and inline
// strings, numbers, booleans, formulas' cached values, sheet order, names and visibility.
// Rows come out as CsvRows so that everything after the file (column mapping, import)
// is the same as for CSV.
#include <string>
#include <string_view>
#include <vector>

#include "io/csv.hpp"

namespace linli {

struct XlsxCell {
    std::string text;
    double number = 0;
    bool is_number = false;
    static XlsxCell Text(std::string t);
    static XlsxCell Number(double d);
};

struct XlsxSheet {
    std::string name; // sanitized on writing: []:*?/\ replaced, at most 31 characters, unique
    std::vector<std::vector<XlsxCell>> rows;
    std::vector<double> column_widths; // optional, in characters, from column A
};

struct XlsxWriteResult {
    std::string bytes; // the .xlsx file (binary)
    std::string error; // empty when it worked
};

XlsxWriteResult WriteXlsx(const std::vector<XlsxSheet>& sheets);

inline constexpr std::string_view kXlsxMime =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// The name a sheet gets in the file: forbidden characters replaced by '_', cut to 31
// characters, never empty, different (ignoring ASCII case) from every name in `taken`.
std::string SanitizeSheetName(std::string_view name, const std::vector<std::string>& taken);

enum class XlsxReadError {
    None,
    NotZip,   // not a zip archive at all (CSV, an image, ...)
    NotXlsx,  // a zip without a workbook (.docx, an ordinary archive)
    Damaged,  // cut short or corrupt; detail says where
    TooLarge, // over the size limits (64 MB uncompressed, cells), or a zip bomb
    Encrypted /* OLE2: password-protected or old .xls */
};

struct XlsxReadSheet {
    std::string name;
    bool hidden = false;
    std::vector<CsvRow> rows; // line = 1-based spreadsheet row number; empty rows left out
};

struct XlsxReadResult {
    std::vector<XlsxReadSheet> sheets;
    XlsxReadError error = XlsxReadError::None;
    std::string detail;
};

XlsxReadResult ReadXlsx(std::string_view bytes);

// The first visible sheet that has rows; nullptr when there is none.
const XlsxReadSheet* FirstSheetWithData(const XlsxReadResult& r);

bool LooksLikeZip(std::string_view bytes);  // "PK\3\4" (or an empty archive)
bool LooksLikeOle2(std::string_view bytes); // D0 CF 11 E0 A1 B1 1A E1: .xls or encrypted

// How a number cell reads as text: integral values without ".0" or exponent
// (13800138000), others in the shortest form that reads back the same.
std::string FormatXlsxNumber(double d);

} // namespace linli
