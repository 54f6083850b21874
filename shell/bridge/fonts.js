// Linli page bridge: fonts. The first subset (Latin and common Chinese) is fetched
// alongside the wasm; the full Chinese font only when the app meets a character the
// subset lacks (requestFullFont).
(function (bridge) {
  'use strict';

  const { showFatal } = bridge.internal;
  const FONT_URLS = ['fonts/latin.ttf', 'fonts/cjk-common.ttf'];
  const FULL_FONT_URL = 'fonts/cjk-full.ttf';

  function fetchBytes(url) {
    return fetch(url).then((r) => {
      if (!r.ok) throw new Error(url + ': HTTP ' + r.status);
      return r.arrayBuffer();
    }).then((b) => new Uint8Array(b));
  }

  function startFontDownloads() {
    FONT_URLS.forEach((url, i) => {
      fetchBytes(url).then((bytes) => {
        bridge.fonts[i] = bytes;
        bridge.metrics.fontBytes += bytes.length;
      }).catch((err) => {
        bridge.fontsFailed = true;
        bridge.errors.push(String(err));
        showFatal('字体下载失败，请检查网络后重新加载。', 'The fonts could not be downloaded. Check the network and reload.');
      });
    });
  }

  bridge.fontsState = function () {
    if (bridge.fontsFailed) return -1;
    return bridge.fonts[0] && bridge.fonts[1] ? 1 : 0;
  };
  bridge.fontBytes = function (which) { return bridge.fonts[which]; };
  bridge.requestFullFont = function () {
    const t0 = performance.now();
    fetchBytes(FULL_FONT_URL).then((bytes) => {
      const m = bridge.module;
      const ptr = m._malloc(bytes.length);
      m.HEAPU8.set(bytes, ptr);
      m._linli_full_font(bridge.runtime, ptr, bytes.length);
      m._free(ptr);
      bridge.metrics.fullFontMs = performance.now() - t0;
      bridge.metrics.fullFontBytes = bytes.length;
    }).catch((err) => {
      bridge.errors.push(String(err));
      bridge.module._linli_full_font_failed(bridge.runtime);
    });
  };

  bridge.internal.startFontDownloads = startFontDownloads;
})(window.linliBridge);
