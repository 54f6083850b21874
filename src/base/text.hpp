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
// A person's name is at most this many characters (code points, not bytes).
inline constexpr size_t kMaxNameCharacters = 60;

} // namespace linli
