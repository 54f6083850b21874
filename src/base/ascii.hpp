#pragma once
// ASCII character tests and case mapping that leave UTF-8 bytes alone (std::isdigit and
// friends need an unsigned char, and locale rules must not touch Chinese text).
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

namespace linli {

inline bool IsAsciiDigit(char c) {
    return c >= '0' && c <= '9';
}
inline bool IsAsciiAlnum(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0;
}
inline bool IsAsciiAlpha(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) != 0;
}
inline bool AllAsciiDigits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), IsAsciiDigit);
}
inline std::string AsciiLower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}
inline std::string AsciiUpper(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return out;
}

} // namespace linli
