#pragma once
// FNV-1a, 64 bits: a stable hash for ids and revisions (the same on every device and
// build, unlike std::hash).
#include <cstdint>
#include <string_view>

namespace linli {

inline constexpr uint64_t kFnv1aOffset = 0xcbf29ce484222325ULL;

inline uint64_t Fnv1a64(std::string_view data, uint64_t seed = kFnv1aOffset) {
    uint64_t h = seed;
    for (const char c : data) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ULL;
    }
    return h;
}

} // namespace linli
