#include "store/ids.hpp"

#include <algorithm>

namespace linli::store {

std::string Base36(uint64_t value, size_t min_width) {
    static constexpr char kDigits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    std::string out;
    do {
        out.push_back(kDigits[value % 36]);
        value /= 36;
    } while (value > 0);
    while (out.size() < min_width) {
        out.push_back('0');
    }
    std::reverse(out.begin(), out.end());
    return out;
}

std::string IdGenerator::Make(std::string_view type, int64_t now_ms) {
    // A clock that goes backwards (or two ids in one millisecond) must not repeat an id.
    if (now_ms > last_ms_) {
        last_ms_ = now_ms;
        counter_ = 0;
    } else {
        ++counter_;
    }
    return std::string(type) + ":" + Base36(static_cast<uint64_t>(last_ms_), 9) + "-" +
           device_tag_ + "-" + Base36(counter_);
}

} // namespace linli::store
