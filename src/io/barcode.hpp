#pragma once
// QR codes to show and barcodes to read, with nothing of the libraries in the interface:
// a pairing or hand-over code is shown as a QR code for another phone's camera, and the
// camera reads QR codes and the Code 128 labels on sampling tubes. Encoding is nayuki's QR
// Code generator; reading is zxing-cpp (cmake/ThirdParty.cmake). Images are 8-bit gray.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace linli {

struct QrImage {
    int size = 0;              // modules per side (21 for version 1 ... 177 for version 40)
    std::vector<uint8_t> dark; // size*size, row-major, 1 = dark module
};

// Medium error correction (15%). Segments chosen by the text: digits only in numeric mode,
// uppercase letters, digits and " $%*+-./:" in alphanumeric mode (an uppercase base32 code
// gives a smaller symbol), anything else as UTF-8 bytes. nullopt when too long for a QR
// code (2,331 bytes, 3,391 alphanumeric characters or 5,596 digits at this level).
std::optional<QrImage> EncodeQr(std::string_view text);

enum class BarcodeFormat { QrCode, Code128 };

struct DecodedCode {
    std::string text; // UTF-8
    BarcodeFormat format = BarcodeFormat::QrCode;
};

// True when this build can read barcodes (DecodeBarcode then always says nullopt: a web
// build made without zxing-cpp's sources, see docs/build.md).
bool CanDecodeBarcodes();

// The first QR Code or Code 128 symbol found in an 8-bit gray image (row_stride bytes from
// one row to the next, at least width), looked for hard: the whole image, any rotation for
// QR codes, Code 128 across or down the image in either direction. nullopt when none.
std::optional<DecodedCode> DecodeBarcode(const uint8_t* luminance, int width, int height,
                                         int row_stride);

// The code as gray pixels, 0 dark and 255 light, with a light border of quiet_zone_modules
// (4 is the standard's): width = height = (size + 2 * quiet_zone_modules) * scale.
std::vector<uint8_t> RenderQrGray(const QrImage& qr, int scale, int quiet_zone_modules);

} // namespace linli
