#pragma once
// What the settings screen shows or edits between frames.
#include <string>

#include "app/outcome.hpp"
#include "app/pending_write.hpp"

namespace linli {

// Settings → 同步: the form as typed, and a conflict choice being saved.
struct SyncFormState {
    std::string url, user, password; // the password only until saved (then sealed)
    bool loaded = false;
    Problems problems;
    PendingWrite resolve_write;
    std::string resolve_message;
};

struct SettingsState {
    std::string device_name_edit;
    bool device_name_loaded = false;
    std::string backup_message; // result of the last export or restore
    bool backup_message_is_error = false;
    // A restore is reported done only once its write is durable (a reload keeps it).
    PendingWrite restore_write;
    std::string restore_done_message;
    SyncFormState sync;
};

} // namespace linli
