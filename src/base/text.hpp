#pragma once
// Text helpers every layer uses on what people type.
#include <cstdarg>
#include <cstddef>
#include <string>
#include <string_view>

namespace linli {

// Trims spaces (ASCII and the ideographic space U+3000) at both ends.
std::string TrimSpaces(std::string_view s);
// Keeps digits and a leading '+'; drops spaces, dashes and brackets people type.
std::string NormalizePhone(std::string_view phone);
// printf into a std::string of the length it needs (the string catalogs' patterns are
// printf patterns).
std::string FormatText(const char* pattern, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
std::string FormatTextV(const char* pattern, va_list args);
// Removes control characters (C0 but tab, line feed and carriage return; DEL; C1) from
// valid UTF-8 text, in place; returns how many it removed. Text from files, pastes and
// other devices goes through this before it is kept: a NUL would cut the string short
// where it crosses to the page as a C string, and the others are invisible.
size_t RemoveControlCharacters(std::string& text);
// A person's name is at most this many characters (code points, not bytes).
inline constexpr size_t kMaxNameCharacters = 60;

} // namespace linli
