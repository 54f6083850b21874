// Volunteers (志愿者): people, posts and shifts (later issues).
#include <imgui.h>

#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace linli::ui {

void DrawVolunteersScreen(UiContext& ui, AppState& state) {
    Heading(ui, ui.T(Text::VolunteersTitle));
    TextField(ui, "volunteer-search", ui.T(Text::SearchLabel), ui.T(Text::SearchHint),
              state.volunteer_search);
    ImGui::Spacing();
    MutedText(ui.T(Text::VolunteersEmpty));
}

} // namespace linli::ui
