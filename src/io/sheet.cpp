#include "io/sheet.hpp"

#include "base/text.hpp"
#include "io/xlsx.hpp"
#include "io/xlsx_exchange.hpp"

namespace linli {

namespace {

// Control characters out of every cell (see RemoveControlCharacters); returns the number
// of cells that had any.
size_t CleanCells(std::vector<CsvRow>& rows) {
    size_t cleaned = 0;
    for (CsvRow& row : rows) {
        for (std::string& cell : row.cells) {
            cleaned += RemoveControlCharacters(cell) > 0 ? 1 : 0;
        }
    }
    return cleaned;
}

// NUL bytes in the first kilobytes of a file that has no UTF-16 BOM: not a text sheet.
bool LooksBinary(std::string_view bytes) {
    if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                              (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
        return false;
    }
    const std::string_view head = bytes.substr(0, 4096);
    return head.find('\0') != std::string_view::npos;
}

SheetRows FromWorkbook(const XlsxReadResult& book) {
    SheetRows out;
    out.detail = book.detail;
    switch (book.error) {
    case XlsxReadError::None:
        break;
    case XlsxReadError::Encrypted:
        out.error = SheetError::OldExcel;
        return out;
    case XlsxReadError::TooLarge:
        out.error = SheetError::XlsxTooBig;
        return out;
    case XlsxReadError::NotXlsx:
        out.error = SheetError::NotXlsx;
        return out;
    case XlsxReadError::NotZip:
    case XlsxReadError::Damaged:
        out.error = SheetError::BadXlsx;
        return out;
    }
    const XlsxReadSheet* sheet = FirstSheetWithData(book);
    if (sheet == nullptr) {
        out.error = SheetError::XlsxNoData;
        return out;
    }
    out.xlsx_sheet = sheet->name;
    out.rows = sheet->rows;
    out.cleaned_cells = CleanCells(out.rows);
    return out;
}

} // namespace

SheetRows ReadSheetRows(std::string_view bytes) {
    if (LooksLikeOle2(bytes)) {
        SheetRows out;
        out.error = SheetError::OldExcel;
        return out;
    }
    // A workbook the page read with the XLSX module (io/xlsx_exchange.hpp).
    if (IsXlsxReadReply(bytes)) {
        if (const auto book = DecodeXlsxReadReply(bytes)) {
            return FromWorkbook(*book);
        }
        SheetRows out;
        out.error = SheetError::BadXlsx;
        out.detail = "reply";
        return out;
    }
    if (LooksLikeZip(bytes)) {
#ifdef LINLI_XLSX_IN_MODULE
        // The page could not load the XLSX module (offline before its first use).
        SheetRows out;
        out.error = SheetError::XlsxUnavailable;
        return out;
#else
        return FromWorkbook(ReadXlsx(bytes));
#endif
    }
    SheetRows out;
    const DecodedText text = DecodeSpreadsheetText(bytes);
    const bool utf16 =
        text.encoding == TextEncoding::Utf16Le || text.encoding == TextEncoding::Utf16Be;
    if (!utf16 && LooksBinary(bytes)) {
        out.error = SheetError::Binary;
        return out;
    }
    out.encoding = text.encoding;
    out.invalid_sequences = text.invalid_sequences;
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
    out.delimiter = csv.delimiter;
    out.rows = std::move(csv.rows);
    out.cleaned_cells = CleanCells(out.rows);
    return out;
}

} // namespace linli
