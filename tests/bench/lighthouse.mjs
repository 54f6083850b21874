// Benchmark (prints numbers, asserts nothing): Lighthouse's performance audit of the built
// site as a first-time phone user gets it: served by serve.py (gzip), Lighthouse's mobile
// profile (simulated slow 4G, 4x slower CPU), Debian's Chromium headless. Short mode: one
// run; full mode: three, the median printed.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM_ARGS, ROOT, startServer } from '../e2e/helpers.mjs';
import { announce, size } from './mode.mjs';

announce(import.meta.url);
const RUNS = Number(size('LIGHTHOUSE_RUNS', 1, 3));
const RUN_TIMEOUT_MS = 240_000;
const cli = path.join(ROOT, 'node_modules', 'lighthouse', 'cli', 'index.js');

// One Lighthouse run; resolves to its JSON report, rejects on failure or after the timeout.
function lighthouse(url, out) {
  const flags = CHROMIUM_ARGS.filter((f) => f !== '--disable-gpu').concat(['--headless=new']);
  const args = [cli, url, '--quiet', '--only-categories=performance', '--output=json',
    `--output-path=${out}`, `--chrome-flags=${flags.join(' ')}`, '--max-wait-for-load=60000'];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT, env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c) => { stderr += c; });
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0 && fs.existsSync(out)) resolve(JSON.parse(fs.readFileSync(out, 'utf8')));
      else reject(new Error(`lighthouse ended with ${code ?? signal}: ${stderr.slice(-500)}`));
    });
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-lighthouse-'));
const server = await startServer();
try {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const report = await lighthouse(server.url, path.join(tmp, `run-${i}.json`));
    if (report.runtimeError) throw new Error(`lighthouse: ${report.runtimeError.message}`);
    const a = report.audits;
    runs.push({
      score: report.categories.performance.score * 100,
      tbt: a['total-blocking-time'].numericValue,
      tti: a.interactive.numericValue,
      fcp: a['first-contentful-paint'].numericValue,
      lcp: a['largest-contentful-paint'].numericValue,
      si: a['speed-index'].numericValue,
      bytes: a['total-byte-weight'].numericValue,
    });
    if (i === 0) fs.copyFileSync(path.join(tmp, 'run-0.json'), path.join(ROOT, 'test-results', 'lighthouse.json'));
  }
  const m = (k) => median(runs.map((r) => r[k]));
  const label = `median of ${RUNS} run${RUNS > 1 ? 's' : ''}, mobile profile (slow 4G, 4x CPU)`;
  console.log(`lighthouse performance score: ${m('score').toFixed(0)} (target >= 90; ${label})`);
  console.log(`lighthouse total blocking time: ${m('tbt').toFixed(0)} ms (target <= 300 ms)`);
  console.log(`lighthouse time to interactive: ${(m('tti') / 1000).toFixed(1)} s (target < 4 s on a slow phone)`);
  console.log(`lighthouse first contentful paint: ${(m('fcp') / 1000).toFixed(1)} s, largest contentful paint ${(m('lcp') / 1000).toFixed(1)} s, speed index ${(m('si') / 1000).toFixed(1)} s`);
  console.log(`lighthouse total bytes (as transferred): ${m('bytes').toFixed(0)}`);
} catch (e) {
  console.log(`lighthouse could not run: ${e.message}`);
  process.exitCode = 1;
} finally {
  await server.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
}

process.exit(process.exitCode ?? 0); // never hang CI on a stray handle
