// Sampling rosters (采样): residents and testing rounds. The roster itself arrives with
// the sampling issue; this screen already owns its search field.
#include <imgui.h>

#include "ui/screens.hpp"
#include "ui/widgets.hpp"

namespace linli::ui {

void DrawSamplingScreen(UiContext& ui, AppState& state) {
    Heading(ui, ui.T(Text::SamplingTitle));
    TextField(ui, "sampling-search", ui.T(Text::SearchLabel), ui.T(Text::SearchHint),
              state.sampling_search);
    ImGui::Spacing();
    if (state.sampling_search.empty()) {
        MutedText(ui.T(Text::SamplingEmpty));
    } else {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped(ui.T(Text::SearchNoMatch), state.sampling_search.c_str());
        ImGui::PopStyleColor();
    }
}

} // namespace linli::ui
