#include "base/utf8.hpp"

namespace linli {
namespace {

unsigned Byte(std::string_view s, size_t i) {
    return static_cast<unsigned char>(s[i]);
}

bool IsContinuation(unsigned byte) {
    return (byte & 0xC0) == 0x80;
}

// Bytes of the character starting with lead, by the lead alone (1 for a stray byte):
// for walking text that is already UTF-8 (ImGui's buffers).
size_t LeadLength(unsigned lead) {
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

size_t Utf8SequenceLength(std::string_view s, size_t i) {
    const unsigned lead = Byte(s, i);
    if (lead < 0x80) {
        return 1;
    }
    size_t length = 0;
    unsigned low = 0x80, high = 0xBF; // allowed range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        low = lead == 0xE0 ? 0xA0 : 0x80;  // overlong
        high = lead == 0xED ? 0x9F : 0xBF; // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        low = lead == 0xF0 ? 0x90 : 0x80;  // overlong
        high = lead == 0xF4 ? 0x8F : 0xBF; // past U+10FFFF
    } else {
        return 0;
    }
    if (i + length > s.size() || Byte(s, i + 1) < low || Byte(s, i + 1) > high) {
        return 0;
    }
    for (size_t k = 2; k < length; ++k) {
        if (!IsContinuation(Byte(s, i + k))) {
            return 0;
        }
    }
    return length;
}

Utf8Char DecodeUtf8Char(std::string_view s, size_t i) {
    Utf8Char c;
    const size_t length = Utf8SequenceLength(s, i);
    if (length == 0) {
        c.code_point = Byte(s, i);
        return c;
    }
    const unsigned lead = Byte(s, i);
    char32_t cp = length == 1   ? lead
                  : length == 2 ? lead & 0x1Fu
                  : length == 3 ? lead & 0x0Fu
                                : lead & 0x07u;
    for (size_t k = 1; k < length; ++k) {
        cp = (cp << 6) | (Byte(s, i + k) & 0x3Fu);
    }
    c.code_point = cp;
    c.length = length;
    c.valid = true;
    return c;
}

void AppendUtf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

size_t CountCharacters(std::string_view utf8) {
    size_t count = 0;
    for (const char c : utf8) {
        count += !IsContinuation(static_cast<unsigned char>(c));
    }
    return count;
}

std::vector<std::string_view> SplitCharacters(std::string_view utf8) {
    std::vector<std::string_view> characters;
    size_t start = 0;
    for (size_t i = 1; i <= utf8.size(); ++i) {
        if (i == utf8.size() || !IsContinuation(Byte(utf8, i))) {
            characters.push_back(utf8.substr(start, i - start));
            start = i;
        }
    }
    return characters;
}

size_t Utf16ToUtf8Offset(std::string_view utf8, size_t utf16_index) {
    size_t bytes = 0;
    size_t units = 0;
    while (bytes < utf8.size() && units < utf16_index) {
        const size_t len = LeadLength(Byte(utf8, bytes));
        units += len == 4 ? 2 : 1; // astral characters are surrogate pairs in UTF-16
        bytes += len;
    }
    return bytes < utf8.size() ? bytes : utf8.size();
}

size_t Utf8ToUtf16Offset(std::string_view utf8, size_t byte_offset) {
    size_t bytes = 0;
    size_t units = 0;
    while (bytes < utf8.size() && bytes < byte_offset) {
        const size_t len = LeadLength(Byte(utf8, bytes));
        if (bytes + len > byte_offset) {
            break;
        }
        units += len == 4 ? 2 : 1;
        bytes += len;
    }
    return units;
}

} // namespace linli
