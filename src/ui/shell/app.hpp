#pragma once
// The whole UI: owns the per-frame collectors and draws one frame between the
// platform's ImGui::NewFrame() and ImGui::Render().
#include "ui/kit/a11y_collector.hpp"
#include "ui/kit/fonts.hpp"
#include "ui/kit/ui_context.hpp"
#include "ui/shell/screens.hpp"

namespace linli {

// Destroy the ImGui context before the App: the font atlas uses the App's glyph loader.
class App {
  public:
    App(Platform& platform, AppData& data, Language lang, TextSize text_size = TextSize::Standard);
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    // Once, after ImGui::CreateContext(): theme and hooks.
    void Init(ImGuiContext* ctx);
    // Every frame between NewFrame() and Render(). Returns true when the UI may still be
    // settling (it changed this frame, or input is queued): draw another frame.
    bool Frame();
    // Between frames: asks the platform for the full Chinese font when one is missing.
    void AfterFrame();
    // The draft kept at the last run (or ""), once the page has read it: its form is
    // reopened, and from then on the open form is kept as a draft as it changes.
    void DraftsLoaded(const std::string& draft);

    // Answers from the page.
    // The file's bytes as they are (a roster may be GBK or UTF-16).
    void FileOpened(const std::string& name, const std::string& bytes);
    void FileFailed(const std::string& message);
    // A file over kMaxOpenFileBytes: refused before it is read, with its size in the message.
    void FileTooLarge(const std::string& name, double size_bytes);
    // The page could not turn an export into an Excel file (io/xlsx_exchange.hpp).
    void ExportFailed(const std::string& message);
    // The page's #fragment at start or on a change: a sign-up link ("v=LLS...") turns on
    // volunteer mode and keeps its shifts; a phone that holds only a volunteer's own
    // sign-ups opens in volunteer mode too.
    void LinkOpened(const std::string& fragment);
    // The camera scanner read text, or could not (1: camera refused or absent, 2: closed
    // without a code, 3: the decoder could not load).
    void Scanned(const std::string& text);
    void ScanFailed(int kind);

    UiContext& Ui() { return ui_; }
    FontSet& Fonts() { return fonts_; }
    TextBridge& Text() { return text_; }
    AppState& State() { return state_; }
    const A11yCollector& A11y() const { return a11y_; }

  private:
    A11yCollector a11y_;
    FontSet fonts_;
    TextBridge text_;
    UiContext ui_;
    AppState state_;
    Area drawn_area_ = Area::Sampling; // the area the content window shows
    bool drafts_loaded_ = false;       // no draft is saved before the last one is read
    std::string saved_draft_;
};

} // namespace linli
