#pragma once
// Functions implemented in JavaScript (library_linli.js, forwarding to shell/bridge.js).
#include <cstdint>

extern "C" {
void linli_js_init(void* runtime);
void linli_js_publish_a11y(const char* json);
void linli_js_show_text(uint32_t id, float x, float y, float w, float h, const char* value,
                        int selection_start, int selection_end, unsigned applied_input);
void linli_js_hide_text();
int linli_js_fonts_state(); // 0 loading, 1 ready, -1 failed
int linli_js_font_size(int which);
void linli_js_font_copy(int which, unsigned char* dest);
void linli_js_request_full_font();
char* linli_js_get_pref(const char* key); // malloc'd, or null
void linli_js_set_pref(const char* key, const char* value);
char* linli_js_browser_languages(); // malloc'd
char* linli_js_build_version();     // malloc'd
void linli_js_first_frame();
}
