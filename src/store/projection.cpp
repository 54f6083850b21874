#include "store/projection.hpp"

namespace linli::store {

void Projection::Handle(const Document& doc, Changed& changed) {
    const auto it = handlers_.find(doc.Type());
    if (it == handlers_.end()) {
        return;
    }
    it->second(doc);
    ++changed.counts[it->first];
}

Projection::Changed Projection::Refresh(const DocumentStore& store) {
    Changed changed;
    if (store.Sequence() == seen_seq_) {
        return changed;
    }
    // Erased first: a document erased and then made again is in both lists.
    for (std::string& id : store.ErasedSince(seen_seq_)) {
        Document gone;
        gone.id = std::move(id);
        gone.deleted = true;
        Handle(gone, changed);
    }
    for (const Document* doc : store.ChangesSince(seen_seq_)) {
        Handle(*doc, changed);
    }
    seen_seq_ = store.Sequence();
    return changed;
}

} // namespace linli::store
