// Spreadsheet text in any encoding (io/text_decode): whatever the bytes, the result is valid
// UTF-8, and UTF-8 input without a BOM comes back unchanged.
#include "fuzz_support.hpp"
#include "io/text_decode.hpp"

using namespace linli;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view bytes = fuzz::AsText(data, size);
    const DecodedText decoded = DecodeSpreadsheetText(bytes);
    fuzz::Check(fuzz::IsValidUtf8(decoded.utf8), "decoded text is valid UTF-8");
    fuzz::Check(!TextEncodingName(decoded.encoding).empty(), "the encoding has a name");
    if (decoded.encoding == TextEncoding::Utf8) {
        fuzz::Check(decoded.utf8 == bytes, "UTF-8 without a BOM is kept as it is");
        fuzz::Check(decoded.invalid_sequences == 0, "UTF-8 has no invalid sequences");
    }
    if (decoded.invalid_sequences == 0) {
        // Decoding what came out again changes nothing (a BOM-less UTF-8 text).
        const DecodedText again = DecodeSpreadsheetText(decoded.utf8);
        if (decoded.utf8.rfind("\xEF\xBB\xBF", 0) != 0) {
            fuzz::Check(again.utf8 == decoded.utf8, "decoding UTF-8 output again is stable");
        }
    }
    return 0;
}
