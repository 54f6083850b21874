// QR codes and barcodes for the page (io/barcode.hpp), called from JavaScript: a camera
// frame's luminance in, the text of the code it shows out; a text in, its QR modules out.
// Also what keeps the encoder and the reader in the wasm until screens use them.
#include <emscripten.h>

#include <cstdint>
#include <cstring>
#include <string>

#include "io/barcode.hpp"

extern "C" {

// The first QR Code or Code 128 text in an 8-bit gray image of w x h pixels (rows packed),
// as UTF-8; "" when there is none (or this build reads no barcodes). The string stays valid
// until the next call.
EMSCRIPTEN_KEEPALIVE const char* linli_decode_gray(const uint8_t* gray, int w, int h) {
    static std::string text;
    const auto decoded = linli::DecodeBarcode(gray, w, h, w);
    text = decoded ? decoded->text : std::string();
    return text.c_str();
}

// The QR code of text (UTF-8, medium error correction): writes size*size bytes (1 = dark,
// row-major) to out and returns size, or 0 when the text is too long or capacity too small.
EMSCRIPTEN_KEEPALIVE int linli_encode_qr(const char* text, uint8_t* out, int capacity) {
    const auto qr = linli::EncodeQr(text != nullptr ? text : "");
    if (!qr || static_cast<int>(qr->dark.size()) > capacity) {
        return 0;
    }
    std::memcpy(out, qr->dark.data(), qr->dark.size());
    return qr->size;
}

} // extern "C"
