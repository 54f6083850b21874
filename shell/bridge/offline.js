// Linli page bridge: offline. Registers the service worker (shell/sw.js precaches the
// whole build), offers the app a reload when a new build is waiting, and applies it only
// after the pending writes are saved.
(function (bridge) {
  'use strict';

  const { callApp } = bridge.internal;

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

  // Reloads into the waiting version once nothing is being saved: the documents' writes
  // and the open form's draft (a reload with a write in flight could lose it).
  bridge.applyUpdate = function () {
    const go = () => {
      const db = bridge.data && bridge.data.db;
      if ((db && db.inFlight > 0) || bridge.draftsPending()) { setTimeout(go, 50); return; }
      const reg = bridge.registration;
      if (!reg || !reg.waiting) { location.reload(); return; }
      bridge.reloadOnControllerChange = true;
      reg.waiting.postMessage({ type: 'skip-waiting' });
    };
    setTimeout(go, 0); // after this frame, whose own writes go out when it ends
  };

  bridge.internal.registerServiceWorker = registerServiceWorker;
})(window.linliBridge);
