// Linli page bridge, the part loaded last: wires the others. createModule (called by
// index.html before linli.js loads) starts the font downloads, the data load, the IME
// handlers and canvas sizing and returns emscripten's Module settings; attach is the
// app's first call (its runtime handle), firstFrame hides the splash and registers the
// service worker.
(function (bridge) {
  'use strict';

  const {
    $, showFatal, fitCanvas, pendingCalls, startFontDownloads, startDataLoad, startDraftLoad, refreshStorage,
    installImeHandlers, registerServiceWorker,
  } = bridge.internal;

  bridge.attach = function (module, runtime) {
    bridge.module = module;
    bridge.runtime = runtime;
    while (pendingCalls.length) pendingCalls.shift()(module, runtime);
    refreshStorage();
    bridge.internal.reportOnline();
  };

  bridge.firstFrame = function () {
    bridge.metrics.firstFrameMs = performance.now();
    if (bridge.metrics.appLoadStart) bridge.metrics.appLoadMs = bridge.metrics.firstFrameMs - bridge.metrics.appLoadStart;
    $('splash').classList.add('hidden');
    document.body.dataset.ready = '1';
    // Only now: the service worker's precache then finds the first frame's files in the
    // HTTP cache (revalidated, not downloaded twice) instead of competing with them.
    registerServiceWorker();
  };

  bridge.createModule = function () {
    bridge.metrics.navigationStart = 0; // performance.now() counts from navigation start
    fitCanvas();
    startFontDownloads();
    startDataLoad();
    startDraftLoad();
    installImeHandlers();
    window.addEventListener('resize', fitCanvas);
    window.addEventListener('orientationchange', () => setTimeout(fitCanvas, 100));
    if (window.visualViewport) window.visualViewport.addEventListener('resize', fitCanvas);
    window.addEventListener('error', (ev) => bridge.errors.push(String(ev.message)));
    // A sign-up link opened in a tab that already runs the app.
    window.addEventListener('hashchange', () => {
      const fragment = location.hash.replace(/^#/, '');
      bridge.internal.callApp((m, rt) => bridge.internal.withCStrings([fragment], (p) => m._linli_link_opened(rt, p)));
    });
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
})(window.linliBridge);

// The Emscripten module's settings, before linli.js (loaded async after this file) runs.
// Here, not in an inline <script>: the site's Content-Security-Policy allows none.
window.Module = window.linliBridge.createModule();
