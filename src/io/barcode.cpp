// QR codes and barcodes (barcode.hpp): nayuki's QR Code generator for encoding, zxing-cpp
// 1.4 for reading. zxing-cpp comes one of two ways (cmake/ThirdParty.cmake):
//   - compiled from its sources (LINLI_ZXING_SOURCES): only the QR Code and Code 128
//     readers are compiled in, so this file calls them itself: zxing's ReadBarcode and
//     MultiFormatReader would pull in every format's reader;
//   - Debian's libzxing-dev (LINLI_ZXING_SYSTEM, native builds only): its public
//     ReadBarcode, limited to the same two formats.
// Without either (a web build without the sources) nothing is read.
// zxing reports some damaged symbols by throwing (std::out_of_range from a truncated bit
// stream): a symbol that does not decode is "no code here", never an error, so every call
// into zxing is wrapped; the web build compiles zxing and this file with -fexceptions.
#include "io/barcode.hpp"

#include <qrcodegen.hpp>

#if defined(LINLI_ZXING_SOURCES)
#include <BinaryBitmap.h>
#include <DecodeHints.h>
#include <HybridBinarizer.h>
#include <ImageView.h>
#include <Pattern.h>
#include <Result.h>
#include <oned/ODCode128Reader.h>
#include <qrcode/QRReader.h>
#elif defined(LINLI_ZXING_SYSTEM)
#include <ZXing/ReadBarcode.h>
#endif

#include <algorithm>
#include <map>
#include <memory>

