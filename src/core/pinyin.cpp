#include "core/pinyin.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>

namespace linli {
namespace {

// Generated at build time from Python's gb2312 codec (tools/gen_pinyin_initials.py).
#include "pinyin_initials.inc"

char InitialOf(char32_t cp) {
    if (cp > 0xFFFF) {
        return '.';
    }
    const char16_t* end = kPinyinHanzi + kPinyinInitialCount;
    const char16_t* it = std::lower_bound(kPinyinHanzi, end, static_cast<char16_t>(cp));
    return it != end && *it == cp ? kPinyinInitial[it - kPinyinHanzi] : '.';
}

} // namespace

std::string PinyinInitials(std::string_view utf8) {
    std::string out;
    for (size_t i = 0; i < utf8.size();) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c < 0x80) {
            out.push_back(std::isalnum(c) ? static_cast<char>(std::tolower(c)) : '.');
            ++i;
            continue;
        }
        // Decode one UTF-8 sequence (invalid bytes count as one unknown character).
        const size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        char32_t cp = len == 4 ? c & 0x07u : len == 3 ? c & 0x0Fu : c & 0x1Fu;
        bool ok = len > 1 && i + len <= utf8.size();
        for (size_t k = 1; ok && k < len; ++k) {
            const auto cont = static_cast<unsigned char>(utf8[i + k]);
            ok = (cont & 0xC0) == 0x80;
            cp = (cp << 6) | (cont & 0x3Fu);
        }
        out.push_back(ok ? InitialOf(cp) : '.');
        i += ok ? len : 1;
    }
    return out;
}

} // namespace linli
