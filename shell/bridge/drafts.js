// Linli page bridge: drafts. The form being filled in, as the app describes it (JSON text,
// src/ui/shell/drafts.hpp), is kept in its own IndexedDB database ('linli-drafts') as it is
// typed, each write with strict durability, so that a killed tab, a crash or an update's
// reload loses nothing typed. Read at start and handed to the app once (takeDraft).
(function (bridge) {
  'use strict';

  const DB = 'linli-drafts';
  const STORE = 'drafts';
  const KEY = 'open-form';
  // state: 0 reading, 1 read; next: the newest text not yet written (null: none).
  const drafts = { state: 0, text: '', db: null, next: null, writing: false };

  // One write at a time; while it is in flight only the newest text waits behind it.
  function writeNext() {
    if (drafts.writing || drafts.next === null || !drafts.db) return;
    const text = drafts.next;
    drafts.next = null;
    drafts.writing = true;
    const done = () => { drafts.writing = false; writeNext(); };
    try {
      const tx = drafts.db.transaction(STORE, 'readwrite', { durability: 'strict' });
      if (text) tx.objectStore(STORE).put(text, KEY);
      else tx.objectStore(STORE).delete(KEY);
      tx.oncomplete = done;
      tx.onabort = done; // e.g. the disk is full: the form itself is still open
    } catch (e) {
      done();
    }
  }

  function startDraftLoad() {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onerror = () => { drafts.state = 1; };
    request.onsuccess = () => {
      drafts.db = request.result;
      try {
        const get = drafts.db.transaction(STORE, 'readonly').objectStore(STORE).get(KEY);
        get.onsuccess = () => {
          drafts.text = typeof get.result === 'string' ? get.result : '';
          drafts.state = 1;
          writeNext();
        };
        get.onerror = () => { drafts.state = 1; writeNext(); };
      } catch (e) {
        drafts.state = 1;
      }
    };
  }

  bridge.draftState = () => drafts.state;
  bridge.takeDraft = function () {
    const text = drafts.text;
    drafts.text = '';
    return text;
  };
  bridge.saveDraft = function (text) {
    drafts.next = text;
    writeNext();
  };
  // An update waits for this as for the documents' writes.
  bridge.draftsPending = () => drafts.writing || drafts.next !== null;

  bridge.internal.startDraftLoad = startDraftLoad;
})(window.linliBridge);
