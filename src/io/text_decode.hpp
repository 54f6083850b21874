#pragma once
// Spreadsheet files arrive as bytes in whatever encoding the office suite chose: Excel's
// "CSV UTF-8" (BOM), plain "CSV" on Chinese Windows (GBK, i.e. GB18030), "Unicode text"
// (UTF-16LE with BOM). Everything past this point works on UTF-8.
#include <cstddef>
#include <string>
#include <string_view>

namespace linli {

enum class TextEncoding { Utf8, Utf8Bom, Utf16Le, Utf16Be, Gb18030 };

struct DecodedText {
    std::string utf8;
    TextEncoding encoding = TextEncoding::Utf8;
    // Byte sequences that were not valid in the detected encoding; each became U+FFFD.
    // Non-zero means the UI should warn that some characters could not be read.
    size_t invalid_sequences = 0;
};

// A BOM decides (UTF-8, UTF-16LE, UTF-16BE; it is removed). Without one: the zero bytes of
// UTF-16 Latin text make it UTF-16; bytes that read as UTF-8 (whole characters, or at least
// three whole ones per broken sequence) are UTF-8, the broken sequences replaced and
// counted; anything else is read as GB18030 (a superset of GBK/GB2312).
DecodedText DecodeSpreadsheetText(std::string_view bytes);

// "UTF-8", "UTF-16LE", "GB18030", ... for messages and logs.
std::string_view TextEncodingName(TextEncoding encoding);

} // namespace linli
