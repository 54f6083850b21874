// Linli's own small IndexedDB layer (not IDBFS, not emscripten_idb_*).
//
// Database "linli" (version 1), object store "docs": one record per document, the key is
// the document's _id and the value is the document itself as a plain object (_id, _rev,
// _revisions, fields), so any IndexedDB viewer shows it. Everything is read in one
// readonly transaction at start; each user action is one readwrite transaction that
// first checks every record still has the _rev the edit was based on (so two tabs never
// silently overwrite each other) and is reported saved only from `oncomplete`.
(function () {
  'use strict';

  const DB_NAME = 'linli';
  const DB_VERSION = 1;
  const DOCS = 'docs';

  class WriteError extends Error {
    constructor(kind, message, stored) {
      super(message);
      this.kind = kind; // 'conflict' | 'quota' | 'other'
      this.stored = stored || [];
    }
  }

  function errorKind(err) {
    const name = err && err.name;
    if (name === 'QuotaExceededError') return 'quota';
    return 'other';
  }

  class LinliIdb {
    constructor() {
      this.db = null;
      this.opening = null;
      this.inFlight = 0;
      this.onExternalClose = null;
    }

    open() {
      if (this.db) return Promise.resolve(this.db);
      if (this.opening) return this.opening;
      this.opening = new Promise((resolve, reject) => {
        let request;
        try {
          request = indexedDB.open(DB_NAME, DB_VERSION);
        } catch (e) {
          reject(e);
          return;
        }
        request.onupgradeneeded = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains(DOCS)) db.createObjectStore(DOCS);
        };
        request.onsuccess = () => {
          const db = request.result;
          // The browser may close the connection (Safari does, on memory pressure or when
          // storage is cleared); the next use reopens it.
          db.onclose = () => { if (this.db === db) this.db = null; };
          db.onversionchange = () => { db.close(); if (this.db === db) this.db = null; };
          this.db = db;
          this.opening = null;
          resolve(db);
        };
        request.onerror = () => { this.opening = null; reject(request.error); };
        request.onblocked = () => { /* another tab holds an old version; onsuccess follows */ };
      });
      return this.opening;
    }

    // All records as [[key, value], ...] from one readonly transaction.
    async loadAll() {
      const db = await this.open();
      return new Promise((resolve, reject) => {
        const tx = db.transaction(DOCS, 'readonly');
        const store = tx.objectStore(DOCS);
        // getAll alone is enough when every value names its key (_id); the keys are read
        // too only when some value cannot, so that the app can say which record is bad.
        let keys = null, values;
        store.getAll().onsuccess = (e) => {
          values = e.target.result;
          if (values.some((v) => !v || typeof v !== 'object' || typeof v._id !== 'string')) {
            store.getAllKeys().onsuccess = (k) => { keys = k.target.result; };
          }
        };
        tx.oncomplete = () => resolve(values.map((v, i) => [keys ? String(keys[i]) : v._id, v]));
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error || new Error('load aborted'));
      });
    }

    // batch: [{key, expect, doc}]; resolves when durable, rejects with a WriteError.
    async write(batch) {
      this.inFlight++;
      try {
        try {
          return await this.writeOnce(await this.open(), batch);
        } catch (e) {
          if (e instanceof WriteError) throw e;
          // A connection closed under us (InvalidStateError): reopen once and retry.
          this.db = null;
          return await this.writeOnce(await this.open(), batch);
        }
      } finally {
        this.inFlight--;
      }
    }

    writeOnce(db, batch) {
      return new Promise((resolve, reject) => {
        let tx;
        try {
          tx = db.transaction(DOCS, 'readwrite', { durability: 'strict' });
        } catch (e) {
          reject(e); // not a WriteError: write() reopens and retries
          return;
        }
        const store = tx.objectStore(DOCS);
        const conflicts = [];
        let failure = null;
        // Each record's get and put go in together: requests run in order, so the get
        // sees the record as it was, and a mismatch aborts the whole transaction (puts
        // included) before it commits. The puts do not wait for the gets' callbacks, which
        // queue behind the app's frames on a busy page.
        for (const { key, expect, doc } of batch) {
          if (failure) break;
          const get = store.get(key);
          get.onsuccess = () => {
            if (failure) return;
            const existing = get.result;
            const storedRev = existing && typeof existing === 'object' && typeof existing._rev === 'string' ? existing._rev : null;
            if (storedRev !== (expect === undefined ? null : expect)) {
              conflicts.push([key, existing]);
              failure = 'conflict';
              tx.abort(); // nothing of this action is written
            }
          };
          try {
            store.put(doc, key);
          } catch (e) {
            failure = e;
            tx.abort();
          }
        }
        tx.oncomplete = () => resolve();
        tx.onabort = () => {
          if (failure === 'conflict') {
            reject(new WriteError('conflict', 'changed elsewhere', conflicts.filter(([, v]) => v && typeof v === 'object')));
          } else {
            const err = tx.error || failure || new Error('transaction aborted');
            reject(new WriteError(errorKind(err), (err.name ? err.name + ': ' : '') + (err.message || ''), []));
          }
        };
      });
    }
  }

  self.LinliIdb = LinliIdb; // self: the page, or the start-up reader (shell/load_worker.js)
  self.LinliIdb.WriteError = WriteError;
})();
