#pragma once
// Makes the store's changes durable: each user action becomes one write transaction;
// the save state says "saved" only when the persistence layer confirms it. A failed
// write is rolled back in memory so the UI never shows what was not stored.
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "store/store.hpp"

namespace linli::store {

class Persistence {
  public:
    virtual ~Persistence() = default;
    // One atomic transaction. batch_json: [{"key":id,"expect":rev|null,"doc":{...}}]:
    // each record is written only if the stored one still has rev "expect" (null: none),
    // else nothing is written and the failure is a Conflict.
    virtual void Write(uint64_t txn, const std::string& batch_json) = 0;
};

enum class SaveStatus { Idle, Saving, Saved, Failed };
enum class FailureKind { Conflict, Quota, Other };

struct SaveState {
    SaveStatus status = SaveStatus::Idle;
    FailureKind failure = FailureKind::Other;
    std::string error; // as the browser said it
    size_t pending = 0;
};

class Database {
  public:
    Database(DocumentStore& store, Persistence& persistence)
        : store_(store), persistence_(persistence) {}

    // Writes the changes of one action in one transaction; returns its number (0: none).
    uint64_t Commit(std::vector<Change> changes);
    void Committed(uint64_t txn);
    // stored_records_json: for a Conflict, the records as stored now ([[key, doc], ...]),
    // merged after the rollback so the UI shows the latest data.
    void Failed(uint64_t txn, FailureKind kind, const std::string& message,
                const std::string& stored_records_json);

    const SaveState& State() const { return state_; }

    enum class TxnState { Pending, Committed, Failed };
    TxnState StateOf(uint64_t txn) const;
    uint64_t LastTxn() const { return next_txn_ - 1; }
    uint64_t LastCommitted() const { return last_committed_; }
    DocumentStore& Store() { return store_; }

    static std::string BatchJson(const std::vector<Change>& changes);

  private:
    DocumentStore& store_;
    Persistence& persistence_;
    std::map<uint64_t, std::vector<Change>> in_flight_;
    std::set<uint64_t> failed_;
    uint64_t next_txn_ = 1;
    uint64_t last_committed_ = 0;
    SaveState state_;
};

} // namespace linli::store
