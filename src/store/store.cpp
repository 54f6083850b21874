// Sections: loading (records, one JSON array); storing and the indexes; Put and Remove
// (compare-and-swap on _rev); branches (conflict: documents, HasRevision); Merge
// (CouchDB's winner rule, losing branches kept as conflict: documents), EndConflict and
// Rollback; reads (Get, OfType, All, ChangesSince, ErasedSince, Find).
#include "store/store.hpp"

#include "store/json_reader.hpp"
#include "store/records.hpp"

#include <algorithm>

namespace linli::store {

DocumentStore::DocumentStore(SchemaRegistry schemas) : schemas_(std::move(schemas)) {}

void DocumentStore::LoadOne(const std::string& key, Json& json, LoadReport& report) {
    auto parsed = FromJson(std::move(json));
    if (auto* why = std::get_if<std::string>(&parsed)) {
        report.corrupted.emplace_back(key, *why);
        return;
    }
    Document doc = std::get<Document>(std::move(parsed));
    if (doc.id != key) {
        report.corrupted.emplace_back(key, "stored under another key than its _id");
        return;
    }
    switch (schemas_.Upgrade(doc)) {
    case SchemaRegistry::Outcome::Upgraded:
        ++report.upgraded;
        break;
    case SchemaRegistry::Outcome::Newer:
        ++report.newer;
        read_only_.insert(doc.id);
        break;
    case SchemaRegistry::Outcome::Current:
        break;
    }
    Store(std::move(doc));
    ++report.loaded;
}

void LoadReport::Add(const LoadReport& more) {
    loaded += more.loaded;
    upgraded += more.upgraded;
    newer += more.newer;
    corrupted.insert(corrupted.end(), more.corrupted.begin(), more.corrupted.end());
}

LoadReport DocumentStore::Load(const std::vector<std::pair<std::string, std::string>>& records) {
    LoadReport report;
    for (const auto& [key, text] : records) {
        Json json = ParseJson(text);
        if (json.is_discarded()) {
            report.corrupted.emplace_back(key, "not valid JSON");
            continue;
        }
        LoadOne(key, json, report);
    }
    return report;
}

LoadReport DocumentStore::LoadJsonArray(std::string_view text) {
    LoadReport report;
    const RecordsRead read =
        ReadRecords(text, [&](const std::string& key, Json& doc) { LoadOne(key, doc, report); });
    if (!read.readable) {
        report.corrupted.emplace_back("(all)", "the stored records could not be read");
    }
    for (size_t i = 0; i < read.malformed; ++i) {
        report.corrupted.emplace_back("(unknown)", "malformed record");
    }
    return report;
}

void DocumentStore::Store(Document doc) {
    doc.seq = ++seq_;
    const auto it = docs_.find(doc.id);
    if (it != docs_.end()) {
        Unindex(it->second);
        it->second = std::move(doc);
        Index(it->second);
    } else {
        const std::string id = doc.id;
        Index(docs_.emplace(id, std::move(doc)).first->second);
    }
}

void DocumentStore::Index(const Document& doc) {
    const std::string type(doc.Type());
    by_type_[type].insert(doc.id);
    if (doc.deleted) {
        return;
    }
    for (auto& [key, values] : indexes_) {
        if (key.first != type) {
            continue;
        }
        const auto field = doc.body.find(key.second);
        if (field != doc.body.end() && field->is_string()) {
            values[field->get<std::string>()].insert(doc.id);
        }
    }
}

void DocumentStore::Unindex(const Document& doc) {
    const std::string type(doc.Type());
    for (auto& [key, values] : indexes_) {
        if (key.first != type) {
            continue;
        }
        const auto field = doc.body.find(key.second);
        if (field != doc.body.end() && field->is_string()) {
            auto v = values.find(field->get<std::string>());
            if (v != values.end()) {
                v->second.erase(doc.id);
                if (v->second.empty()) {
                    values.erase(v);
                }
            }
        }
    }
}

Result<Change> DocumentStore::Put(const std::string& id, Json body,
                                  const std::string& expected_rev) {
    if (id.empty() || TypeOf(id).empty() || !body.is_object()) {
        return {std::nullopt, EditError::Invalid};
    }
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (!it.key().empty() && it.key()[0] == '_') {
            return {std::nullopt, EditError::Invalid}; // underscore fields belong to the store
        }
    }
    if (read_only_.count(id)) {
        return {std::nullopt, EditError::ReadOnly};
    }
    const auto it = docs_.find(id);
    std::optional<Document> previous;
    if (it != docs_.end()) {
        // Re-creating a deleted document continues its history.
        const std::string& current = it->second.rev;
        if (expected_rev != current && !(it->second.deleted && expected_rev.empty())) {
            return {std::nullopt, EditError::Conflict};
        }
        previous = it->second;
    } else if (!expected_rev.empty()) {
        return {std::nullopt, EditError::NotFound};
    }
    Document doc;
    doc.id = id;
    if (!body.contains("schema")) {
        body["schema"] = schemas_.CurrentVersion(TypeOf(id));
    }
    doc.body = std::move(body);
    const std::string parent = previous ? previous->rev : std::string();
    doc.rev = NextRevision(parent, doc.body, false);
    doc.history = previous ? previous->history : std::vector<std::string>{};
    doc.history.insert(doc.history.begin(), Revision::Parse(doc.rev)->hash);
    Store(doc);
    return {Change{docs_.at(id), std::move(previous)}, EditError::Invalid};
}

