// Linli page bridge: the camera scanner (a post's check-in QR code, a tube's Code 128
// barcode). startScanner opens a full-screen overlay above the canvas with the back
// camera, a hint and a close button; every INTERVAL_MS it decodes a frame, with the
// browser's BarcodeDetector when it reads QR codes, else with zxing-cpp (the zxing-wasm
// package's reader, scanner/zxing_reader.{js,wasm}: loaded on the first start, never from
// a CDN, cached by the service worker once fetched). The first text read closes it and
// goes to the app (linli_scanned); otherwise linli_scan_failed says why (FAILED_*).
// stopScanner closes it without a word to the app.
(function (bridge) {
  'use strict';

  const { withCStrings, callApp, loadScript } = bridge.internal;

  // linli_scan_failed's kinds.
  const FAILED_CAMERA = 1; // refused or absent (or no camera API: insecure page, old browser)
  const FAILED_CLOSED = 2; // closed by the user before anything was read
  const FAILED_DECODER = 3; // the decoder could not be loaded
  const INTERVAL_MS = 150;
  const MAX_SIDE = 1280; // frames are decoded at most this large (phones film 1920x1080)

  let open = null; // the open scanner's session, or null
  let zxingLoad = null; // Promise of the zxing-wasm reader (window.ZXingWASM), once asked

  const zh = () => (document.documentElement.lang || '').toLowerCase().startsWith('zh');

  // ---------------------------------------------------------------- decoders

  // The zxing-wasm reader with its .wasm from this site (its default is jsDelivr).
  function loadZxing() {
    if (!zxingLoad) {
      const wasmUrl = new URL('scanner/zxing_reader.wasm', document.baseURI).href;
      zxingLoad = (window.ZXingWASM ? Promise.resolve() : loadScript('scanner/zxing_reader.js'))
        .then(() => {
          const z = window.ZXingWASM;
          if (!z || !z.prepareZXingModule) throw new Error('scanner/zxing_reader.js defines no ZXingWASM');
          return Promise.resolve(z.prepareZXingModule({
            overrides: { locateFile: (path, prefix) => (path.endsWith('.wasm') ? wasmUrl : prefix + path) },
            fireImmediately: true, // instantiate now: a failure shows at start, not at the first frame
          })).then(() => z);
        });
      zxingLoad.catch(() => { zxingLoad = null; }); // the next start tries again
    }
    return zxingLoad;
  }

  // A function (canvas, 2d context) -> Promise of the text read, or null.
  async function makeDecoder() {
    if ('BarcodeDetector' in window) {
      try {
        const supported = await window.BarcodeDetector.getSupportedFormats();
        if (supported.includes('qr_code')) {
          const detector = new window.BarcodeDetector({
            formats: ['qr_code', 'code_128'].filter((f) => supported.includes(f)),
          });
          bridge.scannerDecoder = 'BarcodeDetector';
          return async (canvas) => {
            const found = (await detector.detect(canvas)).find((c) => c.rawValue);
            return found ? found.rawValue : null;
          };
        }
      } catch (e) { /* no usable detector: zxing below */ }
    }
    const z = await loadZxing();
    const options = { formats: ['QRCode', 'Code128'], tryHarder: true, maxNumberOfSymbols: 1 };
    bridge.scannerDecoder = 'zxing-wasm ' + z.ZXING_WASM_VERSION;
    return async (canvas, ctx) => {
      const results = await z.readBarcodes(ctx.getImageData(0, 0, canvas.width, canvas.height), options);
      const found = results.find((r) => r.isValid !== false && r.text);
      return found ? found.text : null;
    };
  }

  // ---------------------------------------------------------------- the overlay

  function buildOverlay(session) {
    const overlay = document.createElement('div');
    overlay.id = 'linli-scanner';
    overlay.setAttribute('role', 'dialog');
    overlay.setAttribute('aria-modal', 'true');
    overlay.setAttribute('aria-label', zh() ? '扫码' : 'Scan a code');
    const video = document.createElement('video');
    video.muted = true;
    video.autoplay = true;
    video.playsInline = true;
    video.setAttribute('playsinline', ''); // iOS: not full screen on play
    video.setAttribute('aria-hidden', 'true');
    const guide = document.createElement('div');
    guide.className = 'linli-scanner-guide';
    const hint = document.createElement('div');
    hint.className = 'linli-scanner-hint';
    hint.textContent = zh() ? '将二维码或条形码对准框内' : 'Hold the QR code or barcode inside the frame';
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'linli-scanner-close';
    close.textContent = zh() ? '关闭相机' : 'Close camera';
    close.addEventListener('click', () => finish(session, FAILED_CLOSED));
    overlay.append(video, guide, hint, close);
    document.body.appendChild(overlay);
    // Keys belong to the overlay while it is open (SDL listens on the window): Escape
    // closes it, Tab and Enter work on its button.
    session.onKey = (event) => {
      event.stopPropagation();
      if (event.type === 'keydown' && event.key === 'Escape') {
        event.preventDefault();
        finish(session, FAILED_CLOSED);
      }
    };
    document.addEventListener('keydown', session.onKey, true);
    document.addEventListener('keyup', session.onKey, true);
    close.focus({ preventScroll: true });
    Object.assign(session, { overlay, video, canvas: document.createElement('canvas') });
  }

  function stopTracks(stream) {
    stream.getTracks().forEach((t) => t.stop());
  }

  // Ends a session once: camera off, overlay gone, then the app hears the text or the kind
  // of failure (kind 0 and no text: nothing).
  function finish(session, kind, text) {
    if (session.done) return;
    session.done = true;
    if (open === session) open = null;
    clearTimeout(session.timer);
    if (session.stream) stopTracks(session.stream);
    if (session.video) session.video.srcObject = null;
    if (session.overlay) session.overlay.remove();
    if (session.onKey) {
      document.removeEventListener('keydown', session.onKey, true);
      document.removeEventListener('keyup', session.onKey, true);
    }
    if (typeof text === 'string') {
      callApp((m, rt) => withCStrings([text], (p) => m._linli_scanned(rt, p)));
    } else if (kind) {
      callApp((m, rt) => m._linli_scan_failed(rt, kind));
    }
  }

  function schedule(session) {
    if (!session.done) session.timer = setTimeout(() => tick(session), INTERVAL_MS);
  }

  // One frame: drawn to the canvas, decoded; the next one is asked for when this one is done.
  function tick(session) {
    session.timer = 0;
    const video = session.video;
    if (session.done) return;
    if (!session.decode || video.readyState < 2 || !video.videoWidth) { schedule(session); return; }
    const scale = Math.min(1, MAX_SIDE / Math.max(video.videoWidth, video.videoHeight));
    const w = Math.round(video.videoWidth * scale);
    const h = Math.round(video.videoHeight * scale);
    const canvas = session.canvas;
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
      session.ctx = null;
    }
    if (!session.ctx) session.ctx = canvas.getContext('2d', { willReadFrequently: true });
    session.ctx.drawImage(video, 0, 0, w, h);
    session.decode(canvas, session.ctx).then((text) => {
      if (session.done) return;
      if (text) finish(session, 0, text);
      else schedule(session);
    }, (err) => {
      bridge.scannerError = String(err); // a bad frame: try the next one
      schedule(session);
    });
  }

  // ---------------------------------------------------------------- the bridge

  bridge.startScanner = function () {
    if (open) return; // already open
    const session = { done: false, stream: null, timer: 0, decode: null };
    open = session;
    bridge.scannerError = '';
    const media = navigator.mediaDevices;
    if (!window.isSecureContext || !media || !media.getUserMedia) {
      bridge.scannerError = 'no camera API (insecure page or old browser)';
      finish(session, FAILED_CAMERA);
      return;
    }
    buildOverlay(session);
    media.getUserMedia({ video: { facingMode: 'environment' }, audio: false }).then((stream) => {
      if (session.done) { stopTracks(stream); return; }
      session.stream = stream;
      session.video.srcObject = stream;
      session.video.play().catch(() => { /* autoplay of a muted video: the frames come anyway */ });
      schedule(session);
    }, (err) => {
      // NotAllowedError (refused), NotFoundError (no camera), NotReadableError (in use), ...
      bridge.scannerError = (err && err.name) || String(err);
      finish(session, FAILED_CAMERA);
    });
    makeDecoder().then((decode) => { session.decode = decode; }, (err) => {
      bridge.scannerError = 'decoder: ' + err;
      finish(session, FAILED_DECODER);
    });
  };

  bridge.stopScanner = function () {
    if (open) finish(open, 0);
  };

  bridge.scannerOpen = () => !!open;
})(window.linliBridge);
