#include "app/writer.hpp"

namespace linli {

Outcome Writer::Commit(std::vector<store::Result<store::Change>> results) {
    Outcome out;
    std::vector<store::Change> changes;
    for (auto& result : results) {
        if (!result.ok()) {
            out.error = out.error ? out.error : std::optional(result.error);
            continue;
        }
        changes.push_back(std::move(*result.value));
    }
    if (out.error) {
        for (auto it = changes.rbegin(); it != changes.rend(); ++it) {
            store_.Rollback(*it);
        }
        return out;
    }
    if (!changes.empty()) {
        out.id = changes.front().doc.id;
    }
    out.txn = db_.Commit(std::move(changes));
    out.ok = true;
    return out;
}

WriteState Writer::StateOf(uint64_t txn) const {
    if (txn == 0) {
        return WriteState::Nothing;
    }
    switch (db_.StateOf(txn)) {
    case store::Database::TxnState::Pending:
        return WriteState::Pending;
    case store::Database::TxnState::Committed:
        return WriteState::Durable;
    case store::Database::TxnState::Failed:
        return WriteState::Failed;
    }
    return WriteState::Failed;
}

const store::Document* Writer::Live(const std::string& id) const {
    const store::Document* doc = store_.Get(id);
    return doc != nullptr && !doc->deleted ? doc : nullptr;
}

std::string Writer::RevOf(const std::string& id) const {
    const store::Document* doc = Live(id);
    return doc != nullptr ? doc->rev : std::string();
}

} // namespace linli
