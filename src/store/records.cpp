#include "store/records.hpp"

namespace linli::store {

RecordsRead ReadRecords(std::string_view json,
                        const std::function<void(const std::string& key, Json& doc)>& visit) {
    RecordsRead read;
    Json all = Json::parse(json, nullptr, false);
    if (!all.is_array()) {
        return read;
    }
    read.readable = true;
    for (auto& pair : all) {
        if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string()) {
            ++read.malformed;
            continue;
        }
        visit(pair[0].get_ref<const std::string&>(), pair[1]);
    }
    return read;
}

} // namespace linli::store
