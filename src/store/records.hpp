#pragma once
// Records as the page hands them over (startup, another tab, a refused write):
// one JSON array of [key, document] pairs. Read here, once.
#include <functional>
#include <string>
#include <string_view>

#include "store/document.hpp"

namespace linli::store {

struct RecordsRead {
    bool readable = false; // the text is a JSON array
    size_t malformed = 0;  // entries that are not a [string key, document] pair
};

// Visits each well-formed pair in order, as it is read; the visitor may move the document
// out. A text that turns out not to be a JSON array is not readable (the pairs before the
// fault have been visited).
RecordsRead ReadRecords(std::string_view json,
                        const std::function<void(const std::string& key, Json& doc)>& visit);

} // namespace linli::store
