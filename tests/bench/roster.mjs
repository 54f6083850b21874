// Benchmark (prints numbers, asserts nothing) of the sampling roster in Chromium:
//  1. importing the 6,000-resident GBK roster through the UI (tap "import" to the durable
//     summary), on a laptop and on a phone viewport with the CPU slowed 4x (a cheap phone)
//  2. frame times of the building (door-to-door) view while scrolling, and of a search,
//     with 6,000 and 30,000 residents (short mode: 3,000 only): UI build (ImGui, our code)
//     and the whole frame including the WebGL calls (SwiftShader here: software rendering)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  activate, LAPTOP, launchBrowser, openApp, PHONE, ROOT, scrollTo, startServer, typeInto, waitForReady, wasmMemoryMb,
} from '../e2e/helpers.mjs';
import { announce, size } from './mode.mjs';
import { rosterFile } from '../../assets/sample/roster.mjs';

announce(import.meta.url);
const SIZES = size('RESIDENTS', '3000', '6000,30000').split(',').map(Number);
const FIXTURE = path.resolve(ROOT, '..', 'shared', 'fixtures', 'roster_community_gbk.csv');
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p) => s[Math.min(s.length - 1, Math.floor(s.length * p))];
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${s[s.length - 1].toFixed(1)} ms (${s.length} frames)`;
};

// The shared fixture, or the generated sample of its shape (assets/sample/roster.mjs).
function roster(dir) {
  return rosterFile(FIXTURE, dir);
}

async function importThroughUi(page, file) {
  await activate(page, 'button', '导入名册');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), activate(page, 'button', '选择文件')]);
  await chooser.setFiles(file);
  const start = page.getByRole('button', { name: /^导入 \d+ 行$/ });
  await start.waitFor({ state: 'attached', timeout: 60000 });
  const label = await start.getAttribute('aria-label') ?? await start.textContent();
  const t0 = Date.now();
  await activate(page, 'button', label);
  const done = page.getByRole('status', { name: /^导入完成：/ });
  await done.waitFor({ state: 'attached', timeout: 120000 });
  return { ms: Date.now() - t0, rows: Number(label.match(/\d+/)[0]), summary: await done.getAttribute('aria-label') };
}

// Residents written straight into IndexedDB (as the app stores them), then a reload.
async function seed(page, n) {
  await page.evaluate((count) => new Promise((resolve, reject) => {
    const req = indexedDB.open('linli', 1);
    req.onsuccess = () => {
      const tx = req.result.transaction('docs', 'readwrite');
      const store = tx.objectStore('docs');
      store.clear();
      const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
      const given = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂喆堃犇淼燚玥';
      const perBuilding = 270; // as the fixture: ~270 people in 3 units
      for (let i = 0; i < count; i++) {
        const b = 1 + Math.floor(i / perBuilding);
        const k = i % perBuilding;
        const id = 'resident:bench' + String(i).padStart(6, '0');
        const hash = (i.toString(16) + '0'.repeat(32)).slice(0, 32);
        store.put({
          _id: id, _rev: '1-' + hash, _revisions: { start: 1, ids: [hash] }, type: 'resident', schema: 1,
          building: String(b), unit: String(1 + Math.floor(k / 90)), room: String(100 * (1 + Math.floor((k % 90) / 6)) + 1 + (k % 3)),
          name: surnames[i % surnames.length] + given[(i * 7) % given.length] + given[(i * 13) % given.length],
          phone: '13' + String(100000000 + ((i * 7919) % 900000000)).slice(0, 9),
          flags: i % 40 === 0 ? ['bedridden'] : [],
        }, id);
      }
      tx.oncomplete = () => { req.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
    req.onerror = () => reject(req.error);
  }), n);
}

async function frames(page) {
  return page.evaluate(() => window.linliBridge.metrics.frames.splice(0));
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-bench-'));
const server = await startServer();
const browser = await launchBrowser();
try {
  // 1. Import.
  const file = roster(dir);
  for (const [name, options, throttle] of [['laptop', LAPTOP, 1], ['phone, CPU 4x slower', PHONE, 4]]) {
    const { page, context } = await openApp(browser, server.url, options);
    if (throttle > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    }
    const r = await importThroughUi(page, file);
    console.log(`import of ${r.rows} rows (${file === FIXTURE ? 'the GBK fixture' : 'a generated GBK roster: ../shared/fixtures is not here'}), ${name}: ${r.ms} ms (${r.summary})`);
    await context.close();
  }

  // 2. Frame times.
  for (const n of SIZES) {
    const { page, context } = await openApp(browser, server.url, PHONE);
    await seed(page, n);
    await page.reload();
    await waitForReady(page);
    await activate(page, 'button', '新建一轮检测');
    await scrollTo(page, 'button', '创建本轮');
    await activate(page, 'button', '创建本轮');
    await page.getByRole('status', { name: /^已采 0 \/ \d+ 人/ }).first().waitFor({ state: 'attached' });
    await activate(page, 'button', /^1号楼 · /, { exact: false });
    await page.getByRole('button', { name: '采样', exact: true }).first().waitFor({ state: 'attached' });
    await frames(page);
    const vp = page.viewportSize();
    await page.mouse.move(vp.width / 2, vp.height / 2);
    for (let i = 0; i < 30; i++) {
      await page.mouse.wheel(0, i < 15 ? 240 : -240);
      await page.waitForTimeout(40);
    }
    await page.waitForTimeout(300);
    const walk = await frames(page);
    // One tap to sample (a tube first): the frame that writes and recomputes progress.
    await typeInto(page, '管号', 'B1');
    await activate(page, 'button', '开新管');
    await scrollTo(page, 'button', '采样');
    await frames(page);
    for (let i = 0; i < 5; i++) {
      await scrollTo(page, 'button', '采样');
      await activate(page, 'button', '采样');
      await page.waitForTimeout(150);
    }
    const taps = await frames(page);
    console.log(`building view, ${n} residents (phone): UI build ${stats(walk.map((f) => f[0]))} (target p95 < 4 ms); whole frame ${stats(walk.map((f) => f[1]))}`);
    console.log(`sampling taps, ${n} residents: UI build ${stats(taps.map((f) => f[0]))}`);

    // The round: progress per building, then the missing list, scrolled.
    await scrollTo(page, 'button', '‹ 返回', { step: -800 });
    await activate(page, 'button', '‹ 返回');
    for (const tab of ['进度', '未采']) {
      await scrollTo(page, 'radio', tab, { step: -800 });
      await activate(page, 'radio', tab);
      await page.waitForTimeout(200);
      await frames(page);
      await page.mouse.move(vp.width / 2, vp.height / 2);
      for (let i = 0; i < 20; i++) {
        await page.mouse.wheel(0, i < 10 ? 400 : -400);
        await page.waitForTimeout(40);
      }
      await page.waitForTimeout(300);
      const f = await frames(page);
      console.log(`round view, ${tab} tab, ${n} residents (phone, scrolling): UI build ${stats(f.map((x) => x[0]))} (target p95 < 4 ms); whole frame ${stats(f.map((x) => x[1]))}`);
    }
    await scrollTo(page, 'button', '‹ 返回', { step: -800 });
    await activate(page, 'button', '‹ 返回');
    await frames(page);
    const searches = [];
    for (const q of ['王', '1-1-101', '4847', '王伟芳']) {
      await typeInto(page, '搜索', q);
      await page.waitForTimeout(200);
      searches.push(...await frames(page));
    }
    console.log(`search (王, 1-1-101, 4847, 王伟芳), ${n} residents: keystroke to results (UI build) ${stats(searches.map((f) => f[0]))} (target < 8 ms); whole frame ${stats(searches.map((f) => f[1]))}`);
    console.log(`wasm memory with ${n} residents: ${await wasmMemoryMb(page)} MB (target < 64 MB)`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}

process.exit(process.exitCode ?? 0); // never hang CI on a stray handle