namespace linli {

// Data codewords per version at medium error correction (ISO/IEC 18004 table 7; qrcodegen
// keeps its own copy private). EncodeQr packs the segments itself and calls the public
// QrCode constructor rather than QrCode::encodeSegments: that function builds its
// data-too-long message with std::ostringstream, which would add about 100 KB of iostreams
// to the wasm, and reports by throwing, which the web build cannot catch.
constexpr int kDataCodewordsMedium[41] = {
    0,    16,   28,   44,   64,   86,   108,  124,  154,  182,  216,  254,  290,  334,
    365,  415,  453,  507,  563,  627,  669,  714,  782,  860,  914,  1000, 1062, 1128,
    1193, 1267, 1373, 1455, 1541, 1631, 1725, 1812, 1914, 1992, 2102, 2216, 2334};

std::optional<QrImage> EncodeQr(std::string_view text) {
    using qrcodegen::QrCode;
    using qrcodegen::QrSegment;
    const std::string z(text); // qrcodegen takes a NUL-terminated string
    if (z.find('\0') != std::string::npos) {
        return std::nullopt;
    }
    // Numeric, alphanumeric or bytes, whichever the whole text allows.
    const std::vector<QrSegment> segments = QrSegment::makeSegments(z.c_str());
    int version = QrCode::MIN_VERSION;
    int used_bits = 0;
    for (;; ++version) {
        if (version > QrCode::MAX_VERSION) {
            return std::nullopt;
        }
        used_bits = QrSegment::getTotalBits(segments, version); // -1: a count overflows
        if (used_bits >= 0 && used_bits <= kDataCodewordsMedium[version] * 8) {
            break;
        }
    }
    // The data bits as encodeSegments lays them out: each segment's mode, count and data; a
    // terminator of up to 4 zero bits; zeros to a byte; then 0xEC, 0x11, ... to capacity.
    const size_t capacity_bits = static_cast<size_t>(kDataCodewordsMedium[version]) * 8;
    std::vector<uint8_t> codewords(capacity_bits / 8, 0);
    size_t bit = 0;
    auto append = [&](uint32_t value, int count) {
        for (int i = count - 1; i >= 0; --i, ++bit) {
            if ((value >> i) & 1u) {
                codewords[bit / 8] |= static_cast<uint8_t>(0x80u >> (bit % 8));
            }
        }
    };
    for (const QrSegment& segment : segments) {
        append(static_cast<uint32_t>(segment.getMode().getModeBits()), 4);
        append(static_cast<uint32_t>(segment.getNumChars()),
               segment.getMode().numCharCountBits(version));
        for (const bool data_bit : segment.getData()) {
            append(data_bit ? 1u : 0u, 1);
        }
    }
    bit += std::min<size_t>(4, capacity_bits - bit);
    bit = (bit + 7) / 8 * 8;
    for (uint8_t pad = 0xEC; bit < capacity_bits; pad ^= 0xEC ^ 0x11, bit += 8) {
        codewords[bit / 8] = pad;
    }
    const QrCode code(version, QrCode::Ecc::MEDIUM, codewords, -1); // -1: the best mask
    QrImage image;
    image.size = code.getSize();
    image.dark.resize(static_cast<size_t>(image.size) * static_cast<size_t>(image.size));
    for (int y = 0; y < image.size; ++y) {
        for (int x = 0; x < image.size; ++x) {
            image.dark[static_cast<size_t>(y * image.size + x)] = code.getModule(x, y) ? 1 : 0;
        }
    }
    return image;
}

std::vector<uint8_t> RenderQrGray(const QrImage& qr, int scale, int quiet_zone_modules) {
    scale = std::max(scale, 1);
    quiet_zone_modules = std::max(quiet_zone_modules, 0);
    const int side = (qr.size + 2 * quiet_zone_modules) * scale;
    std::vector<uint8_t> pixels(static_cast<size_t>(side) * static_cast<size_t>(side), 255);
    for (int y = 0; y < qr.size; ++y) {
        for (int x = 0; x < qr.size; ++x) {
            if (!qr.dark[static_cast<size_t>(y * qr.size + x)]) {
                continue;
            }
            const int px = (x + quiet_zone_modules) * scale;
            const int py = (y + quiet_zone_modules) * scale;
            for (int dy = 0; dy < scale; ++dy) {
                std::fill_n(pixels.begin() + (py + dy) * side + px, scale, uint8_t{0});
            }
        }
    }
    return pixels;
}

#if defined(LINLI_ZXING_SOURCES) || defined(LINLI_ZXING_SYSTEM)

namespace {

ZXing::DecodeHints Hints() {
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode | ZXing::BarcodeFormat::Code128);
    hints.setTryHarder(true);
    hints.setTryRotate(true);
    return hints;
}

std::optional<DecodedCode> FromResult(const ZXing::Result& result) {
    if (!result.isValid()) {
        return std::nullopt;
    }
    const BarcodeFormat format = result.format() == ZXing::BarcodeFormat::Code128
                                     ? BarcodeFormat::Code128
                                     : BarcodeFormat::QrCode;
    return DecodedCode{result.text(), format};
}

#if defined(LINLI_ZXING_SOURCES)

// Code 128 the way zxing's OneD::Reader looks for linear codes with "try harder", for one
// format: rows from the middle outwards over the whole image, each read both ways, then
// the same down the image (a tube held upright). A text counts once two rows agree (zxing's
// minLineCount), so that one misread row is not an answer.
std::optional<DecodedCode> ScanCode128(const ZXing::BinaryBitmap& image,
                                       const ZXing::DecodeHints& hints) {
    const ZXing::OneD::Code128Reader reader(hints);
    for (const int rotation : {0, 270}) {
        const int height = rotation == 0 ? image.height() : image.width();
        const int step = std::max(1, height / 256);
        std::map<std::string, int> seen;
        ZXing::PatternRow bars;
        for (int i = 0; i < height; ++i) {
            const int away = (i + 1) / 2 * step;
            const int row = height / 2 + ((i & 1) == 0 ? away : -away);
            if (row < 0 || row >= height) {
                break;
            }
            if (!image.getPatternRow(row, rotation, bars)) {
                continue;
            }
            for (const bool reversed : {false, true}) {
                if (reversed) {
                    std::reverse(bars.begin(), bars.end());
                }
                std::unique_ptr<ZXing::OneD::RowReader::DecodingState> state;
                ZXing::PatternView next(bars);
                while (next.size() > 0) {
                    const ZXing::Result result = reader.decodePattern(row, next, state);
                    if (result.isValid() && ++seen[result.text()] >= 2) {
                        return DecodedCode{result.text(), BarcodeFormat::Code128};
                    }
                    // Start the next try on a bar, past this one.
                    next.shift(2 - (next.index() % 2));
                    next.extend();
                }
            }
        }
    }
    return std::nullopt;
}

std::optional<DecodedCode> Decode(const ZXing::ImageView& view) {
    const ZXing::DecodeHints hints = Hints();
    const ZXing::HybridBinarizer image(view);
    if (auto qr = FromResult(ZXing::QRCode::Reader(hints).decode(image))) {
        return qr;
    }
    return ScanCode128(image, hints);
}

#else

std::optional<DecodedCode> Decode(const ZXing::ImageView& view) {
    return FromResult(ZXing::ReadBarcode(view, Hints()));
}

#endif

} // namespace

bool CanDecodeBarcodes() {
    return true;
}

std::optional<DecodedCode> DecodeBarcode(const uint8_t* luminance, int width, int height,
                                         int row_stride) {
    if (luminance == nullptr || width <= 0 || height <= 0 || row_stride < width) {
        return std::nullopt;
    }
    try {
        return Decode(
            ZXing::ImageView(luminance, width, height, ZXing::ImageFormat::Lum, row_stride, 1));
    } catch (...) {
        return std::nullopt; // a damaged symbol zxing gave up on by throwing
    }
}

#else

bool CanDecodeBarcodes() {
    return false;
}

std::optional<DecodedCode> DecodeBarcode(const uint8_t*, int, int, int) {
    return std::nullopt;
}

#endif

} // namespace linli
