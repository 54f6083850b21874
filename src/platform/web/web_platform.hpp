#pragma once
#include "ui/platform.hpp"

namespace linli {

// Platform over the page's JavaScript bridge (shell/bridge.js).
class WebPlatform final : public Platform {
  public:
    void PublishA11y(const std::string& json) override;
    void ShowTextInput(const TextEditState& state) override;
    void HideTextInput() override;
    void SaveLanguage(Language lang) override;
    void RequestFullFont() override;
    std::string BuildVersion() const override;

    // The saved language, else the browser's.
    Language InitialLanguage() const;
};

} // namespace linli
