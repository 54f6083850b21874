// Linli's start-up reader, a Web Worker: reads every record from IndexedDB (opened by
// shell/idb.js) beside the page's own start (the wasm's download and compile) and sends
// them to the page in batches as they are read: {chunk} is a UTF-8 JSON array
// [[key, doc], ...] of up to BATCH records, transferred, not copied; {done} ends the read,
// {error} says why it failed. The app parses each batch while the next one is read, holds
// one batch's text at a time, and the page's thread never turns records into text.
'use strict';
importScripts('idb.js');

const BATCH = 2000;

(async () => {
  const t0 = performance.now();
  let records = 0;
  let textMs = 0;
  try {
    const idb = new self.LinliIdb();
    const db = await idb.open();
    const encoder = new TextEncoder();
    await new Promise((resolve, reject) => {
      // One readonly transaction: the batches are one consistent snapshot.
      const tx = db.transaction('docs', 'readonly');
      const store = tx.objectStore('docs');
      const next = (range) => {
        const keys = store.getAllKeys(range, BATCH);
        const values = store.getAll(range, BATCH);
        values.onsuccess = () => {
          const k = keys.result;
          const v = values.result;
          // Asked for before this batch is turned into text, so the read goes on meanwhile.
          if (k.length === BATCH) next(IDBKeyRange.lowerBound(k[k.length - 1], true));
          const t = performance.now();
          const pairs = new Array(k.length);
          for (let i = 0; i < k.length; i++) pairs[i] = [String(k[i]), v[i]];
          const chunk = encoder.encode(JSON.stringify(pairs));
          textMs += performance.now() - t;
          records += k.length;
          if (k.length) postMessage({ chunk }, [chunk.buffer]);
        };
      };
      next(null);
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error || new Error('load aborted'));
    });
    db.close();
    postMessage({
      done: true, records, idbLoadMs: performance.now() - t0 - textMs, stringifyMs: textMs,
      startedAt: performance.timeOrigin + t0, // wall clock: the page's own clock differs
    });
  } catch (err) {
    postMessage({ error: (err && (err.name + ': ' + err.message)) || String(err) });
  }
})();
