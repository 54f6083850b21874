#pragma once
// The one mechanism that feeds read models from the store's change sequence. A model
// registers a handler per document type; Refresh hands it every document of that type
// changed since the last refresh (a deleted or vanished one as a tombstone), so a tap on
// one of 30,000 documents converts one document, not 30,000.
#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include "store/store.hpp"

namespace linli::store {

class Projection {
  public:
    // doc.deleted: the document is gone (deleted, or a creation rolled back).
    using Handler = std::function<void(const Document& doc)>;
    void On(std::string type, Handler handler) { handlers_[std::move(type)] = std::move(handler); }

    // Types that had a change, as a set of names, or empty when nothing changed.
    struct Changed {
        std::map<std::string, size_t, std::less<>> counts; // type -> documents handled
        bool Any() const { return !counts.empty(); }
        bool Has(std::string_view type) const { return counts.find(type) != counts.end(); }
    };
    Changed Refresh(const DocumentStore& store);

  private:
    void Handle(const Document& doc, Changed& changed);

    std::map<std::string, Handler, std::less<>> handlers_;
    uint64_t seen_seq_ = 0;
};

} // namespace linli::store
