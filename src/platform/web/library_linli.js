// Emscripten JS library: the C++ side's view of the page. Every function forwards to
// window.linliBridge (shell/bridge/*.js), which owns the DOM.
mergeInto(LibraryManager.library, {
  $linliNewString: function (s) {
    if (s === null || s === undefined) return 0;
    var size = lengthBytesUTF8(s) + 1;
    var ptr = _malloc(size);
    stringToUTF8(s, ptr, size);
    return ptr;
  },
  linli_js_init: function (runtime) {
    window.linliBridge.attach(Module, runtime);
  },
  linli_js_publish_a11y: function (json) {
    window.linliBridge.publishA11y(UTF8ToString(json));
  },
  linli_js_show_text: function (id, x, y, w, h, value, selStart, selEnd, applied, multiline) {
    window.linliBridge.showText(id >>> 0, x, y, w, h, UTF8ToString(value), selStart, selEnd, applied >>> 0, multiline !== 0);
  },
  linli_js_hide_text: function () {
    window.linliBridge.hideText();
  },
  linli_js_fonts_state: function () {
    return window.linliBridge.fontsState();
  },
  linli_js_font_size: function (which) {
    return window.linliBridge.fontBytes(which).length;
  },
  linli_js_font_copy: function (which, dest) {
    HEAPU8.set(window.linliBridge.fontBytes(which), dest);
  },
  linli_js_request_glyphs: function (codepoints, count) {
    window.linliBridge.requestGlyphs(Array.from(HEAPU32.subarray(codepoints >> 2, (codepoints >> 2) + count)));
  },
  linli_js_get_pref__deps: ['$linliNewString'],
  linli_js_get_pref: function (key) {
    return linliNewString(window.linliBridge.getPref(UTF8ToString(key)));
  },
  linli_js_set_pref: function (key, value) {
    window.linliBridge.setPref(UTF8ToString(key), UTF8ToString(value));
  },
  linli_js_draft_state: function () {
    return window.linliBridge.draftState();
  },
  linli_js_take_draft__deps: ['$linliNewString'],
  linli_js_take_draft: function () {
    return linliNewString(window.linliBridge.takeDraft());
  },
  linli_js_save_draft: function (draft) {
    window.linliBridge.saveDraft(UTF8ToString(draft));
  },
  linli_js_document_language: function (code) {
    window.linliBridge.setDocumentLanguage(UTF8ToString(code));
  },
  linli_js_browser_languages__deps: ['$linliNewString'],
  linli_js_browser_languages: function () {
    return linliNewString(window.linliBridge.browserLanguages());
  },
  linli_js_build_version__deps: ['$linliNewString'],
  linli_js_build_version: function () {
    return linliNewString(window.linliBridge.buildVersion());
  },
  linli_js_first_frame: function () {
    window.linliBridge.firstFrame();
  },
  linli_js_data_state: function () {
    return window.linliBridge.dataState();
  },
  // The next chunk of stored records (UTF-8 JSON, NUL-terminated, freed by the caller),
  // or 0 when every chunk was taken.
  linli_js_take_data_chunk: function () {
    var chunk = window.linliBridge.takeDataChunk();
    if (!chunk) return 0;
    var ptr = _malloc(chunk.length + 1);
    HEAPU8.set(chunk, ptr);
    HEAPU8[ptr + chunk.length] = 0;
    return ptr;
  },
  linli_js_data_error__deps: ['$linliNewString'],
  linli_js_data_error: function () {
    return linliNewString(window.linliBridge.dataError());
  },
  linli_js_device_tag__deps: ['$linliNewString'],
  linli_js_device_tag: function () {
    return linliNewString(window.linliBridge.deviceTag());
  },
  linli_js_store_write: function (txn, batch) {
    window.linliBridge.storeWrite(txn >>> 0, UTF8ToString(batch));
  },
  linli_js_download: function (name, mime, content, size) {
    window.linliBridge.download(UTF8ToString(name), UTF8ToString(mime), HEAPU8.slice(content, content + size));
  },
  linli_js_frame_time: function (ui, total) {
    const metrics = window.linliBridge.metrics;
    const frames = metrics.frames;
    metrics.framesDrawn = (metrics.framesDrawn || 0) + 1; // frames kept below are a window
    frames.push([ui, total]);
    if (frames.length > 2000) frames.splice(0, frames.length - 1000);
  },
  linli_js_open_printable: function (html) {
    window.linliBridge.openPrintable(UTF8ToString(html));
  },
  linli_js_open_file: function (accept) {
    window.linliBridge.openFile(UTF8ToString(accept));
  },
  linli_js_start_scanner: function () {
    window.linliBridge.startScanner();
  },
  linli_js_stop_scanner: function () {
    window.linliBridge.stopScanner();
  },
  linli_js_copy_text: function (text) {
    window.linliBridge.copyText(UTF8ToString(text));
  },
  linli_js_random64: function (out) {
    HEAPU8.set(window.linliBridge.randomBytes(8), out);
  },
  linli_js_site_address__deps: ['$linliNewString'],
  linli_js_site_address: function () {
    return linliNewString(window.linliBridge.siteAddress());
  },
  linli_js_metric: function (name, value) {
    window.linliBridge.metrics[UTF8ToString(name)] = value;
  },
  linli_js_apply_update: function () {
    window.linliBridge.applyUpdate();
  },
  linli_js_link_fragment__deps: ['$linliNewString'],
  linli_js_link_fragment: function () {
    return linliNewString((location.hash || '').replace(/^#/, ''));
  },
  linli_js_http_send: function (id, method, url, body, timeout) {
    window.linliBridge.httpSend(id >>> 0, UTF8ToString(method), UTF8ToString(url), UTF8ToString(body), timeout);
  },
  linli_js_seal: function (text) {
    window.linliBridge.seal(UTF8ToString(text));
  },
  linli_js_unseal: function (sealed) {
    window.linliBridge.unseal(UTF8ToString(sealed));
  },
});
