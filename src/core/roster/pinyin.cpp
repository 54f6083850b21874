#include "core/roster/pinyin.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>

#include "base/utf8.hpp"

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
        // Invalid bytes count as one unknown character.
        const Utf8Char ch = DecodeUtf8Char(utf8, i);
        out.push_back(ch.valid ? InitialOf(ch.code_point) : '.');
        i += ch.length;
    }
    return out;
}

} // namespace linli
