// Linli page bridge: sync. The replicator's HTTP (fetch with the CouchDB session cookie,
// a timeout per request), the browser's online and offline events, and the sync password
// sealed with an AES-GCM key that cannot be exported, kept in its own IndexedDB database
// ("linli-keys"): what is stored is ciphertext; the key never leaves the browser.
(function (bridge) {
  'use strict';

  const { withCStrings, callApp } = bridge.internal;

  // ---------------------------------------------------------------- HTTP

  // Requests the site's Content-Security-Policy refused (connect-src): the app then says the
  // site was not published for that server, instead of "unreachable". The violation event
  // comes as its own task, after fetch has failed.
  const refusedOrigins = new Set();
  document.addEventListener('securitypolicyviolation', (e) => {
    if (e.effectiveDirective !== 'connect-src') return;
    try { refusedOrigins.add(new URL(e.blockedURI).origin); } catch (_) { /* not a URL */ }
  });
  function refusedByPolicy(url) {
    return new Promise((resolve) => setTimeout(resolve, 0)).then(() => {
      try { return refusedOrigins.has(new URL(url, location.href).origin); } catch (_) { return false; }
    });
  }

  bridge.httpSend = function (id, method, url, body, timeoutMs) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    // GETs never come from the HTTP cache. Writes (POST, PUT) are never served from it
    // anyway, and for them the default mode keeps Chromium's CORS preflight cache: with
    // 'no-store' (or 'no-cache') every cross-origin POST and PUT was preflighted again,
    // two round trips per _bulk_get, _bulk_docs, _revs_diff or checkpoint instead of one.
    const cache = method === 'GET' || method === 'HEAD' ? 'no-store' : 'default';
    const init = { method, credentials: 'include', signal: controller.signal, cache, headers: { Accept: 'application/json' } };
    if (body) {
      init.body = body;
      init.headers['Content-Type'] = 'application/json';
    }
    const t0 = performance.now();
    fetch(url, init).then(async (response) => {
      const text = await response.text();
      return [response.status, text, ''];
    }).catch(async (err) => [0, '', controller.signal.aborted ? 'timed out'
      : (await refusedByPolicy(url)) ? 'blocked-by-csp' : String((err && err.message) || err)])
      .then(([status, text, error]) => {
        clearTimeout(timer);
        const m = bridge.metrics;
        m.syncRequests = (m.syncRequests || 0) + 1;
        m.syncBytesSent = (m.syncBytesSent || 0) + (body ? body.length : 0) + url.length;
        m.syncBytesReceived = (m.syncBytesReceived || 0) + text.length;
        m.syncLastMs = performance.now() - t0;
        callApp((mod, rt) => withCStrings([text, error], (t, e) => mod._linli_http_done(rt, id, status, t, e)));
      });
  };

  function reportOnline() {
    callApp((m, rt) => m._linli_online(rt, navigator.onLine ? 1 : 0));
  }
  window.addEventListener('online', reportOnline);
  window.addEventListener('offline', reportOnline);

  // ---------------------------------------------------------------- the sealed password

  const KEYS_DB = 'linli-keys';
  const KEYS = 'keys';

  function keysDb() {
    return new Promise((resolve, reject) => {
      const request = indexedDB.open(KEYS_DB, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(KEYS);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }

  function keyOp(mode, fn) {
    return keysDb().then((db) => new Promise((resolve, reject) => {
      const tx = db.transaction(KEYS, mode);
      const result = fn(tx.objectStore(KEYS));
      tx.oncomplete = () => { db.close(); resolve(result && result.result); };
      tx.onerror = () => { db.close(); reject(tx.error); };
    }));
  }

  async function sealKey(create) {
    const existing = await keyOp('readonly', (store) => store.get('sync-password'));
    if (existing || !create) return existing || null;
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    await keyOp('readwrite', (store) => store.put(key, 'sync-password'));
    return key;
  }

  function toBase64(bytes) { return btoa(String.fromCharCode(...bytes)); }
  function fromBase64(text) { return Uint8Array.from(atob(text), (c) => c.charCodeAt(0)); }

  bridge.seal = function (text) {
    (async () => {
      const key = await sealKey(true);
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(text)));
      return 'aesgcm1:' + toBase64(iv) + ':' + toBase64(sealed);
    })().then((sealed) => {
      callApp((m, rt) => withCStrings([sealed], (p) => m._linli_sealed(rt, p)));
    }).catch((err) => bridge.errors.push('seal: ' + err));
  };

  bridge.unseal = function (sealed) {
    (async () => {
      const [scheme, iv, data] = sealed.split(':');
      const key = await sealKey(false);
      if (scheme !== 'aesgcm1' || !key) throw new Error('no key');
      const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(iv) }, key, fromBase64(data));
      return new TextDecoder().decode(plain);
    })().then((text) => {
      callApp((m, rt) => withCStrings([text], (p) => m._linli_unsealed(rt, 1, p)));
    }).catch(() => {
      callApp((m, rt) => withCStrings([''], (p) => m._linli_unsealed(rt, 0, p)));
    });
  };

  bridge.internal.reportOnline = reportOnline;
})(window.linliBridge);
