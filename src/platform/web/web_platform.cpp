#include "platform/web/web_platform.hpp"

#include <cstdlib>
#include <emscripten/html5.h>
#include <memory>

#include "platform/web/js_api.hpp"

namespace linli {
namespace {

std::string TakeJsString(char* s) {
    std::unique_ptr<char, decltype(&std::free)> owned(s, &std::free);
    return owned ? std::string(owned.get()) : std::string();
}

// Text crosses to the page as C strings: a NUL (from an old record or another device; files
// and typing are cleaned on the way in) would cut it short, so it is dropped here.
std::string WithoutNul(const std::string& text) {
    if (text.find('\0') == std::string::npos) {
        return text;
    }
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        if (c != '\0') {
            out.push_back(c);
        }
    }
    return out;
}

} // namespace

void WebPlatform::PublishA11y(const std::string& json) {
    if (defer_writes_) {
        deferred_a11y_ = json; // the newest replaces one not yet published
        return;
    }
    linli_js_publish_a11y(json.c_str());
}

void WebPlatform::FlushA11y() {
    if (!deferred_a11y_.empty()) {
        linli_js_publish_a11y(deferred_a11y_.c_str());
        deferred_a11y_.clear();
    }
}

void WebPlatform::ShowTextInput(const TextEditState& s) {
    linli_js_show_text(s.id, s.rect.x, s.rect.y, s.rect.w, s.rect.h, WithoutNul(s.value).c_str(),
                       static_cast<int>(s.selection_start), static_cast<int>(s.selection_end),
                       s.applied_input, s.multiline ? 1 : 0);
}

void WebPlatform::HideTextInput() {
    linli_js_hide_text();
}

void WebPlatform::SaveLanguage(Language lang) {
    linli_js_set_pref("language", std::string(LanguageCode(lang)).c_str());
}

void WebPlatform::ShowLanguage(Language lang) {
    if (shown_language_ != lang) {
        shown_language_ = lang;
        linli_js_document_language(std::string(LanguageCode(lang)).c_str());
    }
}

void WebPlatform::RequestGlyphs(const std::vector<uint32_t>& codepoints) {
    linli_js_request_glyphs(codepoints.data(), static_cast<int>(codepoints.size()));
}

std::string WebPlatform::BuildVersion() const {
    return TakeJsString(linli_js_build_version());
}

void WebPlatform::Write(uint64_t txn, const std::string& batch_json) {
    if (defer_writes_) {
        deferred_writes_.emplace_back(txn, batch_json);
        return;
    }
    linli_js_store_write(static_cast<unsigned>(txn), batch_json.c_str());
}

void WebPlatform::FlushWrites() {
    defer_writes_ = false;
    for (const auto& [txn, batch_json] : deferred_writes_) {
        linli_js_store_write(static_cast<unsigned>(txn), batch_json.c_str());
    }
    deferred_writes_.clear();
}

int64_t WebPlatform::NowMs() const {
    return static_cast<int64_t>(emscripten_date_now());
}

void WebPlatform::DownloadFile(const std::string& name, const std::string& mime,
                               const std::string& content) {
    linli_js_download(WithoutNul(name).c_str(), mime.c_str(), content.data(), content.size());
}

void WebPlatform::OpenFile(const std::string& accept) {
    linli_js_open_file(accept.c_str());
}

void WebPlatform::OpenPrintable(const std::string& html) {
    linli_js_open_printable(WithoutNul(html).c_str());
}

void WebPlatform::ApplyUpdate() {
    linli_js_apply_update();
}

std::string WebPlatform::DeviceTag() const {
    return TakeJsString(linli_js_device_tag());
}

void WebPlatform::CopyText(const std::string& text) {
    linli_js_copy_text(WithoutNul(text).c_str());
}

uint64_t WebPlatform::Random64() {
    unsigned char bytes[8] = {};
    linli_js_random64(bytes);
    uint64_t v = 0;
    for (const unsigned char b : bytes) {
        v = (v << 8) | b;
    }
    return v;
}

std::string WebPlatform::SiteAddress() const {
    return TakeJsString(linli_js_site_address());
}

void WebPlatform::StartScanner() {
    linli_js_start_scanner();
}

void WebPlatform::StopScanner() {
    linli_js_stop_scanner();
}

std::string WebPlatform::LinkFragment() const {
    return TakeJsString(linli_js_link_fragment());
}

void WebPlatform::SaveDraft(const std::string& draft) {
    linli_js_save_draft(WithoutNul(draft).c_str());
}

void WebPlatform::SaveTextSize(TextSize size) {
    linli_js_set_pref("textSize", std::string(TextSizeCode(size)).c_str());
}

TextSize WebPlatform::InitialTextSize() const {
    return TextSizeFromCode(TakeJsString(linli_js_get_pref("textSize")));
}

Language WebPlatform::InitialLanguage() const {
    if (auto saved = LanguageFromCode(TakeJsString(linli_js_get_pref("language")))) {
        return *saved;
    }
    return PickLanguage(TakeJsString(linli_js_browser_languages()));
}

void WebPlatform::Send(sync::HttpRequest request, std::function<void(sync::HttpResponse)> done) {
    const unsigned id = ++next_http_id_;
    http_waiting_[id] = std::move(done);
    linli_js_http_send(id, request.method.c_str(), request.url.c_str(), request.body.c_str(),
                       request.timeout_ms);
}

void WebPlatform::HttpDone(unsigned id, sync::HttpResponse response) {
    const auto it = http_waiting_.find(id);
    if (it == http_waiting_.end()) {
        return;
    }
    auto done = std::move(it->second);
    http_waiting_.erase(it);
    done(std::move(response));
}

} // namespace linli
