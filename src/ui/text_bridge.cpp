#include "ui/ui_context.hpp"

namespace linli {

void TextBridge::SetActive(TextEditState state) {
    state.applied_input = applied_;
    active_ = std::move(state);
}

void TextBridge::EndFrame(Platform& platform) {
    if (!active_) {
        pending_.reset(); // typed into a field that is no longer being edited
        if (shown_) {
            platform.HideTextInput();
            shown_.reset();
        }
        return;
    }
    if (!shown_ || !(*shown_ == *active_)) {
        platform.ShowTextInput(*active_);
        shown_ = active_;
    }
}

} // namespace linli
