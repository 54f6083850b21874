#pragma once
// Text helpers every layer uses on what people type.
#include <cstddef>
#include <string>
#include <string_view>

namespace linli {

// Trims spaces (ASCII and the ideographic space U+3000) at both ends.
std::string TrimSpaces(std::string_view s);
// Keeps digits and a leading '+'; drops spaces, dashes and brackets people type.
std::string NormalizePhone(std::string_view phone);
// A person's name is at most this many characters (code points, not bytes).
inline constexpr size_t kMaxNameCharacters = 60;

} // namespace linli
