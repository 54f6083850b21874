#pragma once
// Pinyin initials of Chinese names, for search: "wxm" finds 王小明. Covers the 3,755
// common hanzi (GB2312 level 1); rarer ones have no initial and match nothing.
#include <string>
#include <string_view>

namespace linli {

// One lowercase letter per character: the pinyin initial of a common hanzi, an ASCII
// letter or digit lowercased as it is, and '.' for anything else.
std::string PinyinInitials(std::string_view utf8);

} // namespace linli
