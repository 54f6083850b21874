// Linli page bridge: everything the WebAssembly app needs from the DOM.
//  - canvas sizing that follows the visual viewport (rotation, soft keyboard)
//  - fonts: the first subset fetched alongside the wasm, the full Chinese font on demand
//  - the soft-keyboard / IME bridge: a hidden textarea mirrors the ImGui field being edited
//  - the accessibility mirror: transparent ARIA elements over the canvas items
//  - small preferences (UI language) in localStorage
// Every URL is relative, so the site works under any sub-path.
(function () {
  'use strict';

  const FONT_URLS = ['fonts/latin.ttf', 'fonts/cjk-common.ttf'];
  const FULL_FONT_URL = 'fonts/cjk-full.ttf';
  const KEY_ENTER = 1, KEY_ESCAPE = 2, KEY_TAB = 3;

  const bridge = {
    module: null,
    runtime: 0,
    fonts: [null, null],
    fontsFailed: false,
    metrics: { navigationStart: 0, firstFrameMs: null, fontBytes: 0, fullFontMs: null, frames: [] },
    a11yNodes: [],
    a11yVersion: 0,
    // The field being edited: its ImGui id, IME state, and input sequence numbers.
    field: { id: 0, composing: false, seq: 0, sentForField: 0, unattached: false },
    errors: [],
  };

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

  // ---------------------------------------------------------------- fonts

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

  // ---------------------------------------------------------------- preferences

  bridge.getPref = function (key) {
    try { return localStorage.getItem('linli.' + key); } catch (e) { return null; }
  };
  bridge.setPref = function (key, value) {
    try { localStorage.setItem('linli.' + key, value); } catch (e) { /* private mode: not kept */ }
    if (key === 'language') document.documentElement.lang = value === 'en' ? 'en' : 'zh-CN';
  };
  bridge.browserLanguages = function () {
    return (navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || '']).join(',');
  };
  bridge.buildVersion = function () {
    const meta = document.querySelector('meta[name="linli-build"]');
    return meta ? meta.content : 'dev';
  };

  // ---------------------------------------------------------------- accessibility mirror

  const ROLE_TAGS = { button: 'button', textbox: 'input' };

  bridge.publishA11y = function (json) {
    let nodes;
    try { nodes = JSON.parse(json); } catch (e) { bridge.errors.push('a11y: ' + e); return; }
    const root = $('linli-a11y');
    const existing = new Map();
    for (const el of Array.from(root.children)) existing.set(el.dataset.key, el);
    const keep = new Set();
    let previous = null;
    for (const n of nodes) {
      const key = n.role + ':' + n.id;
      keep.add(key);
      let el = existing.get(key);
      if (!el) {
        el = document.createElement(ROLE_TAGS[n.role] || 'div');
        el.dataset.key = key;
        el.tabIndex = -1;
        if (n.role === 'textbox') el.type = 'text';
        else if (n.role === 'button') el.type = 'button';
        else el.setAttribute('role', n.role);
        el.addEventListener('click', onMirrorActivate);
      }
      el.dataset.id = String(n.id);
      el.style.left = n.x + 'px';
      el.style.top = n.y + 'px';
      el.style.width = n.w + 'px';
      el.style.height = n.h + 'px';
      el.setAttribute('aria-label', n.name);
      if (n.role === 'textbox') {
        if (el.value !== n.value) el.value = n.value;
        el.toggleAttribute('data-focused', !!n.focused);
      } else if (n.role === 'status') {
        if (el.textContent !== n.value) el.textContent = n.value;
      } else if (el.textContent !== n.name) {
        el.textContent = n.name;
      }
      if ('checked' in n) el.setAttribute('aria-checked', n.checked ? 'true' : 'false');
      if ('selected' in n) el.setAttribute('aria-selected', n.selected ? 'true' : 'false');
      // Document order follows the frame's order, so screen readers read top to bottom.
      const expectedNext = previous ? previous.nextSibling : root.firstChild;
      if (expectedNext !== el) root.insertBefore(el, expectedNext);
      previous = el;
    }
    for (const [key, el] of existing) if (!keep.has(key)) el.remove();
    bridge.a11yNodes = nodes;
    bridge.a11yVersion++;
  };

  // Assistive technology "clicks" a mirrored element: tap the item through the app.
  function onMirrorActivate(ev) {
    const r = ev.currentTarget.getBoundingClientRect();
    if (bridge.module) bridge.module._linli_a11y_activate(bridge.runtime, r.left + r.width / 2, r.top + r.height / 2);
  }

  function textFieldAt(x, y) {
    for (const n of bridge.a11yNodes) {
      if (n.role === 'textbox' && x >= n.x && y >= n.y && x < n.x + n.w && y < n.y + n.h) return n;
    }
    return null;
  }

  // ---------------------------------------------------------------- soft keyboard / IME

  function ime() { return $('linli-ime'); }

  function placeIme(x, y, w, h) {
    const ta = ime();
    ta.style.left = x + 'px';
    ta.style.top = y + 'px';
    ta.style.width = Math.max(w, 10) + 'px';
    ta.style.height = Math.max(h, 20) + 'px';
  }

  function sendText() {
    const m = bridge.module, f = bridge.field, ta = ime();
    if (!m || f.composing) return;
    if (!f.id) { f.unattached = true; return; } // typed before the app named the field
    f.seq++;
    f.sentForField = f.seq;
    const value = ta.value;
    withCStrings([value], (ptr) => m._linli_text_input(bridge.runtime, f.id, ptr, ta.selectionStart, ta.selectionEnd, f.seq));
    f.lastValue = value;
    f.lastStart = ta.selectionStart;
    f.lastEnd = ta.selectionEnd;
  }

  // The textarea now edits field id (whose current value is value).
  function attachField(id, value) {
    const f = bridge.field, ta = ime();
    f.id = id;
    f.composing = false;
    f.sentForField = 0;
    if (f.unattached) {
      f.unattached = false;
      sendText(); // what was typed in the meantime wins over the field's old value
      return false;
    }
    if (ta.value !== value) ta.value = value;
    ta.setSelectionRange(value.length, value.length);
    f.reported = { value, selStart: value.length, selEnd: value.length };
    return true;
  }

  function sendSelectionIfMoved() {
    const ta = ime(), f = bridge.field;
    if (document.activeElement !== ta || !f.id || f.composing) return;
    if (ta.value !== f.lastValue || ta.selectionStart !== f.lastStart || ta.selectionEnd !== f.lastEnd) sendText();
  }

  function sendKey(key) {
    if (bridge.module) bridge.module._linli_text_key(bridge.runtime, key);
  }

  // After a tap on a field the page attaches to it at once; until the app reports that
  // field active (a few frames later) reports about the previous field are stale.
  function awaitingTappedField(id) {
    const f = bridge.field;
    if (!f.tapped) return false;
    if (id === f.tapped || performance.now() > f.tappedUntil) { f.tapped = 0; return false; }
    return true;
  }

  bridge.showText = function (id, x, y, w, h, value, selStart, selEnd, applied) {
    const ta = ime(), f = bridge.field;
    if (awaitingTappedField(id)) return;
    placeIme(x, y, w, h);
    if (document.activeElement !== ta) ta.focus({ preventScroll: true });
    if (id !== f.id) {
      if (attachField(id, value)) f.reported = { value, selStart: value.length, selEnd: value.length };
      return;
    }
    if (f.composing || applied < f.sentForField) return; // the app has not caught up yet
    // Only what the app itself changed (a click moving the caret, a cleared field) goes
    // into the textarea: the textarea may hold a newer selection not yet sent.
    const before = f.reported || { value: '', selStart: -1, selEnd: -1 };
    if (value !== before.value && ta.value !== value) ta.value = value;
    if ((selStart !== before.selStart || selEnd !== before.selEnd) &&
        (ta.selectionStart !== selStart || ta.selectionEnd !== selEnd)) ta.setSelectionRange(selStart, selEnd);
    f.reported = { value, selStart, selEnd };
    f.lastValue = ta.value;
    f.lastStart = ta.selectionStart;
    f.lastEnd = ta.selectionEnd;
  };

  bridge.hideText = function () {
    const ta = ime();
    if (awaitingTappedField(-1)) return;
    bridge.field.id = 0;
    bridge.field.composing = false;
    bridge.field.unattached = false;
    if (document.activeElement === ta) ta.blur();
    ta.value = '';
    ta.style.top = '-200px';
  };

  function installImeHandlers() {
    const ta = ime();
    ta.addEventListener('compositionstart', () => { bridge.field.composing = true; });
    ta.addEventListener('compositionend', () => {
      bridge.field.composing = false;
      sendText(); // only the committed characters reach the field, never the pinyin
    });
    ta.addEventListener('input', (ev) => {
      if (ev.isComposing || bridge.field.composing) return;
      sendText();
    });
    // SDL listens for keys on window: keep the textarea's keys away from it, or they
    // would be typed twice (once by the textarea, once by SDL).
    const stop = (ev) => ev.stopPropagation();
    ta.addEventListener('keypress', stop);
    ta.addEventListener('keyup', (ev) => { ev.stopPropagation(); sendSelectionIfMoved(); });
    ta.addEventListener('keydown', (ev) => {
      ev.stopPropagation();
      if (ev.isComposing || ev.keyCode === 229) return; // the IME owns this key
      if (ev.key === 'Enter') { ev.preventDefault(); sendKey(KEY_ENTER); }
      else if (ev.key === 'Escape') { ev.preventDefault(); sendKey(KEY_ESCAPE); }
      else if (ev.key === 'Tab') { ev.preventDefault(); sendKey(KEY_TAB); }
    });
    document.addEventListener('selectionchange', sendSelectionIfMoved);
    // A press on the canvas would take focus from the textarea (closing the keyboard)
    // before the app knows whether the press is on the field being edited.
    $('canvas').addEventListener('mousedown', (ev) => {
      if (document.activeElement === ta) ev.preventDefault();
    }, true);
    // Focus must move inside the tap's own handler or iOS will not open the keyboard.
    window.addEventListener('pointerup', (ev) => {
      if (ev.target !== $('canvas')) return;
      const hit = textFieldAt(ev.clientX, ev.clientY);
      if (hit) {
        placeIme(hit.x, hit.y, hit.w, hit.h);
        if (document.activeElement !== ta) ta.focus({ preventScroll: true });
        if (hit.id !== bridge.field.id) attachField(hit.id, hit.value || '');
        bridge.field.tapped = hit.id;
        bridge.field.tappedUntil = performance.now() + 1000;
      } else if (document.activeElement === ta) {
        bridge.field.tapped = 0;
        ta.blur(); // tapping elsewhere closes the keyboard
      }
    }, true);
  }

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

  // Calls the app now if it is running, or as soon as it is.
  const pendingCalls = [];
  function callApp(fn) {
    if (bridge.module && bridge.runtime) fn(bridge.module, bridge.runtime);
    else pendingCalls.push(fn);
  }

  // ---------------------------------------------------------------- data (IndexedDB)

  const data = { state: 0, json: null, error: '', db: null, channel: null, persistAsked: false };
  bridge.data = data;

  function startDataLoad() {
    data.db = new window.LinliIdb();
    const t0 = performance.now();
    data.db.loadAll().then((records) => {
      const t1 = performance.now();
      bridge.metrics.idbLoadMs = t1 - t0;
      bridge.metrics.records = records.length;
      data.json = JSON.stringify(records);
      bridge.metrics.stringifyMs = performance.now() - t1;
      data.state = 1;
    }).catch((err) => {
      data.error = (err && (err.name + ': ' + err.message)) || String(err);
      data.state = -1;
    });
    if ('BroadcastChannel' in window) {
      data.channel = new BroadcastChannel('linli-docs');
      data.channel.onmessage = (ev) => {
        const records = ev.data && ev.data.records;
        if (!Array.isArray(records)) return;
        callApp((m, rt) => withCStrings([JSON.stringify(records)], (p) => m._linli_external_records(rt, p)));
      };
    }
  }

  bridge.dataState = () => data.state;
  bridge.takeData = function () {
    const json = data.json;
    data.json = null; // the app owns it now
    bridge.metrics.appLoadStart = performance.now();
    return json;
  };
  bridge.dataError = () => data.error;

  bridge.deviceTag = function () {
    let tag = bridge.getPref('device');
    if (!tag || !/^[a-z0-9]{8}$/.test(tag)) {
      const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
      const bytes = crypto.getRandomValues(new Uint8Array(8));
      tag = Array.from(bytes, (b) => alphabet[b % 36]).join('');
      bridge.setPref('device', tag);
    }
    return tag;
  };

  bridge.storeWrite = function (txn, batchJson) {
    const batch = JSON.parse(batchJson);
    const t0 = performance.now();
    data.db.write(batch).then(() => {
      callApp((m, rt) => m._linli_store_committed(rt, txn));
      // Durable latency: from the app's write to the app knowing it is stored.
      (bridge.metrics.durableMs = bridge.metrics.durableMs || []).push(performance.now() - t0);
      const records = batch.map((r) => [r.key, r.doc]);
      if (data.channel) data.channel.postMessage({ records });
      afterFirstSave();
    }).catch((err) => {
      const kind = err.kind === 'conflict' ? 1 : err.kind === 'quota' ? 2 : 3;
      const message = err.message || String(err);
      const stored = JSON.stringify(err.stored || []);
      bridge.errors.push('write failed: ' + message);
      callApp((m, rt) => withCStrings([message, stored], (a, b) => m._linli_store_failed(rt, txn, kind, a, b)));
    });
  };

  // Ask for persistent storage once the user has saved something worth keeping.
  function afterFirstSave() {
    if (!data.persistAsked && navigator.storage && navigator.storage.persist) {
      data.persistAsked = true;
      navigator.storage.persisted().then((already) => (already ? true : navigator.storage.persist()))
        .catch(() => false).then(refreshStorage);
    } else {
      refreshStorage();
    }
  }

  function refreshStorage() {
    if (!navigator.storage || !navigator.storage.estimate) return;
    Promise.all([navigator.storage.estimate(), navigator.storage.persisted ? navigator.storage.persisted() : false])
      .then(([estimate, persisted]) => {
        callApp((m, rt) => m._linli_storage_info(rt, estimate.usage || 0, estimate.quota || 0, persisted ? 1 : 0));
      }).catch(() => {});
  }

  // ---------------------------------------------------------------- files

  bridge.download = function (name, mime, content) {
    const blob = new Blob([content], { type: mime });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  };

  // A page to print (a building's checklist): a new window, or a download of the page
  // when the browser blocks the window.
  bridge.openPrintable = function (html) {
    const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
    const win = window.open(url, '_blank');
    if (!win) {
      bridge.download('checklist.html', 'text/html;charset=utf-8', html);
    }
    setTimeout(() => URL.revokeObjectURL(url), 120000);
  };

  const MAX_FILE_BYTES = 512 * 1024 * 1024;
  bridge.openFile = function (accept) {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    input.addEventListener('change', () => {
      const file = input.files && input.files[0];
      input.remove();
      if (!file) return;
      if (file.size > MAX_FILE_BYTES) {
        callApp((m, rt) => withCStrings([file.name + ': too large'], (p) => m._linli_file_failed(rt, p)));
        return;
      }
      // Bytes, not text: a roster may be GBK or UTF-16; the app decodes it.
      file.arrayBuffer().then((buffer) => {
        callApp((m, rt) => {
          const bytes = new Uint8Array(buffer);
          const ptr = m._malloc(Math.max(bytes.length, 1));
          m.HEAPU8.set(bytes, ptr); // the app frees it
          withCStrings([file.name], (a) => m._linli_file_opened(rt, a, ptr, bytes.length));
        });
      }).catch((err) => {
        callApp((m, rt) => withCStrings([String(err)], (p) => m._linli_file_failed(rt, p)));
      });
    });
    document.body.appendChild(input);
    input.click(); // within the tap's transient user activation
  };

  // ---------------------------------------------------------------- offline (service worker)

  function registerServiceWorker() {
    if (!('serviceWorker' in navigator) || location.protocol === 'file:') return;
    const hadController = !!navigator.serviceWorker.controller;
    navigator.serviceWorker.register('sw.js').then((reg) => {
      bridge.registration = reg;
      const offer = () => callApp((m, rt) => m._linli_update_available(rt));
      if (reg.waiting && hadController) offer();
      reg.addEventListener('updatefound', () => {
        const worker = reg.installing;
        if (!worker) return;
        worker.addEventListener('statechange', () => {
          // A first install just starts controlling; a new version waits to be asked.
          if (worker.state === 'installed' && navigator.serviceWorker.controller) offer();
        });
      });
      // Look for a new version when the app comes back to the foreground.
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') reg.update().catch(() => {});
      });
    }).catch((err) => bridge.errors.push('service worker: ' + err));
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      if (bridge.reloadOnControllerChange) location.reload();
    });
  }

  bridge.applyUpdate = function () {
    const reg = bridge.registration;
    if (!reg || !reg.waiting) { location.reload(); return; }
    const go = () => {
      if (data.db && data.db.inFlight > 0) { setTimeout(go, 50); return; } // finish saving first
      bridge.reloadOnControllerChange = true;
      reg.waiting.postMessage({ type: 'skip-waiting' });
    };
    go();
  };

  // ---------------------------------------------------------------- lifecycle

  bridge.attach = function (module, runtime) {
    bridge.module = module;
    bridge.runtime = runtime;
    while (pendingCalls.length) pendingCalls.shift()(module, runtime);
    refreshStorage();
  };

  bridge.firstFrame = function () {
    bridge.metrics.firstFrameMs = performance.now();
    if (bridge.metrics.appLoadStart) bridge.metrics.appLoadMs = bridge.metrics.firstFrameMs - bridge.metrics.appLoadStart;
    $('splash').classList.add('hidden');
    document.body.dataset.ready = '1';
  };

  bridge.createModule = function () {
    bridge.metrics.navigationStart = 0; // performance.now() counts from navigation start
    fitCanvas();
    startFontDownloads();
    startDataLoad();
    installImeHandlers();
    registerServiceWorker();
    window.addEventListener('resize', fitCanvas);
    window.addEventListener('orientationchange', () => setTimeout(fitCanvas, 100));
    if (window.visualViewport) window.visualViewport.addEventListener('resize', fitCanvas);
    window.addEventListener('error', (ev) => bridge.errors.push(String(ev.message)));
    if (!('WebGL2RenderingContext' in window)) {
      showFatal('此浏览器不支持 WebGL2，请升级浏览器。', 'This browser does not support WebGL2. Please update it.');
    }
    return {
      canvas: $('canvas'),
      locateFile: (path) => path, // relative to the page: sub-path hosting works
      print: (text) => console.log(text),
      printErr: (text) => console.warn(text),
      onAbort: (what) => {
        showFatal('程序出错，请重新加载。', 'The app stopped with an error. Please reload. (' + what + ')');
      },
    };
  };

  window.linliBridge = bridge;
})();
