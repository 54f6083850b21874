#pragma once
// Functions implemented in JavaScript (library_linli.js, forwarding to shell/bridge/).
#include <cstdint>

extern "C" {
void linli_js_init(void* runtime);
void linli_js_publish_a11y(const char* json);
void linli_js_show_text(uint32_t id, float x, float y, float w, float h, const char* value,
                        int selection_start, int selection_end, unsigned applied_input,
                        int multiline);
void linli_js_hide_text();
int linli_js_fonts_state(); // 0 loading, 1 ready, -1 failed
int linli_js_font_size(int which);
void linli_js_font_copy(int which, unsigned char* dest);
void linli_js_request_glyphs(const uint32_t* codepoints, int count);
char* linli_js_get_pref(const char* key); // malloc'd, or null
void linli_js_set_pref(const char* key, const char* value);
void linli_js_document_language(const char* code); // <html lang>: "zh-CN" or "en"
int linli_js_draft_state();                        // 0 reading, 1 read (shell/bridge/drafts.js)
char* linli_js_take_draft();                       // malloc'd: the kept draft, or ""
void linli_js_save_draft(const char* draft);       // "" deletes it
char* linli_js_browser_languages();                // malloc'd
char* linli_js_build_version();                    // malloc'd
void linli_js_first_frame();
int linli_js_data_state();        // 0 loading, 1 ready, -1 the database could not be opened
char* linli_js_take_data_chunk(); // malloc'd JSON [[key, doc], ...]; null after the last
char* linli_js_data_error();      // malloc'd
char* linli_js_device_tag();      // malloc'd
void linli_js_store_write(unsigned txn, const char* batch_json);
// content: bytes as they are (a CSV's BOM must survive; UTF8ToString would drop it).
void linli_js_download(const char* name, const char* mime, const char* content, size_t size);
void linli_js_open_file(const char* accept);
void linli_js_open_printable(const char* html);
void linli_js_frame_time(double ui_ms, double total_ms);
void linli_js_apply_update();
void linli_js_metric(const char* name, double value); // for benchmarks: linliBridge.metrics
// shell/bridge/scanner.js and the clipboard.
void linli_js_start_scanner();
void linli_js_stop_scanner();
void linli_js_copy_text(const char* text);
void linli_js_random64(unsigned char* out8);
char* linli_js_site_address();  // malloc'd: location.href without its #fragment
char* linli_js_link_fragment(); // malloc'd: location.hash without '#', or ""
// shell/bridge/sync.js: fetch for the replicator (answered by linli_http_done), and the
// sync password sealed and opened (answered by linli_sealed, linli_unsealed).
void linli_js_http_send(unsigned id, const char* method, const char* url, const char* body,
                        int timeout_ms);
void linli_js_seal(const char* text);
void linli_js_unseal(const char* sealed);
}
