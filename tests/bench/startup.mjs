// Benchmark (prints numbers, asserts nothing): the first-visit transfer size of dist/
// (gzip, as a static host would serve it) and the time from navigation to the first
// frame in headless Chromium at phone and laptop sizes, 5 loads each (short mode: 3).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { launchBrowser, LAPTOP, openApp, PHONE, ROOT, startServer } from '../e2e/helpers.mjs';
import { announce, size } from './mode.mjs';

announce(import.meta.url);
const RUNS = Number(size('RUNS', 3, 5));
const dist = path.join(ROOT, 'dist');
const lazy = new Set(['fonts/cjk-full.ttf']); // fetched only when a rare character is drawn
const build = JSON.parse(fs.readFileSync(path.join(dist, 'build.json'), 'utf8'));

let firstVisitRaw = 0, firstVisitGzip = 0;
console.log('file                          bytes      gzip');
for (const file of build.files) {
  const data = fs.readFileSync(path.join(dist, file));
  const gz = zlib.gzipSync(data, { level: 9 }).length;
  console.log(`${file.padEnd(26)} ${String(data.length).padStart(9)} ${String(gz).padStart(9)}${lazy.has(file) ? '  (lazy)' : ''}`);
  if (!lazy.has(file) && file !== 'build.json') { firstVisitRaw += data.length; firstVisitGzip += gz; }
}
console.log(`first visit: ${firstVisitRaw} bytes, ${firstVisitGzip} bytes gzip`);
console.log(`wasm: ${fs.statSync(path.join(dist, 'linli.wasm')).size} bytes`);

const server = await startServer();
const browser = await launchBrowser();
try {
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
