#pragma once
// What the settings screen shows or edits between frames.
#include <string>

namespace linli {

struct SettingsState {
    std::string device_name_edit;
    bool device_name_loaded = false;
    std::string backup_message; // result of the last export or restore
    bool backup_message_is_error = false;
};

} // namespace linli
