#include "store/records.hpp"

#include "store/json_reader.hpp"

namespace linli::store {

RecordsRead ReadRecords(std::string_view json,
                        const std::function<void(const std::string& key, Json& doc)>& visit) {
    RecordsRead read;
    // Each pair is visited as soon as it is read: the array itself is never built.
    read.readable = ForEachElement(json, [&](Json& pair) {
        if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string()) {
            ++read.malformed;
            return;
        }
        visit(pair[0].get_ref<const std::string&>(), pair[1]);
    });
    return read;
}

} // namespace linli::store
