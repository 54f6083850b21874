#pragma once
// What every service writes through: the document store, the durable database and the
// id generator, owned by AppData. One action = one Commit = one transaction.
#include <string>
#include <vector>

#include "app/outcome.hpp"
#include "store/database.hpp"
#include "store/ids.hpp"
#include "store/store.hpp"

namespace linli {

class Writer {
  public:
    Writer(store::DocumentStore& store, store::Database& db, store::IdGenerator& ids)
        : store_(store), db_(db), ids_(ids) {}

    // Commits every change as one transaction; when one of them was refused, the others
    // (already applied in memory) are undone and nothing is written.
    Outcome Commit(std::vector<store::Result<store::Change>> results);
    // Changes made by merging (backups): written as they are.
    uint64_t CommitMerged(std::vector<store::Change> changes) {
        return db_.Commit(std::move(changes));
    }

    WriteState StateOf(uint64_t txn) const;

    store::DocumentStore& Store() { return store_; }
    const store::DocumentStore& Store() const { return store_; }
    store::IdGenerator& Ids() { return ids_; }
    const std::string& DeviceTag() const { return ids_.DeviceTag(); }
    // A live document, or nullptr (missing or deleted).
    const store::Document* Live(const std::string& id) const;
    // The revision to base a write of id on ("" when it is new or deleted).
    std::string RevOf(const std::string& id) const;

  private:
    store::DocumentStore& store_;
    store::Database& db_;
    store::IdGenerator& ids_;
};

} // namespace linli
