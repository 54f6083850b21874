#pragma once
// Everything a screen needs, passed explicitly (no globals).
#include <optional>
#include <string>

#include "app/app_data.hpp"
#include "app/shell/layout.hpp"
#include "text/strings.hpp"
#include "ui/kit/a11y_collector.hpp"
#include "ui/kit/fonts.hpp"
#include "ui/kit/platform.hpp"

namespace linli {

// Text typed through the page's soft-keyboard bridge, waiting for the active field.
struct BridgeInput {
    uint32_t field_id = 0; // the field the page was editing when this was typed
    std::string value;
    size_t selection_start = 0; // UTF-16 units
    size_t selection_end = 0;
    unsigned sequence = 0;
};

// Connects the active ImGui text field with the page's textarea (shell/bridge/ime.js).
class TextBridge {
  public:
    void Queue(BridgeInput input) {
        pending_ = std::move(input);
        pending_age_ = 0;
    }
    void BeginFrame() { active_.reset(); }
    // Sends the active field (or its absence) to the page when it changed.
    void EndFrame(Platform& platform);

    // For TextField: input to apply to the field being edited, consumed when applied.
    std::optional<BridgeInput>& Pending() { return pending_; }
    void SetApplied(unsigned sequence) { applied_ = sequence; }
    void SetActive(TextEditState state);

  private:
    std::optional<BridgeInput> pending_;
    int pending_age_ = 0; // frames the pending input has waited for its field
    std::optional<TextEditState> active_;
    std::optional<TextEditState> shown_;
    unsigned applied_ = 0;
};

struct UiContext {
    Platform& platform;
    A11yCollector& a11y;
    FontSet& fonts;
    TextBridge& text;
    AppData& data;
    Language lang = Language::Chinese;
    TextSize text_size = TextSize::Standard;
    Metrics metrics; // MetricsFor(text_size)
    float pixel_ratio = 1.0f;
    StorageInfo storage;
    bool update_available = false;
    std::string db_error; // the local database could not be opened

    // A string of any area's catalog (ShellText, SamplingText, ...) in the UI language.
    template <typename Key> const char* T(Key key) const { return Tr(key, lang); }
};

} // namespace linli
