#pragma once
// This device (its name), the devices seen (their documents) and backups (export all
// documents, restore by merging). Document type "device", id "device:<device tag>": a
// name, and last_sync_ms once the sync has completed on that device.
#include <cstdint>
#include <string>
#include <string_view>

#include "app/outcome.hpp"
#include "app/writer.hpp"
#include "core/leader/daily.hpp"

namespace linli {

enum class BackupError { None, NotJson, NotLinliBackup, NewerFormat, BadDocument };

struct RestoreReport {
    BackupError error = BackupError::None;
    size_t bad_index = 0; // for BadDocument: which document (0-based)
    std::string bad_reason;
    size_t added = 0, updated = 0, unchanged = 0, conflicts = 0;
    Outcome write; // the merge's write (txn 0: nothing new to write)
};

std::string DeviceDocId(std::string_view device_tag);

class SettingsService {
  public:
    explicit SettingsService(Writer& writer) : writer_(writer) {}
    static void RegisterTypes(store::SchemaRegistry& schemas);

    std::string DeviceName() const;
    // The name when there is one, else the device tag: who did it, on records.
    std::string DeviceLabel() const;
    Outcome SetDeviceName(std::string_view name, int64_t now_ms);
    // Every device document (this device always, with or without one), sorted as
    // SortDevices: its name and when it last synced (absent: never).
    std::vector<DeviceSync> Devices() const;

    // All documents (tombstones included) as one JSON file.
    std::string ExportBackup(int64_t now_ms) const;
    // Merges a backup in; a file that is not a whole, valid backup changes nothing.
    RestoreReport Restore(std::string_view file_text);

  private:
    Writer& writer_;
};

} // namespace linli
