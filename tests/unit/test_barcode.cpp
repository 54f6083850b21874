// QR codes and barcodes (io/barcode.hpp): encode, render and read back; what is not a code
// reads as nothing; Code 128 tube labels drawn here from the standard's bar widths.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "io/barcode.hpp"
#include "io/volunteer_codes.hpp"

using namespace linli;

namespace {

struct Gray {
    int width = 0;
    int height = 0;
    std::vector<uint8_t> pixels;
};

Gray RenderQr(const std::string& text, int scale) {
    const std::optional<QrImage> qr = EncodeQr(text);
    REQUIRE(qr.has_value());
    const int side = (qr->size + 8) * scale;
    return {side, side, RenderQrGray(*qr, scale, 4)};
}

std::optional<DecodedCode> Decode(const Gray& image) {
    return DecodeBarcode(image.pixels.data(), image.width, image.height, image.width);
}

// A small linear congruential generator: the same "noise" on every run.
struct Lcg {
    uint32_t state = 12345;
    int Next(int range) {
        state = state * 1664525u + 1013904223u;
        return static_cast<int>((state >> 8) % static_cast<uint32_t>(range));
    }
};

// Code 128 bar and space widths (modules) of values 0-105, then the stop pattern: each
// symbol is bar, space, bar, space, bar, space (the stop adds a final bar).
constexpr const char* kCode128Widths[] = {
    "212222", "222122", "222221", "121223", "121322", "131222", "122213", "122312", "132212",
    "221213", "221312", "231212", "112232", "122132", "122231", "113222", "123122", "123221",
    "223211", "221132", "221231", "213212", "223112", "312131", "311222", "321122", "321221",
    "312212", "322112", "322211", "212123", "212321", "232121", "111323", "131123", "131321",
    "112313", "132113", "132311", "211313", "231113", "231311", "112133", "112331", "132131",
    "113123", "113321", "133121", "313121", "211331", "231131", "213113", "213311", "213131",
    "311123", "311321", "331121", "312113", "312311", "332111", "314111", "221411", "431111",
    "111224", "111422", "121124", "121421", "141122", "141221", "112214", "112412", "122114",
    "122411", "142112", "142211", "241211", "221114", "413111", "241112", "134111", "111242",
    "121142", "121241", "114212", "124112", "124211", "411212", "421112", "421211", "212141",
    "214121", "412121", "111143", "111341", "131141", "114113", "114311", "411113", "411311",
    "113141", "114131", "311141", "411131", "211412", "211214", "211232", "2331112"};
constexpr int kStartB = 104;
constexpr int kStop = 106;

// text (printable ASCII) in code set B, as one row of modules: 1 = bar. With the check
// symbol ((start + sum of position * value) mod 103) and 10 light modules on each side.
std::vector<uint8_t> Code128Modules(const std::string& text) {
    std::vector<int> values = {kStartB};
    int check = kStartB;
    for (size_t i = 0; i < text.size(); ++i) {
        const int value = text[i] - 32;
        values.push_back(value);
        check += static_cast<int>(i + 1) * value;
    }
    values.push_back(check % 103);
    values.push_back(kStop);
    std::vector<uint8_t> modules(10, 0);
    for (const int value : values) {
        bool bar = true;
        for (const char* w = kCode128Widths[value]; *w != '\0'; ++w, bar = !bar) {
            modules.insert(modules.end(), static_cast<size_t>(*w - '0'), bar ? 1 : 0);
        }
    }
    modules.insert(modules.end(), 10, 0);
    return modules;
}

// The barcode drawn scale pixels per module, rows tall, with a light margin above and below.
Gray DrawCode128(const std::string& text, int scale, int rows) {
    const std::vector<uint8_t> modules = Code128Modules(text);
    Gray image{static_cast<int>(modules.size()) * scale, rows + 20, {}};
    image.pixels.assign(static_cast<size_t>(image.width * image.height), 255);
    for (int y = 10; y < 10 + rows; ++y) {
        for (int x = 0; x < image.width; ++x) {
            if (modules[static_cast<size_t>(x / scale)]) {
                image.pixels[static_cast<size_t>(y * image.width + x)] = 0;
            }
        }
    }
    return image;
}

Gray Transposed(const Gray& image) {
    Gray out{image.height, image.width, std::vector<uint8_t>(image.pixels.size())};
    for (int y = 0; y < image.height; ++y) {
        for (int x = 0; x < image.width; ++x) {
            out.pixels[static_cast<size_t>(x * out.width + y)] =
                image.pixels[static_cast<size_t>(y * image.width + x)];
        }
    }
    return out;
}

const std::string kBase32Code = "MFRG-GZDF-MZTW-Q2LK-NNWG-23TP-OBYX-E43U-OV3H-G6DZ-PJ5G-K4TBQ";

} // namespace

