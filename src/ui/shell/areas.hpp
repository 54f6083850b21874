#pragma once
// The areas of the app, one row each: adding an area means adding its folder
// (ui/<area>/: screens and state) and one row in ui/shell/areas.cpp.
#include <span>
#include <string>

#include "ui/shell/screens.hpp"

namespace linli {

struct AreaRow {
    Area id;         // where the navigation shows it: the table's order
    ShellText label; // the navigation tab
    void (*draw)(UiContext& ui, AppState& state);
    // A file the page opened because this area asked for one, or why it could not.
    void (*file_opened)(UiContext& ui, AppState& state, const std::string& name,
                        const std::string& bytes);
    void (*file_failed)(UiContext& ui, AppState& state, const std::string& message);
};

std::span<const AreaRow> AreaTable();
const AreaRow& AreaOf(Area id);

} // namespace linli