Result<Change> DocumentStore::Remove(const std::string& id, const std::string& expected_rev) {
    const auto it = docs_.find(id);
    if (it == docs_.end() || it->second.deleted) {
        return {std::nullopt, EditError::NotFound};
    }
    if (read_only_.count(id)) {
        return {std::nullopt, EditError::ReadOnly};
    }
    if (it->second.rev != expected_rev) {
        return {std::nullopt, EditError::Conflict};
    }
    Document previous = it->second;
    Document doc;
    doc.id = id;
    doc.deleted = true;
    doc.body = Json::object(); // a tombstone carries no personal data
    doc.rev = NextRevision(previous.rev, doc.body, true);
    doc.history = previous.history;
    doc.history.insert(doc.history.begin(), Revision::Parse(doc.rev)->hash);
    Store(doc);
    return {Change{docs_.at(id), std::move(previous)}, EditError::Invalid};
}

bool DocumentStore::Wins(const Document& a, const Document& b) {
    if (a.deleted != b.deleted) {
        return !a.deleted;
    }
    if (a.Generation() != b.Generation()) {
        return a.Generation() > b.Generation();
    }
    return a.rev > b.rev;
}

namespace {

// The losing branch a conflict: document keeps (its "doc"), or nullopt when unreadable.
std::optional<Document> KeptLeaf(const Document& conflict) {
    const auto it = conflict.body.find("doc");
    if (it == conflict.body.end()) {
        return std::nullopt;
    }
    auto parsed = FromJson(*it);
    if (auto* doc = std::get_if<Document>(&parsed)) {
        return std::move(*doc);
    }
    return std::nullopt;
}

bool Covers(const Document& have, const Document& incoming) {
    return have.rev == incoming.rev || have.HasAncestor(incoming.rev);
}

} // namespace

std::string DocumentStore::ConflictId(const std::string& id, const std::string& leaf_rev) {
    return "conflict:" + id + "@" + leaf_rev;
}

std::vector<const Document*> DocumentStore::BranchesOf(const std::string& id) const {
    std::vector<const Document*> out;
    const auto ids = by_type_.find(std::string_view("conflict"));
    if (ids == by_type_.end()) {
        return out;
    }
    const std::string prefix = "conflict:" + id + "@";
    for (auto it = ids->second.lower_bound(prefix);
         it != ids->second.end() && it->compare(0, prefix.size(), prefix) == 0; ++it) {
        out.push_back(&docs_.at(*it));
    }
    return out;
}

std::vector<const Document*> DocumentStore::ConflictsOf(const std::string& id) const {
    std::vector<const Document*> out;
    for (const Document* branch : BranchesOf(id)) {
        if (!branch->deleted) {
            out.push_back(branch);
        }
    }
    return out;
}

std::optional<Document> DocumentStore::LeafOf(const Document& stored) {
    if (stored.Type() != "conflict") {
        return stored;
    }
    return KeptLeaf(stored);
}

bool DocumentStore::HasRevision(const std::string& id, const std::string& rev) const {
    const auto it = docs_.find(id);
    if (it == docs_.end()) {
        return false;
    }
    if (it->second.rev == rev || it->second.HasAncestor(rev)) {
        return true;
    }
    for (const Document* branch : BranchesOf(id)) {
        const auto leaf = KeptLeaf(*branch);
        if (leaf && (leaf->rev == rev || leaf->HasAncestor(rev))) {
            return true;
        }
    }
    return false;
}

