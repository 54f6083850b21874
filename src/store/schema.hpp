#pragma once
// Schema versions per document type. A body carries "schema": N (absent means 1); when
// the app knows a newer version, the document is upgraded step by step as it is loaded.
// A document from a newer app than this one is kept untouched and read-only.
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "store/document.hpp"

namespace linli::store {

class SchemaRegistry {
  public:
    // upgrades[i] turns a version i+1 body into a version i+2 body; the current version
    // of the type is upgrades.size() + 1.
    using Step = std::function<void(Json& body)>;
    void Register(const std::string& type, std::vector<Step> upgrades);

    int CurrentVersion(std::string_view type) const;
    static int VersionOf(const Json& body);

    enum class Outcome { Current, Upgraded, Newer };
    Outcome Upgrade(Document& doc) const;

  private:
    std::map<std::string, std::vector<Step>, std::less<>> types_;
};

} // namespace linli::store