TEST_CASE("QR codes read back what was encoded, at scales 3 and 6") {
    REQUIRE(CanDecodeBarcodes());
    std::string url = "https://linli.example.org/join?community=shuguang-3&device=kitchen#";
    while (url.size() < 300) {
        url += "k=ABCDEFGHIJKLMNOPQRSTUVWXYZ234567&";
    }
    const std::vector<std::string> texts = {
        kBase32Code,
        url,
        "曙光小区3号楼2单元1502室 王小明：请明早八点前到东门核酸采样点（带身份证）。",
        "20221202",
    };
    CHECK(kBase32Code.size() == 60);
    for (const std::string& text : texts) {
        for (const int scale : {3, 6}) {
            CAPTURE(text);
            CAPTURE(scale);
            const std::optional<DecodedCode> decoded = Decode(RenderQr(text, scale));
            REQUIRE(decoded.has_value());
            CHECK(decoded->text == text);
            CHECK(decoded->format == BarcodeFormat::QrCode);
        }
    }
}

TEST_CASE("QR segments: an uppercase base32 code is alphanumeric, smaller than as bytes") {
    std::string lower = kBase32Code;
    for (char& c : lower) {
        c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    const std::optional<QrImage> alphanumeric = EncodeQr(kBase32Code);
    const std::optional<QrImage> bytes = EncodeQr(lower);
    REQUIRE(alphanumeric.has_value());
    REQUIRE(bytes.has_value());
    CHECK(alphanumeric->size == 29); // version 3: 60 alphanumeric characters fit in 61
    CHECK(bytes->size == 33);        // version 4: 60 bytes fit in 62
    CHECK(alphanumeric->dark.size() == 29u * 29u);
    CHECK(EncodeQr("12345678")->size == 21);
}

TEST_CASE("QR codes too long for version 40 at medium correction give nullopt") {
    const std::optional<QrImage> largest = EncodeQr(std::string(2331, 'a'));
    REQUIRE(largest.has_value());
    CHECK(largest->size == 177);
    CHECK_FALSE(EncodeQr(std::string(2332, 'a')).has_value());
    CHECK(EncodeQr(std::string(5596, '7')).has_value());
    CHECK_FALSE(EncodeQr(std::string(5597, '7')).has_value());
    CHECK_FALSE(EncodeQr(std::string(10000, 'x')).has_value());
    CHECK_FALSE(EncodeQr(std::string("a\0b", 3)).has_value());
}

TEST_CASE("the rendered QR image: quiet zone, scale, dark modules") {
    const std::optional<QrImage> qr = EncodeQr("20221202");
    REQUIRE(qr.has_value());
    const std::vector<uint8_t> pixels = RenderQrGray(*qr, 2, 4);
    const int side = (qr->size + 8) * 2;
    REQUIRE(pixels.size() == static_cast<size_t>(side * side));
    CHECK(pixels[0] == 255);                                   // quiet zone
    CHECK(pixels[static_cast<size_t>(8 * side + 8)] == 0);     // finder pattern's corner
    CHECK(pixels[static_cast<size_t>(9 * side + 9)] == 0);     // same module, scaled
    CHECK(pixels[static_cast<size_t>(10 * side + 10)] == 255); // finder's light ring
}

TEST_CASE("blank and noise images hold no code") {
    Gray blank{320, 240, std::vector<uint8_t>(320 * 240, 255)};
    CHECK_FALSE(Decode(blank).has_value());
    blank.pixels.assign(blank.pixels.size(), 0);
    CHECK_FALSE(Decode(blank).has_value());
    Lcg random;
    Gray noise{320, 240, std::vector<uint8_t>(320 * 240)};
    for (uint8_t& p : noise.pixels) {
        p = static_cast<uint8_t>(random.Next(256));
    }
    CHECK_FALSE(Decode(noise).has_value());
    CHECK_FALSE(DecodeBarcode(nullptr, 10, 10, 10).has_value());
    CHECK_FALSE(DecodeBarcode(noise.pixels.data(), 320, 240, 100).has_value()); // stride < width
}

TEST_CASE("a blurred, noisy QR code on a padded row stride still reads") {
    const Gray sharp = RenderQr(kBase32Code, 4);
    // A 3x3 box blur, then up to +-40 of noise, written with 16 bytes of padding per row.
    const int stride = sharp.width + 16;
    std::vector<uint8_t> pixels(static_cast<size_t>(stride * sharp.height), 128);
    Lcg random;
    for (int y = 0; y < sharp.height; ++y) {
        for (int x = 0; x < sharp.width; ++x) {
            int sum = 0;
            int n = 0;
            for (int dy = -1; dy <= 1; ++dy) {
                for (int dx = -1; dx <= 1; ++dx) {
                    const int sx = x + dx;
                    const int sy = y + dy;
                    if (sx >= 0 && sy >= 0 && sx < sharp.width && sy < sharp.height) {
                        sum += sharp.pixels[static_cast<size_t>(sy * sharp.width + sx)];
                        ++n;
                    }
                }
            }
            const int value = sum / n + random.Next(81) - 40;
            pixels[static_cast<size_t>(y * stride + x)] =
                static_cast<uint8_t>(value < 0 ? 0 : (value > 255 ? 255 : value));
        }
    }
    const std::optional<DecodedCode> decoded =
        DecodeBarcode(pixels.data(), sharp.width, sharp.height, stride);
    REQUIRE(decoded.has_value());
    CHECK(decoded->text == kBase32Code);
}

TEST_CASE("a Code 128 tube number reads across, upside down and held upright") {
    REQUIRE(CanDecodeBarcodes());
    const Gray label = DrawCode128("A12345678", 3, 60);
    std::optional<DecodedCode> decoded = Decode(label);
    REQUIRE(decoded.has_value());
    CHECK(decoded->text == "A12345678");
    CHECK(decoded->format == BarcodeFormat::Code128);

    Gray upside_down = label;
    for (int y = 0; y < label.height; ++y) {
        for (int x = 0; x < label.width; ++x) {
            upside_down.pixels[static_cast<size_t>(y * label.width + x)] =
                label.pixels[static_cast<size_t>((label.height - 1 - y) * label.width +
                                                 (label.width - 1 - x))];
        }
    }
    decoded = Decode(upside_down);
    REQUIRE(decoded.has_value());
    CHECK(decoded->text == "A12345678");

    decoded = Decode(Transposed(DrawCode128("T20221202-07", 2, 40)));
    REQUIRE(decoded.has_value());
    CHECK(decoded->text == "T20221202-07");
    CHECK(decoded->format == BarcodeFormat::Code128);
}

TEST_CASE("every code the app shows reads back from its QR code") {
    // The sign-up link with a week of two posts, a reply, a confirmation and a post's
    // check-in code: encoded as the screens do, drawn, and read by the decoder.
    REQUIRE(linli::CanDecodeBarcodes());
    linli::SignUpOffer offer;
    offer.desk = "ab12";
    offer.made_at = 1'795'990'000'000;
    for (int p = 0; p < 2; ++p) {
        offer.posts.push_back({"mh3k2a-ab12-" + std::to_string(p), "东门卡口", "小区东门", {}, 0});
        for (int s = 0; s < 21; ++s) {
            const int64_t start = 1'796'000'400'000 + int64_t{s} * 8 * 3'600'000;
            offer.shifts.push_back({static_cast<uint16_t>(p), start, start + 8 * 3'600'000, 2, 2});
        }
    }
    linli::ReplyCode reply;
    reply.volunteer_key = 0x0123'4567'89AB'CDEFULL;
    reply.name = "王小燚";
    reply.phone = "13800138000";
    reply.post_key = "mh3k2a-ab12-1";
    reply.shift_start_ms = 1'796'000'400'000;
    reply.at_ms = 1'795'990'000'000;
    linli::ConfirmationCode confirmation;
    confirmation.volunteer_key = reply.volunteer_key;
    confirmation.signups = {{"mh3k2a-ab12-1", 1'796'000'400'000, linli::ToldState::Confirmed}};
    const std::string texts[] = {
        "https://linli.example.org/app/#v=" + linli::EncodeOffer(offer),
        linli::EncodeReply(reply),
        linli::EncodeConfirmation(confirmation),
        linli::EncodePostCheckIn({"mh3k2a-ab12-1", 29'933'000, 123456}),
    };
    for (const std::string& text : texts) {
        CAPTURE(text.size());
        const auto qr = linli::EncodeQr(text);
        REQUIRE(qr);
        const int scale = qr->size > 100 ? 3 : 4;
        const auto gray = linli::RenderQrGray(*qr, scale, 4);
        const int width = (qr->size + 8) * scale;
        const auto read = linli::DecodeBarcode(gray.data(), width, width, width);
        REQUIRE(read);
        CHECK(read->text == text);
    }
}
