// Spreadsheet text in any encoding (io/text_decode): whatever the bytes, the result is valid
// UTF-8; valid UTF-8 input without a BOM comes back unchanged, and UTF-8 with a few broken
// bytes comes back with each broken sequence replaced and counted.
#include "fuzz_support.hpp"
#include "io/text_decode.hpp"

using namespace linli;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view bytes = fuzz::AsText(data, size);
    const DecodedText decoded = DecodeSpreadsheetText(bytes);
    fuzz::Check(fuzz::IsValidUtf8(decoded.utf8), "decoded text is valid UTF-8");
    fuzz::Check(!TextEncodingName(decoded.encoding).empty(), "the encoding has a name");
    if (decoded.encoding == TextEncoding::Utf8 && decoded.invalid_sequences == 0) {
        fuzz::Check(decoded.utf8 == bytes, "valid UTF-8 without a BOM is kept as it is");
    }
    if (decoded.encoding == TextEncoding::Utf8 && decoded.invalid_sequences > 0) {
        fuzz::Check(decoded.utf8.find("\xEF\xBF\xBD") != std::string::npos,
                    "broken UTF-8 shows its replacement characters");
    }
    if (decoded.invalid_sequences == 0) {
        // Decoding what came out again changes nothing (a BOM-less UTF-8 text).
        const DecodedText again = DecodeSpreadsheetText(decoded.utf8);
        // (Text with NUL characters is left out: NULs in every other byte are what UTF-16
        // without a BOM looks like, and is read as such by design.)
        if (decoded.utf8.rfind("\xEF\xBB\xBF", 0) != 0 &&
            decoded.utf8.find('\0') == std::string::npos) {
            fuzz::Check(again.utf8 == decoded.utf8, "decoding UTF-8 output again is stable");
        }
    }
    return 0;
}
