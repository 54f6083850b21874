#include "base/text.hpp"

#include <cstdio>

#include "base/ascii.hpp"

namespace linli {

std::string TrimSpaces(std::string_view s) {
    constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";
    bool changed = true;
    while (changed) {
        changed = false;
        while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) {
            s.remove_prefix(1);
            changed = true;
        }
        while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) {
            s.remove_suffix(1);
            changed = true;
        }
        if (s.substr(0, 3) == kIdeographicSpace) {
            s.remove_prefix(3);
            changed = true;
        }
        if (s.size() >= 3 && s.substr(s.size() - 3) == kIdeographicSpace) {
            s.remove_suffix(3);
            changed = true;
        }
    }
    return std::string(s);
}

std::string NormalizePhone(std::string_view phone) {
    std::string out;
    for (const char c : phone) {
        if (IsAsciiDigit(c)) {
            out.push_back(c);
        } else if (c == '+' && out.empty()) {
            out.push_back(c);
        }
    }
    return out;
}

std::string FormatTextV(const char* pattern, va_list args) {
    va_list copy;
    va_copy(copy, args);
    const int n = std::vsnprintf(nullptr, 0, pattern, copy);
    va_end(copy);
    std::string out(n > 0 ? static_cast<size_t>(n) : 0, '\0');
    if (n > 0) {
        std::vsnprintf(out.data(), out.size() + 1, pattern, args);
    }
    return out;
}

std::string FormatText(const char* pattern, ...) {
    va_list args;
    va_start(args, pattern);
    std::string out = FormatTextV(pattern, args);
    va_end(args);
    return out;
}

size_t RemoveControlCharacters(std::string& text) {
    size_t removed = 0;
    size_t out = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        const bool c0 = byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r';
        // C1 controls U+0080-U+009F are C2 80 - C2 9F in UTF-8.
        const bool c1 = byte == 0xC2 && i + 1 < text.size() &&
                        static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                        static_cast<unsigned char>(text[i + 1]) <= 0x9F;
        if (c0 || byte == 0x7F || c1) {
            ++removed;
            i += c1 ? 1 : 0;
            continue;
        }
        text[out++] = text[i];
    }
    text.resize(out);
    return removed;
}

} // namespace linli
