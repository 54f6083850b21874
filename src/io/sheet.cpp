#include "io/sheet.hpp"

#include "io/text_decode.hpp"

namespace linli {

namespace {

// NUL bytes in the first kilobytes of a file that has no UTF-16 BOM: not a text sheet.
bool LooksBinary(std::string_view bytes) {
    if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                              (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
        return false;
    }
    const std::string_view head = bytes.substr(0, 4096);
    return head.find('\0') != std::string_view::npos;
}

} // namespace

SheetRows ReadSheetRows(std::string_view bytes) {
    SheetRows out;
    if (LooksBinary(bytes)) {
        out.error = SheetError::Binary;
        return out;
    }
    const DecodedText text = DecodeSpreadsheetText(bytes);
    CsvResult csv = ParseCsv(text.utf8);
    if (csv.error == CsvError::UnterminatedQuote) {
        out.error = SheetError::BadQuote;
        out.error_line = csv.error_line;
        return out;
    }
    if (csv.rows.empty()) {
        out.error = SheetError::Empty;
        return out;
    }
    out.rows = std::move(csv.rows);
    return out;
}

} // namespace linli
