#pragma once
// What the native tests of the app layer share.
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

} // namespace linli
