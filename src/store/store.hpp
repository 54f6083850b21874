#pragma once
// The in-memory document store: the one copy of the data the UI reads, with revisions,
// tombstones, a local change sequence and lookup indexes. Persistence (IndexedDB, or
// memory in tests) and sync read its changes; nothing here knows where bytes go.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/document.hpp"
#include "store/schema.hpp"

namespace linli::store {

// One document changed: what it is now, and what it was (for a rollback when the write
// that should make it durable fails).
struct Change {
    Document doc;
    std::optional<Document> previous;
};

enum class EditError { Conflict, NotFound, Invalid, ReadOnly };

template <typename T> struct Result {
    std::optional<T> value;
    EditError error = EditError::Invalid;
    bool ok() const { return value.has_value(); }
};

struct LoadReport {
    size_t loaded = 0;
    size_t upgraded = 0;
    size_t newer = 0; // written by a newer app: kept, read-only
    std::vector<std::pair<std::string, std::string>> corrupted; // key, why

    void Add(const LoadReport& more); // a further chunk of the same load
};

enum class MergeOutcome { Added, Updated, AlreadyHave, Conflict, Invalid };

class DocumentStore {
  public:
    explicit DocumentStore(SchemaRegistry schemas = {});

    // Loads persisted records (key, JSON text). Bad records are reported and skipped;
    // they never stop the others from loading.
    LoadReport Load(const std::vector<std::pair<std::string, std::string>>& records);
    // The same from one JSON array of [key, document] pairs (what the page hands over).
    LoadReport LoadJsonArray(std::string_view json);

    // Creates (expected_rev "") or updates a document; Conflict if expected_rev is stale.
    Result<Change> Put(const std::string& id, Json body, const std::string& expected_rev);
    // Leaves a tombstone (replication must learn of deletions).
    Result<Change> Remove(const std::string& id, const std::string& expected_rev);

    // Takes a document from elsewhere (another tab, a backup, a server) with its history.
    // When neither side descends from the other, the deterministic winner (not deleted,
    // then longer history, then greater hash, as CouchDB) stays and the losing branch is
    // kept as a "conflict:<id>@<leaf rev>" document ({of, doc}) so nothing is silently lost;
    // a revision that continues a kept branch updates it, a tombstone on it ends it (the
    // conflict: document is then deleted, keeping the tombstone for replication).
    // Changes to persist are appended.
    MergeOutcome Merge(Document incoming, std::vector<Change>& changes);
    // Resolves a conflict: its branch ends in a tombstone (kept in the deleted conflict:
    // document, so that replication sends it). The caller writes the chosen content.
    Result<std::vector<Change>> EndConflict(const std::string& conflict_id,
                                            const std::string& expected_rev);
    // The open conflicts of a document (live conflict: documents), and every kept branch.
    std::vector<const Document*> ConflictsOf(const std::string& id) const;
    std::vector<const Document*> BranchesOf(const std::string& id) const;
    // Whether this revision (or a descendant) of the document is here, on any branch.
    bool HasRevision(const std::string& id, const std::string& rev) const;
    // What replication sends for a stored document: itself, or a conflict: document's leaf.
    static std::optional<Document> LeafOf(const Document& stored);
    static std::string ConflictId(const std::string& id, const std::string& leaf_rev);

    // Puts back what a failed write had changed.
    void Rollback(const Change& change);

    const Document* Get(const std::string& id) const;
    // Live documents of a type, ordered by id (ids sort by creation time).
    std::vector<const Document*> OfType(std::string_view type) const;
    std::vector<const Document*> All() const; // including tombstones
    size_t Size() const { return docs_.size(); }
    uint64_t Sequence() const { return seq_; }
    std::vector<const Document*> ChangesSince(uint64_t seq) const;
    // Ids of documents that vanished since seq (a rolled-back creation leaves no
    // tombstone), so caches built from ChangesSince can drop them.
    std::vector<std::string> ErasedSince(uint64_t seq) const;
    bool IsReadOnly(const std::string& id) const { return read_only_.count(id) > 0; }

    // Secondary index on a string field of a type's bodies.
    void AddIndex(const std::string& type, const std::string& field);
    std::vector<const Document*> Find(const std::string& type, const std::string& field,
                                      const std::string& value) const;

  private:
    void LoadOne(const std::string& key, Json& json, LoadReport& report); // moves json out
    void Store(Document doc);
    void Unindex(const Document& doc);
    void Index(const Document& doc);
    static bool Wins(const Document& a, const Document& b);
    void KeepBranch(const std::string& id, const Document& leaf, std::vector<Change>& changes);
    void EndBranch(const Document& branch, const Document& leaf, std::vector<Change>& changes);

    SchemaRegistry schemas_;
    std::unordered_map<std::string, Document> docs_;
    std::map<std::string, std::set<std::string>, std::less<>> by_type_;
    // (type, field) -> value -> ids
    std::map<std::pair<std::string, std::string>, std::map<std::string, std::set<std::string>>>
        indexes_;
    std::set<std::string> read_only_;
    std::vector<std::pair<uint64_t, std::string>> erased_; // (seq, id), in seq order
    uint64_t seq_ = 0;
};

} // namespace linli::store
