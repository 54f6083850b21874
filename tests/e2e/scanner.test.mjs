// The camera scanner (shell/bridge/scanner.js) in Chromium with a fake camera: a QR code
// the app itself encoded and a Code 128 tube barcode are read and reach the app as
// linli_scanned; a refused camera, the close button and a decoder that cannot load reach
// it as linli_scan_failed (1, 2, 3). The decoder (this headless Chromium has no
// BarcodeDetector, so zxing-wasm) comes from this site only, and after one scan from the
// service worker's cache with the network off. Also the page's clipboard copy, site address
// and random bytes (bridge.copyText, siteAddress, randomBytes).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareZXingModule, writeBarcode } from 'zxing-wasm/writer';
import {
  CHROMIUM_ARGS, drawModules, launchBrowser, openApp, PHONE, poll, qrModules, ROOT, startServer, waitForReady, writeY4m,
} from './helpers.mjs';

const QR_TEXT = 'LLP-TEST-12345';
const TUBE_TEXT = 'T20220415-0042';
const FAKE_DEVICE = '--use-fake-device-for-media-stream';

let server, plain, dir, qrY4m, tubeY4m;

// A browser with a fake camera device but no fake permission prompt: the camera is refused
// unless the context grants it.
before(async () => {
  server = await startServer();
  plain = await launchBrowser({ args: [...CHROMIUM_ARGS, FAKE_DEVICE] });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-scanner-'));
  const { context, page } = await openApp(plain, server.url, PHONE);
  try {
    const qr = await qrModules(page, QR_TEXT);
    qrY4m = path.join(dir, 'qr.y4m');
    writeY4m(qrY4m, qr.gray, qr.width, qr.height);
  } finally {
    await context.close();
  }
  // The tube's Code 128, drawn by zxing-cpp's writer here in node (its wasm from node_modules).
  prepareZXingModule({ overrides: { wasmBinary: fs.readFileSync(path.join(ROOT, 'node_modules/zxing-wasm/dist/writer/zxing_writer.wasm')).buffer } });
  const tube = await writeBarcode(TUBE_TEXT, { format: 'Code128' });
  assert.equal(tube.error, '');
  const { width, height, data } = tube.symbol; // 0 = dark
  const dark = Uint8Array.from(data, (v) => (v < 128 ? 1 : 0));
  tubeY4m = path.join(dir, 'tube.y4m');
  writeY4m(tubeY4m, drawModules(dark, width, height, 640, 480, Math.floor(560 / width), Math.floor(200 / height)), 640, 480);
});
after(async () => {
  await plain?.close();
  await server?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function fakeCamera(y4m) {
  return launchBrowser({
    args: [...CHROMIUM_ARGS, FAKE_DEVICE, '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${y4m}`],
  });
}

// Records what the scanner tells the app (and still passes it on when the app has the
// functions): window.scans gets { text } or { kind }.
async function spyOnScanner(page) {
  await page.evaluate(() => {
    const m = window.linliBridge.module;
    const scanned = m._linli_scanned, failed = m._linli_scan_failed;
    window.scans = [];
    m._linli_scanned = (rt, p) => { window.scans.push({ text: m.UTF8ToString(p) }); if (scanned) scanned(rt, p); };
    m._linli_scan_failed = (rt, kind) => { window.scans.push({ kind }); if (failed) failed(rt, kind); };
  });
}

const scans = (page) => page.evaluate(() => window.scans);
const overlayCount = (page) => page.locator('#linli-scanner').count();
const liveTracks = (page) => page.evaluate(() => {
  const v = document.querySelector('#linli-scanner video');
  return v && v.srcObject ? v.srcObject.getTracks().filter((t) => t.readyState === 'live').length : 0;
});

// Starts the scanner and waits (bounded) for its first word to the app.
async function scanOnce(page, timeout = 30000) {
  await spyOnScanner(page);
  await page.evaluate(() => window.linliBridge.startScanner());
  const got = await poll('the scanner to call the app', async () => (await scans(page)).length > 0 && scans(page), { timeout });
  return got;
}

// Every request the context makes (pages and service worker), to check none leaves this machine.
function recordRequests(context) {
  const urls = [];
  context.on('request', (r) => urls.push(r.url()));
  return urls;
}
function assertLocalOnly(urls) {
  const away = urls.filter((u) => {
    const url = new URL(u);
    return !['data:', 'blob:'].includes(url.protocol) && !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  });
  assert.deepEqual(away, [], 'no request leaves the machine');
}

describe('camera scanner', () => {
  it('reads the QR code the app encodes; camera off, overlay gone; only this site asked; offline afterwards', async () => {
    const browser = await fakeCamera(qrY4m);
    try {
      const context = await browser.newContext({ ...PHONE, locale: 'zh-CN' });
      const urls = recordRequests(context);
      const page = await context.newPage();
      page.errors = [];
      page.on('pageerror', (err) => page.errors.push(String(err)));
      await page.goto(server.url);
      await waitForReady(page);
      // Controlled by the service worker first, so that it sees (and keeps) the decoder.
      await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 20000 });
      assert.equal(await page.evaluate(() => 'BarcodeDetector' in window), false, 'this Chromium has no BarcodeDetector (zxing-wasm is what is tested)');

      await spyOnScanner(page);
      await page.evaluate(() => window.linliBridge.startScanner());
      await page.locator('#linli-scanner video').waitFor({ state: 'attached', timeout: 5000 });
      assert.equal(await page.getByRole('button', { name: '关闭相机', exact: true }).count(), 1);
      await poll('the camera to stream', async () => (await liveTracks(page)) > 0, { timeout: 10000 });
      await page.screenshot({ path: path.join(ROOT, 'test-results', 'phone-scanner.png') });
      const got = await poll('the QR text', async () => (await scans(page)).length > 0 && scans(page), { timeout: 30000 });
      assert.deepEqual(got, [{ text: QR_TEXT }]);
      assert.equal(await overlayCount(page), 0, 'overlay removed');
      assert.equal(await page.evaluate(() => window.linliBridge.scannerOpen()), false);
      assert.match(await page.evaluate(() => window.linliBridge.scannerDecoder), /^zxing-wasm 2\./);
      assert.ok(urls.some((u) => u.endsWith('/scanner/zxing_reader.wasm')), 'the decoder came from this site');
      assert.ok(!urls.some((u) => /jsdelivr|unpkg/.test(u)));

      // The service worker kept the decoder (it is not in the precache).
      const cached = await poll('the decoder in the cache', () => page.evaluate(async () => {
        const name = (await caches.keys()).find((n) => n.startsWith('zxing-reader-'));
        if (!name) return null;
        const keys = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname);
        return keys.length >= 2 ? keys.sort() : null;
      }), { timeout: 10000 });
      assert.deepEqual(cached, ['/scanner/zxing_reader.js', '/scanner/zxing_reader.wasm']);
      const precached = await page.evaluate(async () => {
        const cache = await caches.open((await caches.keys()).find((n) => n.startsWith('linli-')));
        return (await cache.keys()).map((r) => new URL(r.url).pathname);
      });
      assert.ok(precached.includes('/bridge/scanner.js'));
      assert.ok(!precached.some((p) => p.startsWith('/scanner/')), 'the decoder is not precached');

      // No network: a fresh page reads the code again, the decoder from the cache.
      await context.setOffline(true);
      await page.reload();
      await waitForReady(page);
      assert.deepEqual(await scanOnce(page), [{ text: QR_TEXT }]);
      await context.setOffline(false);
      assertLocalOnly(urls);
      assert.deepEqual(page.errors, []);
      await context.close();
    } finally {
      await browser.close();
    }
  });

  it('reads a tube\'s Code 128 barcode', async () => {
    const browser = await fakeCamera(tubeY4m);
    try {
      const context = await browser.newContext({ ...PHONE, locale: 'zh-CN', serviceWorkers: 'block' });
      const urls = recordRequests(context);
      const page = await context.newPage();
      await page.goto(server.url);
      await waitForReady(page);
      assert.deepEqual(await scanOnce(page), [{ text: TUBE_TEXT }]);
      assert.equal(await overlayCount(page), 0);
      assertLocalOnly(urls);
      await context.close();
    } finally {
      await browser.close();
    }
  });

  it('a refused camera is kind 1, with no overlay left', async () => {
    const { context, page } = await openApp(plain, server.url, PHONE); // no camera permission
    try {
      const urls = recordRequests(context);
      assert.deepEqual(await scanOnce(page, 15000), [{ kind: 1 }]);
      assert.equal(await page.evaluate(() => window.linliBridge.scannerError), 'NotAllowedError');
      assert.equal(await overlayCount(page), 0);
      assertLocalOnly(urls);
    } finally {
      await context.close();
    }
  });

  it('the close button (English) is kind 2; stopScanner says nothing; a decoder that cannot load is kind 3', async () => {
    const { context, page } = await openApp(plain, server.url, { ...PHONE, permissions: ['camera'], serviceWorkers: 'block' });
    try {
      const urls = recordRequests(context);
      // The scanner speaks the page's language (<html lang>, which follows the app's).
      await page.evaluate(() => window.linliBridge.setDocumentLanguage('en'));
      await spyOnScanner(page);
      // Chromium's own fake picture holds no code: the scanner stays open until closed.
      await page.evaluate(() => window.linliBridge.startScanner());
      await poll('the camera to stream', async () => (await liveTracks(page)) > 0, { timeout: 10000 });
      const close = page.getByRole('button', { name: 'Close camera', exact: true });
      const box = await close.boundingBox();
      assert.ok(box.height >= 48 && box.width >= 48, `a large touch target (${box.width}x${box.height})`);
      await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
      await poll('kind 2', async () => (await scans(page)).length > 0, { timeout: 5000 });
      assert.deepEqual(await scans(page), [{ kind: 2 }]);
      assert.equal(await overlayCount(page), 0);

      await page.evaluate(() => window.linliBridge.startScanner());
      await poll('the camera to stream', async () => (await liveTracks(page)) > 0, { timeout: 10000 });
      const track = await page.evaluateHandle(() => document.querySelector('#linli-scanner video').srcObject.getTracks()[0]);
      await page.evaluate(() => window.linliBridge.stopScanner());
      assert.equal(await overlayCount(page), 0);
      assert.equal(await track.evaluate((t) => t.readyState), 'ended', 'the camera is off');
      await page.waitForTimeout(300);
      assert.deepEqual(await scans(page), [{ kind: 2 }], 'stopScanner tells the app nothing');

      // A fresh page whose decoder cannot be fetched.
      const other = await context.newPage();
      await other.route('**/scanner/zxing_reader.js', (route) => route.abort());
      await other.goto(server.url);
      await waitForReady(other);
      assert.deepEqual(await scanOnce(other, 15000), [{ kind: 3 }]);
      assert.equal(await overlayCount(other), 0);
      assert.equal(await liveTracks(other), 0);
      assertLocalOnly(urls);
    } finally {
      await context.close();
    }
  });

  it('copyText reaches the clipboard (Clipboard API, and the execCommand fallback); siteAddress drops the #fragment; randomBytes', async () => {
    const { context, page } = await openApp(plain, server.url, { ...PHONE, permissions: ['clipboard-read', 'clipboard-write'] });
    try {
      const read = () => page.evaluate(() => navigator.clipboard.readText());
      await page.evaluate(() => window.linliBridge.copyText('报名链接 https://example.org/#s=ABC'));
      await poll('the clipboard', async () => (await read()) === '报名链接 https://example.org/#s=ABC', { timeout: 5000 });
      // Where the Clipboard API refuses: a hidden textarea and execCommand('copy').
      await page.evaluate(() => {
        navigator.clipboard.writeText = () => Promise.reject(new DOMException('refused', 'NotAllowedError'));
        window.linliBridge.copyText('LLP-FALLBACK');
      });
      await poll('the clipboard (fallback)', async () => (await read()) === 'LLP-FALLBACK', { timeout: 5000 });
      assert.equal(await page.locator('body > textarea:not(#linli-ime)').count(), 0, 'the helper textarea is gone');

      await page.evaluate(() => { location.hash = 's=XYZ'; });
      assert.equal(await page.evaluate(() => window.linliBridge.siteAddress()), server.url);
      const bytes = await page.evaluate(() => [Array.from(window.linliBridge.randomBytes(8)), Array.from(window.linliBridge.randomBytes(8))]);
      assert.equal(bytes[0].length, 8);
      assert.notDeepEqual(bytes[0], bytes[1]);
    } finally {
      await context.close();
    }
  });
});
