#pragma once
// Caret positions cross the JS/C++ boundary: the page counts UTF-16 code units
// (textarea.selectionStart), Dear ImGui counts UTF-8 bytes.
#include <cstddef>
#include <string_view>

namespace linli {

// Byte offset in utf8 of the character boundary at utf16_index (clamped to the end).
size_t Utf16ToUtf8Offset(std::string_view utf8, size_t utf16_index);

// UTF-16 index of byte_offset in utf8 (a byte inside a character counts as its start).
size_t Utf8ToUtf16Offset(std::string_view utf8, size_t byte_offset);

} // namespace linli