void DocumentStore::KeepBranch(const std::string& id, const Document& leaf,
                               std::vector<Change>& changes) {
    const std::string conflict_id = ConflictId(id, leaf.rev);
    const auto existing = docs_.find(conflict_id);
    Document kept;
    kept.id = conflict_id;
    kept.body = Json{{"of", id}, {"doc", ToJson(leaf)}};
    // A branch that ends in a tombstone is no conflict (CouchDB leaves deleted leaves out
    // of _conflicts), but it is kept so that replication knows it has it.
    kept.deleted = leaf.deleted;
    if (existing != docs_.end()) {
        if (existing->second.body == kept.body && existing->second.deleted == kept.deleted) {
            return;
        }
        kept.rev = NextRevision(existing->second.rev, kept.body, kept.deleted);
        kept.history = existing->second.history;
    } else {
        kept.rev = NextRevision("", kept.body, kept.deleted);
    }
    kept.history.insert(kept.history.begin(), Revision::Parse(kept.rev)->hash);
    std::optional<Document> previous;
    if (existing != docs_.end()) {
        previous = existing->second;
    }
    Store(std::move(kept));
    changes.push_back(Change{docs_.at(conflict_id), std::move(previous)});
}

void DocumentStore::EndBranch(const Document& branch, const Document& leaf,
                              std::vector<Change>& changes) {
    Document ended = branch;
    ended.body["doc"] = ToJson(leaf);
    ended.deleted = true;
    ended.rev = NextRevision(branch.rev, ended.body, true);
    ended.history.insert(ended.history.begin(), Revision::Parse(ended.rev)->hash);
    const Document previous = branch;
    Store(ended);
    changes.push_back(Change{docs_.at(ended.id), previous});
}

MergeOutcome DocumentStore::Merge(Document incoming, std::vector<Change>& changes) {
    if (TypeOf(incoming.id).empty() || !Revision::Parse(incoming.rev) || incoming.history.empty() ||
        Revision::Parse(incoming.rev)->hash != incoming.history.front()) {
        return MergeOutcome::Invalid;
    }
    const std::string id = incoming.id;
    const bool newer = schemas_.Upgrade(incoming) == SchemaRegistry::Outcome::Newer;
    const auto it = docs_.find(id);
    if (it == docs_.end()) {
        Store(std::move(incoming));
        if (newer) {
            read_only_.insert(id);
        }
        changes.push_back(Change{docs_.at(id), std::nullopt});
        return MergeOutcome::Added;
    }
    const Document local = it->second;
    if (Covers(local, incoming)) {
        return MergeOutcome::AlreadyHave;
    }
    if (incoming.HasAncestor(local.rev)) {
        Store(std::move(incoming));
        changes.push_back(Change{docs_.at(id), local});
        return MergeOutcome::Updated;
    }
    // Another branch of this document we keep: the incoming revision may be on it.
    for (const Document* branch : BranchesOf(id)) {
        const auto leaf = KeptLeaf(*branch);
        if (!leaf) {
            continue;
        }
        if (Covers(*leaf, incoming)) {
            return MergeOutcome::AlreadyHave;
        }
        if (!incoming.HasAncestor(leaf->rev)) {
            continue;
        }
        const Document branch_doc = *branch;
        if (incoming.deleted) {
            EndBranch(branch_doc, incoming, changes); // someone chose the other side
            return MergeOutcome::Updated;
        }
        if (Wins(incoming, local)) {
            // The edited branch now wins: it becomes the document, the old winner a branch.
            EndBranch(branch_doc, incoming, changes);
            Store(std::move(incoming));
            changes.push_back(Change{docs_.at(id), local});
            KeepBranch(id, local, changes);
        } else {
            // The branch moved on: a document for its new leaf, the old one ended.
            EndBranch(branch_doc, incoming, changes);
            KeepBranch(id, incoming, changes);
        }
        return MergeOutcome::Conflict;
    }
    // Neither descends from the other: both sides edited. Keep the winner, save the loser.
    const bool incoming_wins = Wins(incoming, local);
    const Document loser = incoming_wins ? local : incoming;
    if (incoming_wins) {
        Store(std::move(incoming));
        changes.push_back(Change{docs_.at(id), local});
    }
    KeepBranch(id, loser, changes);
    return loser.deleted ? MergeOutcome::Updated : MergeOutcome::Conflict;
}

