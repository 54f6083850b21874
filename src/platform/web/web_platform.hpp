#pragma once
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/database.hpp"
#include "sync/http.hpp"
#include "ui/kit/platform.hpp"

namespace linli {

// Platform and persistence over the page's JavaScript bridge (shell/bridge/, shell/idb.js).
class WebPlatform final : public Platform, public store::Persistence, public sync::HttpTransport {
  public:
    // The replicator's requests, through fetch(); HttpDone delivers the answer.
    void Send(sync::HttpRequest request, std::function<void(sync::HttpResponse)> done) override;
    void HttpDone(unsigned id, sync::HttpResponse response);
    void Write(uint64_t txn, const std::string& batch_json) override;
    // While a frame is being built, writes wait for its end (FlushWrites): IndexedDB's
    // callbacks cannot run before the frame is done anyway, and a write sent after it is
    // durable with no frame in between (the main loop holds frames while one is in flight).
    void DeferWrites() { defer_writes_ = true; }
    bool HasDeferredWrites() const { return !deferred_writes_.empty(); }
    void FlushWrites();
    // The accessibility mirror of a frame built while deferring is published with the next
    // frame shown (FlushA11y): the page's mirror describes what the canvas shows.
    void FlushA11y();
    int64_t NowMs() const override;
    void DownloadFile(const std::string& name, const std::string& mime,
                      const std::string& content) override;
    void OpenFile(const std::string& accept) override;
    void OpenPrintable(const std::string& html) override;
    void ApplyUpdate() override;
    std::string DeviceTag() const;

    void PublishA11y(const std::string& json) override;
    void ShowTextInput(const TextEditState& state) override;
    void HideTextInput() override;
    void SaveLanguage(Language lang) override;
    void SaveTextSize(TextSize size) override;
    void SaveDraft(const std::string& draft) override;
    void RequestGlyphs(const std::vector<uint32_t>& codepoints) override;
    std::string BuildVersion() const override;
    void CopyText(const std::string& text) override;
    uint64_t Random64() override;
    std::string SiteAddress() const override;
    void StartScanner() override;
    void StopScanner() override;
    // The #fragment the page was opened with (a sign-up link's offer), or "".
    std::string LinkFragment() const;

    // The saved language, else the browser's.
    Language InitialLanguage() const;
    // The text size saved on this device, else Standard.
    TextSize InitialTextSize() const;
    // The page's <html lang> follows the UI's language (screen readers pick their voice by
    // it); called each frame, it tells the page only of a change.
    void ShowLanguage(Language lang);

  private:
    std::optional<Language> shown_language_;
    bool defer_writes_ = false;
    std::vector<std::pair<uint64_t, std::string>> deferred_writes_;
    std::string deferred_a11y_;
    unsigned next_http_id_ = 0;
    std::map<unsigned, std::function<void(sync::HttpResponse)>> http_waiting_;
};

} // namespace linli
