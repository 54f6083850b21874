// Linli page bridge: fonts. The Latin font and the first Chinese slice (the UI's own
// characters) are fetched alongside the wasm. The rest of the Chinese font is cut into
// slices (tools/font_slices.py): when the app draws a character it has no glyph for, it
// asks here (requestGlyphs); the slice index (fonts/slices.bin: one byte per codepoint,
// slice number + 1) says which slice holds it, and only that slice is fetched. A slice that
// failed (offline, before it was ever cached) is fetched again when the network returns.
(function (bridge) {
  'use strict';

  const { showFatal } = bridge.internal;
  const FONT_URLS = ['fonts/latin.ttf', 'fonts/cjk-00.ttf'];
  const sliceUrl = (n) => 'fonts/cjk-' + String(n).padStart(2, '0') + '.ttf';

  let index = null; // Promise of the Uint8Array from fonts/slices.bin
  const wanted = new Set([0]); // slices fetched, being fetched, or in the first download
  const failed = new Set(); // slices to fetch again when the network returns
  let unmapped = []; // codepoints asked while the index could not be fetched
  let inFlight = 0;

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

  // Tells the app when no slice is on its way any more (its Settings line says loading).
  function settled() {
    if (--inFlight === 0) bridge.module._linli_font_slices_idle(bridge.runtime, failed.size);
  }

  function fetchSlice(n) {
    wanted.add(n);
    failed.delete(n);
    inFlight++;
    const t0 = performance.now();
    fetchBytes(sliceUrl(n)).then((bytes) => {
      const m = bridge.module;
      const ptr = m._malloc(bytes.length);
      m.HEAPU8.set(bytes, ptr);
      m._linli_font_slice(bridge.runtime, ptr, bytes.length);
      m._free(ptr);
      bridge.metrics.slices.push({ slice: n, bytes: bytes.length, ms: performance.now() - t0 });
    }).catch((err) => {
      failed.add(n);
      bridge.errors.push(String(err));
    }).finally(settled);
  }

  // codepoints: the app's missing characters (each asked once).
  function requestGlyphs(codepoints) {
    inFlight++; // the index itself
    if (!index) {
      index = fetchBytes('fonts/slices.bin').catch((err) => {
        index = null; // try again with the next request
        bridge.errors.push(String(err));
        return null;
      });
    }
    index.then((table) => {
      if (!table) {
        failed.add(-1);
        unmapped = unmapped.concat(codepoints);
        return;
      }
      failed.delete(-1);
      for (const cp of codepoints) {
        const n = cp < table.length ? table[cp] - 1 : -1;
        if (n >= 0 && !wanted.has(n)) fetchSlice(n);
      }
    }).finally(settled);
  }

  window.addEventListener('online', () => {
    for (const n of [...failed]) if (n >= 0) fetchSlice(n);
    if (failed.has(-1)) {
      const again = unmapped;
      unmapped = [];
      requestGlyphs(again);
    }
  });

  bridge.metrics.slices = [];
  bridge.fontsState = function () {
    if (bridge.fontsFailed) return -1;
    return bridge.fonts[0] && bridge.fonts[1] ? 1 : 0;
  };
  bridge.fontBytes = function (which) { return bridge.fonts[which]; };
  bridge.requestGlyphs = requestGlyphs;

  bridge.internal.startFontDownloads = startFontDownloads;
})(window.linliBridge);
