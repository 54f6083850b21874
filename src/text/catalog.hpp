#pragma once
// How an area's catalog is written (its own .cpp): one entry per key, in key order, each
// with its Chinese and English text. Checked when it compiles.
#include <array>
#include <cstddef>

#include "text/i18n.hpp"

namespace linli {

template <typename Key> struct CatalogEntry {
    Key key;
    const char* zh;
    const char* en;
};

template <typename Key, size_t N>
constexpr bool IsCompleteCatalog(const std::array<CatalogEntry<Key>, N>& catalog) {
    if (N != static_cast<size_t>(Key::Count)) {
        return false;
    }
    for (size_t i = 0; i < N; ++i) {
        if (static_cast<size_t>(catalog[i].key) != i || catalog[i].zh == nullptr ||
            catalog[i].en == nullptr || catalog[i].zh[0] == '\0' || catalog[i].en[0] == '\0') {
            return false;
        }
    }
    return true;
}

template <typename Key, size_t N>
const char* Lookup(const std::array<CatalogEntry<Key>, N>& catalog, Key key, Language lang) {
    const CatalogEntry<Key>& e = catalog[static_cast<size_t>(key)];
    return lang == Language::Chinese ? e.zh : e.en;
}

} // namespace linli
