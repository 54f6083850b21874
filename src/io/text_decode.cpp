#include "io/text_decode.hpp"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <vector>

#include "base/utf8.hpp"

namespace linli {
namespace {

struct Gb18030BmpRange {
    uint32_t first_sequence; // four-byte sequence number from 0x81308130
    uint16_t first_code_point;
    uint16_t count;
};

// Generated at build time from Python's gb18030 codec (tools/gen_gb18030.py).
#include "gb18030_table.inc"

constexpr char32_t kReplacement = 0xFFFD;
// Four-byte sequences before this number are BMP code points (found in the ranges).
constexpr uint32_t kGb18030BmpSequences =
    kGb18030BmpRanges[std::size(kGb18030BmpRanges) - 1].first_sequence +
    kGb18030BmpRanges[std::size(kGb18030BmpRanges) - 1].count;
// 0x90308130 is U+10000; the supplementary planes follow linearly.
constexpr uint32_t kGb18030SupplementaryStart = (0x90 - 0x81) * 12600;

unsigned Byte(std::string_view s, size_t i) {
    return static_cast<unsigned char>(s[i]);
}

// How the bytes read as UTF-8: whole multi-byte characters and broken sequences.
struct Utf8Census {
    size_t multibyte = 0;
    size_t broken = 0;
};

Utf8Census CountUtf8(std::string_view s) {
    Utf8Census census;
    size_t i = 0;
    while (i < s.size()) {
        // ASCII runs are most of a roster; skip them without the full check.
        if (Byte(s, i) < 0x80) {
            ++i;
            continue;
        }
        const size_t length = Utf8SequenceLength(s, i);
        if (length == 0) {
            ++census.broken;
            ++i;
            continue;
        }
        ++census.multibyte;
        i += length;
    }
    return census;
}

// Chinese text saved as GBK forms a valid UTF-8 character now and then by chance (about
// one in ten characters) among many broken ones; a UTF-8 file with a damaged byte has
// many whole characters and a few broken ones. Three whole characters per broken one
// tells them apart with room on both sides.
bool ReadsAsUtf8(const Utf8Census& census) {
    return census.broken == 0 || census.multibyte >= 3 * census.broken;
}

// UTF-16 saved without a BOM ("Unicode text" from some tools): mostly Latin letters,
// digits and separators, so in most pairs one byte is zero and the other ASCII, the zero
// always on the same side. Returns 0 (not UTF-16), 1 (little endian) or 2 (big endian).
int BomlessUtf16(std::string_view s) {
    const std::string_view head = s.substr(0, 4096 & ~size_t{1});
    const size_t pairs = head.size() / 2;
    if (pairs < 2) {
        return 0;
    }
    size_t ascii_le = 0, ascii_be = 0, zero_even = 0, zero_odd = 0;
    for (size_t i = 0; i + 1 < head.size(); i += 2) {
        const unsigned even = Byte(head, i), odd = Byte(head, i + 1);
        zero_even += even == 0;
        zero_odd += odd == 0;
        ascii_le += odd == 0 && even != 0 && even < 0x80;
        ascii_be += even == 0 && odd != 0 && odd < 0x80;
    }
    // At least a third of the pairs an ASCII character, and no pair with the zero on the
    // other side (a NUL byte in a UTF-8 file has no such pattern).
    if (ascii_le * 3 >= pairs && zero_even == 0) {
        return 1;
    }
    if (ascii_be * 3 >= pairs && zero_odd == 0) {
        return 2;
    }
    return 0;
}

void DecodeUtf8(std::string_view s, DecodedText& out) {
    out.utf8.reserve(s.size());
    size_t i = 0;
    while (i < s.size()) {
        const size_t length = Utf8SequenceLength(s, i);
        if (length > 0) {
            out.utf8.append(s.substr(i, length));
            i += length;
            continue;
        }
        // One replacement for a broken sequence: its lead and the continuation bytes after it.
        ++out.invalid_sequences;
        AppendUtf8(out.utf8, kReplacement);
        size_t end = i + 1;
        while (end < s.size() && end < i + 4 && (Byte(s, end) & 0xC0) == 0x80) {
            ++end;
        }
        i = end;
    }
}

void DecodeUtf16(std::string_view s, bool big_endian, DecodedText& out) {
    out.utf8.reserve(s.size() * 3 / 2);
    auto unit_at = [&](size_t i) -> char32_t {
        return big_endian ? (Byte(s, i) << 8 | Byte(s, i + 1)) : (Byte(s, i + 1) << 8 | Byte(s, i));
    };
    size_t i = 0;
    while (i + 1 < s.size()) {
        const char32_t unit = unit_at(i);
        i += 2;
        if (unit >= 0xD800 && unit <= 0xDBFF && i + 1 < s.size()) {
            const char32_t next = unit_at(i);
            if (next >= 0xDC00 && next <= 0xDFFF) {
                AppendUtf8(out.utf8, 0x10000 + ((unit - 0xD800) << 10) + (next - 0xDC00));
                i += 2;
                continue;
            }
        }
        if (unit >= 0xD800 && unit <= 0xDFFF) { // a surrogate without its pair
            ++out.invalid_sequences;
            AppendUtf8(out.utf8, kReplacement);
        } else {
            AppendUtf8(out.utf8, unit);
        }
    }
    if (i < s.size()) { // an odd byte at the end
        ++out.invalid_sequences;
        AppendUtf8(out.utf8, kReplacement);
    }
}

// 0 when the four-byte sequence number maps to nothing.
char32_t Gb18030FourByte(uint32_t sequence) {
    if (sequence < kGb18030BmpSequences) {
        const auto* range = std::upper_bound(
            std::begin(kGb18030BmpRanges), std::end(kGb18030BmpRanges), sequence,
            [](uint32_t value, const Gb18030BmpRange& r) { return value < r.first_sequence; });
        --range; // the first range starts at sequence 0, so there is always one before
        const uint32_t offset = sequence - range->first_sequence;
        return offset < range->count ? range->first_code_point + offset : 0;
    }
    if (sequence >= kGb18030SupplementaryStart &&
        sequence - kGb18030SupplementaryStart <= 0xFFFFF) {
        return 0x10000 + (sequence - kGb18030SupplementaryStart);
    }
    return 0;
}

// The two-byte table, expanded from its delta form (tools/gen_gb18030.py) for one decode:
// a GBK file is rare, and 48 KB in the wasm is downloaded by every visitor.
std::vector<char16_t> Gb18030TwoByteTable() {
    std::vector<char16_t> table(kGb18030TwoByteCount);
    int32_t previous = 0;
    size_t at = 0;
    for (char16_t& cp : table) {
        uint32_t zigzag = 0;
        for (int shift = 0;; shift += 7) {
            const uint8_t b = kGb18030TwoByteDeltas[at++];
            zigzag |= static_cast<uint32_t>(b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                break;
            }
        }
        if (zigzag == 0) {
            cp = 0; // a hole: the codec decodes nothing here
            continue;
        }
        const int32_t delta = (zigzag & 1) != 0 ? -static_cast<int32_t>((zigzag + 1) >> 1)
                                                : static_cast<int32_t>(zigzag >> 1);
        previous += delta;
        cp = static_cast<char16_t>(previous);
    }
    return table;
}

void DecodeGb18030(std::string_view s, DecodedText& out) {
    const std::vector<char16_t> two_byte = Gb18030TwoByteTable();
    out.utf8.reserve(s.size() * 3 / 2);
    auto invalid = [&] {
        ++out.invalid_sequences;
        AppendUtf8(out.utf8, kReplacement);
    };
    size_t i = 0;
    while (i < s.size()) {
        const unsigned lead = Byte(s, i);
        if (lead < 0x80) {
            out.utf8.push_back(static_cast<char>(lead));
            ++i;
            continue;
        }
        if (lead == 0x80) {
            // Windows code page 936 (Excel's "CSV" on Chinese Windows) writes € as 0x80;
            // GB18030 leaves the byte unused, and browsers decode it as € too.
            AppendUtf8(out.utf8, 0x20AC);
            ++i;
            continue;
        }
        if (lead == 0xFF || i + 1 == s.size()) {
            invalid();
            ++i;
            continue;
        }
        const unsigned second = Byte(s, i + 1);
        if (second >= 0x30 && second <= 0x39) {
            const bool well_formed = i + 3 < s.size() && Byte(s, i + 2) >= 0x81 &&
                                     Byte(s, i + 2) <= 0xFE && Byte(s, i + 3) >= 0x30 &&
                                     Byte(s, i + 3) <= 0x39;
            if (!well_formed) {
                // Only the lead is consumed: the digit after it is read again as ASCII, so
                // a broken character cannot swallow a delimiter or a quote.
                invalid();
                ++i;
                continue;
            }
            const uint32_t sequence =
                (((lead - 0x81) * 10 + (second - 0x30)) * 126 + (Byte(s, i + 2) - 0x81)) * 10 +
                (Byte(s, i + 3) - 0x30);
            const char32_t cp = Gb18030FourByte(sequence);
            if (cp == 0) {
                invalid();
            } else {
                AppendUtf8(out.utf8, cp);
            }
            i += 4;
            continue;
        }
        if (second >= 0x40 && second <= 0xFE && second != 0x7F) {
            const char32_t cp = two_byte[(lead - 0x81) * kGb18030TrailCount + (second - 0x40)];
            if (cp == 0) {
                invalid();
            } else {
                AppendUtf8(out.utf8, cp);
            }
            i += 2;
            continue;
        }
        invalid(); // the byte after the lead is read again on its own (it may be ASCII)
        ++i;
    }
}

} // namespace

DecodedText DecodeSpreadsheetText(std::string_view bytes) {
    DecodedText out;
    if (bytes.starts_with("\xEF\xBB\xBF")) {
        out.encoding = TextEncoding::Utf8Bom;
        DecodeUtf8(bytes.substr(3), out);
    } else if (bytes.starts_with("\xFF\xFE")) {
        out.encoding = TextEncoding::Utf16Le;
        DecodeUtf16(bytes.substr(2), false, out);
    } else if (bytes.starts_with("\xFE\xFF")) {
        out.encoding = TextEncoding::Utf16Be;
        DecodeUtf16(bytes.substr(2), true, out);
    } else if (const int utf16 = BomlessUtf16(bytes); utf16 != 0) {
        out.encoding = utf16 == 1 ? TextEncoding::Utf16Le : TextEncoding::Utf16Be;
        DecodeUtf16(bytes, utf16 == 2, out);
    } else if (const Utf8Census census = CountUtf8(bytes); census.broken == 0) {
        out.encoding = TextEncoding::Utf8;
        out.utf8.assign(bytes);
    } else if (ReadsAsUtf8(census)) {
        out.encoding = TextEncoding::Utf8; // with its broken bytes counted and replaced
        DecodeUtf8(bytes, out);
    } else {
        out.encoding = TextEncoding::Gb18030;
        DecodeGb18030(bytes, out);
    }
    return out;
}

std::string_view TextEncodingName(TextEncoding encoding) {
    switch (encoding) {
    case TextEncoding::Utf8:
        return "UTF-8";
    case TextEncoding::Utf8Bom:
        return "UTF-8 (BOM)";
    case TextEncoding::Utf16Le:
        return "UTF-16LE";
    case TextEncoding::Utf16Be:
        return "UTF-16BE";
    case TextEncoding::Gb18030:
        return "GB18030";
    }
    return "";
}

} // namespace linli
