#pragma once
// Drafts: the form being filled in (a resident, a volunteer), described as JSON text so the
// page can keep it as it is typed (its own IndexedDB database, shell/bridge/drafts.js).
// A killed tab, a crash or an update's reload then loses nothing typed: at start the form
// is reopened with what it held. Nothing here touches the documents: a draft is saved as
// a record only when its form's Save is tapped.
#include <string>
#include <string_view>

#include "ui/shell/screens.hpp"

namespace linli::ui {

// The open form as a draft, or "" when no form is open.
std::string DraftOf(const AppState& state);
// Reopens the form a draft describes (area, screen, fields). False, changing nothing, when
// the text is not a draft this version knows (damaged, or from another version).
bool RestoreDraft(AppState& state, std::string_view draft);

} // namespace linli::ui
