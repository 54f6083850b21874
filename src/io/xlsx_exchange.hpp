#pragma once
// Workbooks handed between the app and the XLSX module. On the web, the code that writes and
// reads .xlsx files (libxlsxwriter, expat, our zip reader) is a second, small wasm that the
// page loads the first time a workbook is saved or opened (src/platform/web/xlsx_module.cpp),
// so that the first visit does not download it. The app then hands the page a write request
// (the sheets to write) instead of the file's bytes, and the page hands the app a read reply
// (what ReadXlsx found) instead of the picked file's bytes. Native builds write and read
// directly; both paths run the same WriteXlsx and ReadXlsx.
//
// Both forms start with a NUL byte and a name, which no spreadsheet or text file does.
// Decoding checks every length against what is left: a truncated or forged form is refused.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/xlsx.hpp"

namespace linli {

inline constexpr std::string_view kXlsxWriteRequestMagic{"\0linli-xlsx-write\1", 18};
inline constexpr std::string_view kXlsxReadReplyMagic{"\0linli-xlsx-read\1", 17};

std::string EncodeXlsxWriteRequest(const std::vector<XlsxSheet>& sheets);
std::optional<std::vector<XlsxSheet>> DecodeXlsxWriteRequest(std::string_view bytes);
bool IsXlsxWriteRequest(std::string_view bytes);

std::string EncodeXlsxReadReply(const XlsxReadResult& result);
std::optional<XlsxReadResult> DecodeXlsxReadReply(std::string_view bytes);
bool IsXlsxReadReply(std::string_view bytes);

// The workbook as the platform saves it: on the web (LINLI_XLSX_IN_MODULE) the write request
// that the page turns into the file, elsewhere the file itself (WriteXlsx). Every export
// that offers Excel calls this.
XlsxWriteResult MakeXlsx(const std::vector<XlsxSheet>& sheets);

// True when this build reads .xlsx only through a read reply from the page.
bool XlsxReadInModule();

} // namespace linli
