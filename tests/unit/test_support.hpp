#pragma once
// What the native tests of the app layer share.
#include <map>
#include <string>

#include "app/app_data.hpp"

namespace linli {

// Completes every write at once, as IndexedDB would after a moment.
class ImmediatePersistence final : public store::Persistence {
  public:
    void Write(uint64_t txn, const std::string& batch) override {
        last_batch = batch;
        ++writes;
        if (data) {
            data->WriteCommitted(txn);
        }
    }
    AppData* data = nullptr;
    std::string last_batch;
    int writes = 0;
};

// Keeps every written document, as IndexedDB would, and hands them back as the page does
// at startup ([[key, doc], ...]): what a reload would load.
class DiskPersistence final : public store::Persistence {
  public:
    void Write(uint64_t txn, const std::string& batch) override {
        for (const store::Json& entry : store::Json::parse(batch)) {
            stored[entry["key"].get<std::string>()] = entry["doc"];
        }
        ++writes;
        if (data) {
            data->WriteCommitted(txn);
        }
    }
    std::string Records() const {
        store::Json all = store::Json::array();
        for (const auto& [key, doc] : stored) {
            all.push_back(store::Json::array({key, doc}));
        }
        return all.dump();
    }
    AppData* data = nullptr;
    std::map<std::string, store::Json> stored;
    int writes = 0;
};

} // namespace linli
