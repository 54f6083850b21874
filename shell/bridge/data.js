// Linli page bridge: data. Hands the documents read from IndexedDB (shell/idb.js) to the
// app at start, writes the app's batches and reports each outcome (saved, or failed with
// a WriteError code), passes other tabs' writes on (BroadcastChannel 'linli-docs'), asks
// for persistent storage after the first save and reports usage and quota, and keeps
// this browser's device tag.
(function (bridge) {
  'use strict';

  const { withCStrings, callApp } = bridge.internal;

  // Why a write failed, as the app's linli_store_failed reads it. The C++ side mirrors
  // these numbers in src/platform/web/main.cpp (enum class JsWriteError): change both.
  const WriteError = Object.freeze({ Conflict: 1, Quota: 2, Other: 3 });

  // The code for an error from LinliIdb.write (its kind: 'conflict' | 'quota' | 'other').
  function writeErrorCode(err) {
    switch (err && err.kind) {
      case 'conflict': return WriteError.Conflict;
      case 'quota': return WriteError.Quota;
      default: return WriteError.Other;
    }
  }

  // chunks: batches of records as UTF-8 JSON arrays ([[key, doc], ...]) not yet taken by
  // the app (takeDataChunk); state: 0 reading, 1 every batch is here, -1 failed (error).
  const data = { state: 0, chunks: [], error: '', db: null, channel: null, persistAsked: false };
  bridge.data = data;

  function dataRead(report) {
    Object.assign(bridge.metrics, { idbLoadMs: report.idbLoadMs, records: report.records, stringifyMs: report.stringifyMs });
    if (report.startedAt) bridge.metrics.readStartMs = report.startedAt - performance.timeOrigin;
    bridge.metrics.dataReadyAt = performance.now();
    data.state = 1;
  }

  // The same read on the page's own thread, where a worker cannot read IndexedDB. Batches
  // the app took already come again: loading a record twice changes nothing.
  function readOnPage() {
    data.chunks = [];
    const t0 = performance.now();
    data.db.loadAll().then((records) => {
      const t1 = performance.now();
      data.chunks.push(new TextEncoder().encode(JSON.stringify(records)));
      dataRead({ records: records.length, idbLoadMs: t1 - t0, stringifyMs: performance.now() - t1 });
    }).catch((err) => {
      data.error = (err && (err.name + ': ' + err.message)) || String(err);
      data.state = -1;
    });
  }

  function startDataLoad() {
    data.db = new window.LinliIdb();
    // The page's own connection, for writes: opened now, so that the first save does not
    // wait for it (a failure here shows at that save, which reopens).
    data.db.open().catch(() => {});
    // The read runs in shell/load_worker.js beside the wasm's download and compile.
    let worker = null;
    try {
      worker = new Worker('load_worker.js');
    } catch (e) { /* no workers here: the page reads itself */ }
    if (!worker) {
      readOnPage();
    } else {
      worker.onmessage = (ev) => {
        const m = ev.data || {};
        if (m.chunk) {
          data.chunks.push(m.chunk);
          return;
        }
        worker.terminate();
        if (m.done) dataRead(m);
        else readOnPage(); // e.g. IndexedDB refused in workers: the page tries itself
      };
      worker.onerror = (ev) => { ev.preventDefault(); worker.terminate(); readOnPage(); };
    }
    if ('BroadcastChannel' in window) {
      data.channel = new BroadcastChannel('linli-docs');
      data.channel.onmessage = (ev) => {
        const records = ev.data && ev.data.records;
        if (!Array.isArray(records)) return;
        callApp((m, rt) => withCStrings([JSON.stringify(records)], (p) => m._linli_external_records(rt, p)));
      };
    }
  }

  bridge.dataState = function () {
    // When the app first asked: from then on, a read not yet done delays its start.
    if (bridge.metrics.firstDataPoll === undefined) bridge.metrics.firstDataPoll = performance.now();
    return data.state;
  };
  // The next chunk of records (a Uint8Array of UTF-8 JSON), or null when all were taken.
  bridge.takeDataChunk = function () {
    if (bridge.metrics.appLoadStart === undefined) bridge.metrics.appLoadStart = performance.now();
    return data.chunks.length ? data.chunks.shift() : null; // the app owns it now
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
      // Durable latency: from the app's write to the app being told it is stored.
      (bridge.metrics.durableMs = bridge.metrics.durableMs || []).push(performance.now() - t0);
      callApp((m, rt) => m._linli_store_committed(rt, txn));
      const records = batch.map((r) => [r.key, r.doc]);
      if (data.channel) data.channel.postMessage({ records });
      afterFirstSave();
    }).catch((err) => {
      const kind = writeErrorCode(err);
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

  bridge.WriteError = WriteError;
  Object.assign(bridge.internal, { startDataLoad, refreshStorage });
})(window.linliBridge);
