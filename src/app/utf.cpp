#include "app/utf.hpp"

namespace linli {
namespace {

// Length in bytes of the UTF-8 sequence starting with lead (1 for invalid bytes).
size_t SequenceLength(unsigned char lead) {
    if (lead < 0x80) {
        return 1;
    }
    if ((lead & 0xE0) == 0xC0) {
        return 2;
    }
    if ((lead & 0xF0) == 0xE0) {
        return 3;
    }
    if ((lead & 0xF8) == 0xF0) {
        return 4;
    }
    return 1;
}

} // namespace

size_t Utf16ToUtf8Offset(std::string_view utf8, size_t utf16_index) {
    size_t bytes = 0;
    size_t units = 0;
    while (bytes < utf8.size() && units < utf16_index) {
        const size_t len = SequenceLength(static_cast<unsigned char>(utf8[bytes]));
        units += len == 4 ? 2 : 1; // astral characters are surrogate pairs in UTF-16
        bytes += len;
    }
    return bytes < utf8.size() ? bytes : utf8.size();
}

size_t Utf8ToUtf16Offset(std::string_view utf8, size_t byte_offset) {
    size_t bytes = 0;
    size_t units = 0;
    while (bytes < utf8.size() && bytes < byte_offset) {
        const size_t len = SequenceLength(static_cast<unsigned char>(utf8[bytes]));
        if (bytes + len > byte_offset) {
            break;
        }
        units += len == 4 ? 2 : 1;
        bytes += len;
    }
    return units;
}

} // namespace linli
