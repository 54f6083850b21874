// Benchmark (prints numbers, asserts nothing): what a first visit downloads and how soon the
// first frame comes, in headless Chromium at phone and laptop sizes, 5 loads each (short
// mode: 3). The bytes are counted on the wire: the browser talks to serve.py (gzip, as a
// static host) through a counting proxy, so the service worker's precache is counted too.
// Printed: the site's files with their gzip sizes, what a new phone user fetched before the
// first frame (target < 600 KB) and in the first 10 s (target < 800 KB), and the times.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { launchBrowser, LAPTOP, openApp, PHONE, ROOT, startServer } from '../e2e/helpers.mjs';
import { announce, size } from './mode.mjs';

announce(import.meta.url);
const RUNS = Number(size('RUNS', 3, 5));
const FIRST_VISIT_WINDOW_MS = 10_000;
const dist = path.join(ROOT, 'dist');
const build = JSON.parse(fs.readFileSync(path.join(dist, 'build.json'), 'utf8'));
const lazy = new Set(build.on_first_use || []); // fetched when first needed (font slices, scanner)

console.log('file                          bytes      gzip');
for (const file of [...build.files, ...build.on_first_use.filter((f) => !/cjk-\d+\.ttf$/.test(f) || f.endsWith('cjk-01.ttf'))]) {
  const data = fs.readFileSync(path.join(dist, file));
  const gz = zlib.gzipSync(data, { level: 9 }).length;
  console.log(`${file.padEnd(26)} ${String(data.length).padStart(9)} ${String(gz).padStart(9)}${lazy.has(file) ? '  (on first use)' : ''}`);
}
const slices = build.on_first_use.filter((f) => /cjk-\d+\.ttf$/.test(f)).map((f) => zlib.gzipSync(fs.readFileSync(path.join(dist, f)), { level: 9 }).length);
console.log(`font slices on first use: ${slices.length}, gzip ${Math.min(...slices)}-${Math.max(...slices)} bytes each, median ${[...slices].sort((a, b) => a - b)[slices.length >> 1]}`);
console.log(`wasm: ${fs.statSync(path.join(dist, 'linli.wasm')).size} bytes`);

// A proxy in front of serve.py that notes every response: its path, the bytes on the wire
// (headers and body as sent, gzip included) and when it ended.
async function countingProxy(target) {
  const log = [];
  const proxy = http.createServer((req, res) => {
    const upstream = http.request(new URL(req.url, target), { method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode, up.rawHeaders);
      let bytes = up.rawHeaders.reduce((n, h) => n + h.length + 2, 20);
      up.on('data', (chunk) => { bytes += chunk.length; res.write(chunk); });
      up.on('end', () => { res.end(); log.push({ path: req.url, bytes, at: Date.now() }); });
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${proxy.address().port}/`, log, close: () => proxy.close() };
}

const kb = (n) => `${(n / 1000).toFixed(0)} KB`;
const server = await startServer();
const browser = await launchBrowser();
try {
  // A new phone user: empty cache, no service worker, an empty roster.
  {
    const proxy = await countingProxy(server.url);
    const t0 = Date.now();
    const { page, context } = await openApp(browser, proxy.url, PHONE);
    // The first frame in wall-clock time (the page's clock starts at its navigation).
    const firstFrameAt = await page.evaluate(() => performance.timeOrigin + window.linliBridge.metrics.firstFrameMs);
    await page.waitForTimeout(Math.max(0, t0 + FIRST_VISIT_WINDOW_MS - Date.now()));
    const byPath = new Map();
    for (const r of proxy.log) {
      const e = byPath.get(r.path) || { bytes: 0, n: 0, last: 0 };
      byPath.set(r.path, { bytes: e.bytes + r.bytes, n: e.n + 1, last: Math.max(e.last, r.at - t0) });
    }
    console.log('first visit on the wire (phone): path, bytes, requests, last ended at');
    for (const [p, e] of [...byPath].sort((a, b) => b[1].bytes - a[1].bytes)) {
      console.log(`  ${p.padEnd(30)} ${String(e.bytes).padStart(9)}  x${e.n}  ${e.last} ms`);
    }
    const sum = (rs) => rs.reduce((n, r) => n + r.bytes, 0);
    const before = sum(proxy.log.filter((r) => r.at <= firstFrameAt));
    const within = sum(proxy.log.filter((r) => r.at <= t0 + FIRST_VISIT_WINDOW_MS));
    console.log(`first visit, before the first frame: ${kb(before)} (target < 600 KB)`);
    console.log(`first visit, first 10 s with the service worker's precache: ${kb(within)} (target < 800 KB)`);
    await context.close();
    proxy.close();
  }
  for (const [name, options] of [['phone 390x844 DPR3', PHONE], ['laptop 1280x800 DPR1', LAPTOP]]) {
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      const { page, context } = await openApp(browser, server.url, options);
      times.push(await page.evaluate(() => window.linliBridge.metrics.firstFrameMs));
      await context.close();
    }
    times.sort((a, b) => a - b);
    console.log(`navigation to first frame, ${name}: median ${times[Math.floor(times.length / 2)].toFixed(0)} ms (min ${times[0].toFixed(0)}, max ${times[times.length - 1].toFixed(0)}, ${RUNS} runs)`);
  }
} finally {
  await browser.close();
  await server.stop();
}

process.exit(process.exitCode ?? 0); // never hang CI on a stray handle
