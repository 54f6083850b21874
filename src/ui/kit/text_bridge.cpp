#include "ui/kit/ui_context.hpp"

namespace linli {

void TextBridge::SetActive(TextEditState state) {
    state.applied_input = applied_;
    active_ = std::move(state);
}

void TextBridge::EndFrame(Platform& platform) {
    if (pending_ && ++pending_age_ > 10) {
        // Typed for a field that never became the one being edited. (A tap's press
        // reaches ImGui a frame or two after the page focused the textarea for the tapped
        // field, so input may arrive before its field is active: it waits a few frames.)
        pending_.reset();
    }
    if (!active_) {
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