Result<std::vector<Change>> DocumentStore::EndConflict(const std::string& conflict_id,
                                                       const std::string& expected_rev) {
    const auto it = docs_.find(conflict_id);
    if (it == docs_.end() || it->second.deleted || it->second.Type() != "conflict") {
        return {std::nullopt, EditError::NotFound};
    }
    if (it->second.rev != expected_rev) {
        return {std::nullopt, EditError::Conflict};
    }
    const auto leaf = KeptLeaf(it->second);
    if (!leaf) {
        return {std::nullopt, EditError::Invalid};
    }
    // The losing branch ends in a tombstone, as a CouchDB client resolves a conflict: the
    // tombstone replicates, and every device drops the branch.
    Document tombstone;
    tombstone.id = leaf->id;
    tombstone.deleted = true;
    tombstone.rev = NextRevision(leaf->rev, Json::object(), true);
    tombstone.history = leaf->history;
    tombstone.history.insert(tombstone.history.begin(), Revision::Parse(tombstone.rev)->hash);
    std::vector<Change> changes;
    EndBranch(it->second, tombstone, changes);
    return {std::move(changes), EditError::Invalid};
}

void DocumentStore::Rollback(const Change& change) {
    if (change.previous) {
        Store(*change.previous);
        return;
    }
    const auto it = docs_.find(change.doc.id);
    if (it != docs_.end() && it->second.rev == change.doc.rev) {
        Unindex(it->second);
        by_type_[std::string(it->second.Type())].erase(it->first);
        erased_.emplace_back(++seq_, it->first);
        docs_.erase(it);
    }
}

std::vector<std::string> DocumentStore::ErasedSince(uint64_t seq) const {
    std::vector<std::string> out;
    for (auto it = erased_.rbegin(); it != erased_.rend() && it->first > seq; ++it) {
        out.push_back(it->second);
    }
    return out;
}

const Document* DocumentStore::Get(const std::string& id) const {
    const auto it = docs_.find(id);
    return it == docs_.end() ? nullptr : &it->second;
}

std::vector<const Document*> DocumentStore::OfType(std::string_view type) const {
    std::vector<const Document*> out;
    const auto ids = by_type_.find(type);
    if (ids == by_type_.end()) {
        return out;
    }
    for (const auto& id : ids->second) {
        const Document& doc = docs_.at(id);
        if (!doc.deleted) {
            out.push_back(&doc);
        }
    }
    return out;
}

std::vector<const Document*> DocumentStore::All() const {
    std::vector<const Document*> out;
    out.reserve(docs_.size());
    for (const auto& [id, doc] : docs_) {
        out.push_back(&doc);
    }
    std::sort(out.begin(), out.end(), [](auto* a, auto* b) { return a->id < b->id; });
    return out;
}

std::vector<const Document*> DocumentStore::ChangesSince(uint64_t seq) const {
    std::vector<const Document*> out;
    for (const auto& [id, doc] : docs_) {
        if (doc.seq > seq) {
            out.push_back(&doc);
        }
    }
    std::sort(out.begin(), out.end(), [](auto* a, auto* b) { return a->seq < b->seq; });
    return out;
}

void DocumentStore::AddIndex(const std::string& type, const std::string& field) {
    auto& values = indexes_[{type, field}];
    values.clear();
    for (const auto& [id, doc] : docs_) {
        if (doc.Type() != type || doc.deleted) {
            continue;
        }
        const auto f = doc.body.find(field);
        if (f != doc.body.end() && f->is_string()) {
            values[f->get<std::string>()].insert(id);
        }
    }
}

std::vector<const Document*> DocumentStore::Find(const std::string& type, const std::string& field,
                                                 const std::string& value) const {
    std::vector<const Document*> out;
    const auto index = indexes_.find({type, field});
    if (index == indexes_.end()) {
        return out;
    }
    const auto ids = index->second.find(value);
    if (ids == index->second.end()) {
        return out;
    }
    for (const auto& id : ids->second) {
        out.push_back(&docs_.at(id));
    }
    return out;
}

} // namespace linli::store
