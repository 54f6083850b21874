#include "store/schema.hpp"

#include <algorithm>
#include <climits>

namespace linli::store {

void SchemaRegistry::Register(const std::string& type, std::vector<Step> upgrades) {
    types_[type] = std::move(upgrades);
}

int SchemaRegistry::CurrentVersion(std::string_view type) const {
    const auto it = types_.find(type);
    return it == types_.end() ? 1 : static_cast<int>(it->second.size()) + 1;
}

int SchemaRegistry::VersionOf(const Json& body) {
    const auto it = body.find("schema");
    if (it == body.end() || !it->is_number_integer()) {
        return 1;
    }
    // Read whole: a number below 1 is no version (read as 1, the oldest, so the upgrades
    // index no step before the first); one beyond int, a newer app's.
    if (it->is_number_unsigned()) {
        return it->get<uint64_t>() > INT_MAX ? INT_MAX : std::max(1, it->get<int>());
    }
    const auto version = it->get<int64_t>();
    return version < 1 ? 1 : version > INT_MAX ? INT_MAX : static_cast<int>(version);
}

SchemaRegistry::Outcome SchemaRegistry::Upgrade(Document& doc) const {
    const int current = CurrentVersion(doc.Type());
    int version = VersionOf(doc.body);
    if (version > current) {
        return Outcome::Newer;
    }
    if (version == current || doc.deleted) {
        return Outcome::Current;
    }
    const auto& steps = types_.find(doc.Type())->second;
    for (; version < current; ++version) {
        steps[static_cast<size_t>(version - 1)](doc.body);
    }
    doc.body["schema"] = current;
    return Outcome::Upgraded;
}

} // namespace linli::store
