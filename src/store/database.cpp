#include "store/database.hpp"

#include "store/records.hpp"

namespace linli::store {

std::string Database::BatchJson(const std::vector<Change>& changes) {
    Json batch = Json::array();
    for (const Change& c : changes) {
        batch.push_back(Json{{"key", c.doc.id},
                             {"expect", c.previous ? Json(c.previous->rev) : Json(nullptr)},
                             {"doc", ToJson(c.doc)}});
    }
    return batch.dump();
}

uint64_t Database::Commit(std::vector<Change> changes) {
    if (changes.empty()) {
        return 0;
    }
    const uint64_t txn = next_txn_++;
    const std::string batch = BatchJson(changes);
    in_flight_.emplace(txn, std::move(changes));
    state_.status = SaveStatus::Saving;
    state_.pending = in_flight_.size();
    persistence_.Write(txn, batch);
    return txn;
}

Database::TxnState Database::StateOf(uint64_t txn) const {
    if (in_flight_.count(txn)) {
        return TxnState::Pending;
    }
    return failed_.count(txn) ? TxnState::Failed : TxnState::Committed;
}

void Database::Committed(uint64_t txn) {
    if (in_flight_.erase(txn) == 0) {
        return;
    }
    last_committed_ = std::max(last_committed_, txn);
    state_.pending = in_flight_.size();
    if (state_.pending == 0 && state_.status != SaveStatus::Failed) {
        state_.status = SaveStatus::Saved;
    }
}

void Database::Failed(uint64_t txn, FailureKind kind, const std::string& message,
                      const std::string& stored_records_json) {
    const auto it = in_flight_.find(txn);
    if (it == in_flight_.end()) {
        return;
    }
    failed_.insert(txn);
    for (auto c = it->second.rbegin(); c != it->second.rend(); ++c) {
        store_.Rollback(*c);
    }
    in_flight_.erase(it);
    if (kind == FailureKind::Conflict && !stored_records_json.empty()) {
        std::vector<Change> ignored; // already stored: nothing to write
        ReadRecords(stored_records_json, [&](const std::string&, Json& json) {
            auto doc = FromJson(std::move(json));
            if (auto* d = std::get_if<Document>(&doc)) {
                store_.Merge(std::move(*d), ignored);
            }
        });
    }
    state_.status = SaveStatus::Failed;
    state_.failure = kind;
    state_.error = message;
    state_.pending = in_flight_.size();
}

} // namespace linli::store
