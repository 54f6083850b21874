#pragma once
// For the targets that load input into the whole app (AppData): a store whose every write
// is durable at once, as the page would report it.
#include <cstdint>
#include <string>

#include "app/app_data.hpp"

namespace linli::fuzz {

class NullPersistence final : public store::Persistence {
  public:
    void Write(uint64_t txn, const std::string&) override {
        if (data != nullptr) {
            data->WriteCommitted(txn);
        }
    }
    AppData* data = nullptr;
};

} // namespace linli::fuzz
