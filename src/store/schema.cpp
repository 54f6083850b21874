#include "store/schema.hpp"

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
    return it != body.end() && it->is_number_integer() ? it->get<int>() : 1;
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
