#pragma once
// The UTF-8 sequence rules, written once: every layer that walks characters (decoding
// files, pinyin initials, full-width folding, masking, caret positions) uses these.
//
// Caret positions also cross the JS/C++ boundary: the page counts UTF-16 code units
// (textarea.selectionStart), Dear ImGui counts UTF-8 bytes.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace linli {

// Length of the well-formed UTF-8 sequence at s[i] (no overlongs, surrogates or code
// points past U+10FFFF), or 0 when there is none.
size_t Utf8SequenceLength(std::string_view s, size_t i);

// One character at s[i]: its code point and length; a byte that starts no well-formed
// sequence is one invalid character of length 1.
struct Utf8Char {
    char32_t code_point = 0;
    size_t length = 1;
    bool valid = false;
};
Utf8Char DecodeUtf8Char(std::string_view s, size_t i);

void AppendUtf8(std::string& out, char32_t code_point);

// Characters (code points), not bytes: 王 is one. Continuation bytes are not counted.
size_t CountCharacters(std::string_view utf8);
// The characters of UTF-8 text (a character with its continuation bytes), so that
// masking or truncating never splits one.
std::vector<std::string_view> SplitCharacters(std::string_view utf8);

// Byte offset in utf8 of the character boundary at utf16_index (clamped to the end).
size_t Utf16ToUtf8Offset(std::string_view utf8, size_t utf16_index);
// UTF-16 index of byte_offset in utf8 (a byte inside a character counts as its start).
size_t Utf8ToUtf16Offset(std::string_view utf8, size_t byte_offset);

} // namespace linli
