#pragma once
// What the UI needs from the page it runs in. The web implementation lives in
// src/platform/web; native UI tests use a recording implementation.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app/shell/a11y.hpp"
#include "app/shell/layout.hpp"
#include "text/i18n.hpp"

namespace linli {

// The text field being edited, as the page's soft-keyboard bridge needs it.
// The largest file the app reads (a backup of a big community is a few MB; a roster less).
// Bigger files are refused before a byte is read: copying them into a phone's memory could
// end the tab.
inline constexpr size_t kMaxOpenFileBytes = size_t{50} * 1024 * 1024;

struct TextEditState {
    uint32_t id = 0;
    Rect rect;
    std::string value;
    size_t selection_start = 0; // UTF-16 units, as the page counts
    size_t selection_end = 0;
    unsigned applied_input = 0; // sequence number of the last bridge input applied
    bool multiline = false;     // Enter types a line break instead of submitting
    bool operator==(const TextEditState&) const = default;
};

class Platform {
  public:
    virtual ~Platform() = default;
    // The accessibility mirror's nodes (JSON from A11yJson), sent only when they change.
    virtual void PublishA11y(const std::string& json) = 0;
    // A text field became active or changed: place the soft-keyboard bridge over it.
    virtual void ShowTextInput(const TextEditState& state) = 0;
    // No text field is active: let the soft keyboard close.
    virtual void HideTextInput() = 0;
    // Remember the chosen UI language on this device.
    virtual void SaveLanguage(Language lang) = 0;
    // Keeps the open form's draft on this device as it changes ("" when no form is open):
    // ui/shell/drafts.hpp.
    virtual void SaveDraft(const std::string& draft) = 0;
    // Keeps the text size chosen in Settings on this device (read back at start).
    virtual void SaveTextSize(TextSize size) = 0;
    // Characters missing from the fonts loaded so far were drawn: fetch the font slices
    // holding them (each codepoint is asked once; FontSet::AddSlice receives the answer).
    virtual void RequestGlyphs(const std::vector<uint32_t>& codepoints) = 0;
    // The build's content hash, shown in Settings.
    virtual std::string BuildVersion() const = 0;
    // Milliseconds since 1970 (document timestamps and ids).
    virtual int64_t NowMs() const = 0;
    // Offers a file to save (a download in the browser).
    virtual void DownloadFile(const std::string& name, const std::string& mime,
                              const std::string& content) = 0;
    // Asks the user for a file; the answer arrives as App::FileOpened or App::FileFailed
    // (or App::FileTooLarge: the page checks kMaxOpenFileBytes before it reads a byte).
    virtual void OpenFile(const std::string& accept) = 0;
    // Opens a page for printing (a new window; a download where popups are blocked).
    virtual void OpenPrintable(const std::string& html) = 0;
    // Reloads into the new version that is waiting (after pending writes complete).
    virtual void ApplyUpdate() = 0;
    // Puts text on the clipboard (a code to paste into WeChat).
    virtual void CopyText(const std::string& text) = 0;
    // 64 random bits from the browser's crypto (a volunteer phone's code key).
    virtual uint64_t Random64() = 0;
    // The site's address without its #fragment: what a sign-up link starts with.
    virtual std::string SiteAddress() const = 0;
    // Opens the camera scanner over the page; what it reads arrives as App::Scanned, or
    // why it cannot as App::ScanFailed. StopScanner closes it.
    virtual void StartScanner() = 0;
    virtual void StopScanner() = 0;
};

// What the browser says about this site's storage.
struct StorageInfo {
    bool known = false;
    double used_bytes = 0;
    double quota_bytes = 0;
    bool persistent = false;
};

} // namespace linli
