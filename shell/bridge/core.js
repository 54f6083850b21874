// Linli page bridge, the part loaded first: the shared bridge object
// (window.linliBridge), DOM helpers, the splash and fatal screen, calling into the
// WebAssembly app, canvas sizing that follows the visual viewport, and small
// preferences in localStorage. The other parts in shell/bridge/ add to the same object;
// main.js (loaded last) wires them. Every URL is relative, so the site works under any
// sub-path.
(function () {
  'use strict';

  const bridge = {
    module: null,
    runtime: 0,
    fonts: [null, null],
    fontsFailed: false,
    metrics: { navigationStart: 0, firstFrameMs: null, fontBytes: 0, frames: [] },
    a11yNodes: [],
    a11yVersion: 0,
    // The field being edited: its ImGui id, IME state, and input sequence numbers.
    field: { id: 0, composing: false, seq: 0, sentForField: 0, unattached: false },
    errors: [],
  };

  // What the parts share with each other (not called by the app or the page).
  const internal = {};
  bridge.internal = internal;

  function $(id) { return document.getElementById(id); }

  function splashText(zh, en) {
    const el = $('splash-text');
    if (el) el.textContent = zh + '\n' + en;
  }

  function showFatal(zh, en) {
    const splash = $('splash');
    splash.classList.remove('hidden');
    splashText(zh, en);
    const progress = $('splash-progress');
    if (progress) progress.remove();
    if (!$('splash-reload')) {
      const button = document.createElement('button');
      button.id = 'splash-reload';
      button.textContent = '重新加载 Reload';
      button.onclick = () => location.reload();
      splash.appendChild(button);
    }
  }

  // ---------------------------------------------------------------- viewport

  function fitCanvas() {
    const canvas = $('canvas');
    const vv = window.visualViewport;
    const height = vv ? vv.height : window.innerHeight;
    const width = vv ? vv.width : window.innerWidth;
    const h = Math.round(height) + 'px';
    const w = Math.round(width) + 'px';
    if (canvas.style.height !== h || canvas.style.width !== w) {
      canvas.style.height = h;
      canvas.style.width = w;
      // SDL re-reads the canvas CSS size on window resize events.
      window.dispatchEvent(new Event('resize'));
    }
  }

  // ---------------------------------------------------------------- preferences

  bridge.getPref = function (key) {
    try { return localStorage.getItem('linli.' + key); } catch (e) { return null; }
  };
  bridge.setPref = function (key, value) {
    try { localStorage.setItem('linli.' + key, value); } catch (e) { /* private mode: not kept */ }
  };
  bridge.setDocumentLanguage = function (code) {
    document.documentElement.lang = code === 'en' ? 'en' : 'zh-CN';
  };
  bridge.browserLanguages = function () {
    return (navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || '']).join(',');
  };
  // The address to share (a sign-up link is built on it): this page without its #fragment.
  bridge.siteAddress = function () {
    return location.href.split('#')[0];
  };
  bridge.randomBytes = function (n) {
    return crypto.getRandomValues(new Uint8Array(n));
  };
  bridge.buildVersion = function () {
    const meta = document.querySelector('meta[name="linli-build"]');
    return meta ? meta.content : 'dev';
  };

  // ---------------------------------------------------------------- calling into the app

  // Calls fn with each string copied into wasm memory (freed afterwards).
  function withCStrings(strings, fn) {
    const m = bridge.module;
    const ptrs = strings.map((str) => {
      const size = m.lengthBytesUTF8(str) + 1;
      const ptr = m._malloc(size);
      m.stringToUTF8(str, ptr, size);
      return ptr;
    });
    try { return fn(...ptrs); } finally { ptrs.forEach((p) => m._free(p)); }
  }

  // Calls the app now if it is running, or as soon as it is (main.js's attach runs the
  // pending calls).
  const pendingCalls = [];
  function callApp(fn) {
    if (bridge.module && bridge.runtime) fn(bridge.module, bridge.runtime);
    else pendingCalls.push(fn);
  }

  // A script of this site loaded on first use (the scanner's decoder, the XLSX module).
  function loadScript(src) {
    return new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.onload = () => resolve();
      script.onerror = () => { script.remove(); reject(new Error(src + ' did not load')); };
      document.head.appendChild(script);
    });
  }

  Object.assign(internal, { $, showFatal, fitCanvas, withCStrings, callApp, pendingCalls, loadScript });
  window.linliBridge = bridge;
})();
