// The XLSX module's entry points (cmake/Web.cmake): the page hands it a write request or a
// picked workbook's bytes and gets back the file or a read reply (io/xlsx_exchange.hpp).
#include <emscripten.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "io/xlsx.hpp"
#include "io/xlsx_exchange.hpp"

namespace {

// A malloc'd copy of text for the page, which frees it; *size says how long it is.
char* Answer(const std::string& text, size_t* size) {
    char* out = static_cast<char*>(std::malloc(text.empty() ? 1 : text.size()));
    if (out != nullptr) {
        std::memcpy(out, text.data(), text.size());
    }
    *size = out != nullptr ? text.size() : 0;
    return out;
}

} // namespace

extern "C" {

// A write request in, the .xlsx file out; on failure *ok is 0 and the answer says why.
EMSCRIPTEN_KEEPALIVE char* linli_xlsx_write(const char* request, size_t request_size, size_t* size,
                                            int* ok) {
    const auto sheets = linli::DecodeXlsxWriteRequest(std::string_view(request, request_size));
    if (!sheets) {
        *ok = 0;
        return Answer("not a write request", size);
    }
    const linli::XlsxWriteResult book = linli::WriteXlsx(*sheets);
    *ok = book.error.empty() ? 1 : 0;
    return Answer(book.error.empty() ? book.bytes : book.error, size);
}

// A workbook's bytes in, its read reply out (what ReadXlsx found, errors included).
EMSCRIPTEN_KEEPALIVE char* linli_xlsx_read(const char* bytes, size_t bytes_size, size_t* size) {
    return Answer(linli::EncodeXlsxReadReply(linli::ReadXlsx(std::string_view(bytes, bytes_size))),
                  size);
}

} // extern "C"
