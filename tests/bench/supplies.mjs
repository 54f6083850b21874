// Benchmark (prints numbers, asserts nothing) of supply orders in Chromium on a phone
// viewport: 6,000 residents and one round of 3,000 orders (short mode: 3,000 and 1,500) written into IndexedDB as the
// app stores them, then a reload:
//  1. frame times (UI build: ImGui and our code, which aggregates the round every frame it
//     draws; whole frame) of the orders list and of a building's manifest while scrolling,
//     and of the totals tab
//  2. a 500-entry 接龙 pasted (the IME path) and 识别 tapped: time until the preview shows
// Native numbers: build/bench/tests/supplies_bench (tests/bench/run.sh runs both).
import {
  activate, itemCentre, launchBrowser, openApp, PHONE, scrollTo, startServer, typeInto, waitForReady, wasmMemoryMb,
} from '../e2e/helpers.mjs';
import { announce, size } from './mode.mjs';

announce(import.meta.url);
const RESIDENTS = Number(size('RESIDENTS', '3000', '30000')); // full: a big community
const ORDERS = Number(size('ORDERS', '1500', '10000'));
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return 'no frames';
  const at = (p) => s[Math.min(s.length - 1, Math.floor(s.length * p))];
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${s[s.length - 1].toFixed(1)} ms (${s.length} frames)`;
};

function address(i) {
  const household = Math.floor(i / 2);
  return {
    building: String(1 + Math.floor(household / 150)),
    unit: String(1 + Math.floor((household % 150) / 50)),
    room: String(100 * (1 + Math.floor((household % 50) / 3)) + 1 + (household % 3)),
  };
}

async function seed(page, residents, orders) {
  await page.evaluate(([nr, no, addrSrc]) => new Promise((resolve, reject) => {
    const addressOf = new Function('i', addrSrc);
    const req = indexedDB.open('linli', 1);
    req.onsuccess = () => {
      const tx = req.result.transaction('docs', 'readwrite');
      const store = tx.objectStore('docs');
      store.clear();
      const rev = (i) => { const h = (i.toString(16) + '0'.repeat(32)).slice(0, 32); return { _rev: '1-' + h, _revisions: { start: 1, ids: [h] } }; };
      const surnames = '王李张刘陈杨黄赵吴周';
      for (let i = 0; i < nr; i++) {
        const id = 'resident:bench' + String(i).padStart(6, '0');
        store.put({ _id: id, ...rev(i), type: 'resident', schema: 1, ...addressOf(i),
          name: surnames[i % 10] + '某' + i, phone: '139' + String(10000000 + i), flags: [] }, id);
      }
      const round = 'order_round:bench';
      const offers = [['1号', '蔬菜包', 3990], ['2号', '肉蛋包', 6900], ['3号', '牛奶', 5900], ['4号', '大米', 6500], ['5号', '鸡蛋', 3000]]
        .map(([code, name, price]) => ({ code, name, spec: '', unit: '份', price, household_limit: 0, total_cap: 0, item: '' }));
      store.put({ _id: round, ...rev(1), type: 'order_round', schema: 1, title: '幸福里 第9期', offers, cutoff: '', delivery_date: '2026-12-03', buildings: [], state: 'delivering', created_at: 1 }, round);
      for (let k = 0; k < no; k++) {
        const a = addressOf(2 * k);
        const id = `order:${round}|${a.building}|${a.unit}|${a.room}`;
        const lines = [{ code: `${1 + (k % 5)}号`, quantity: 1 + (k % 2) }];
        if (k % 3 === 0) lines.push({ code: '3号', quantity: 1 });
        store.put({ _id: id, ...rev(k + 7), type: 'order', schema: 1, round, ...a, name: surnames[(2 * k) % 10] + '某' + 2 * k,
          phone: '139' + String(10000000 + 2 * k), lines, channel: 'jielong', payment: k % 2 ? 'cod' : 'paid', received: 0,
          status: 'confirmed', volunteer: '', note: k % 10 === 0 ? '放门口' : '', entries: [k + 1], updated_at: 1 }, id);
      }
      tx.oncomplete = () => { req.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
    req.onerror = () => reject(req.error);
  }), [residents, orders, `const household = Math.floor(i / 2); return { building: String(1 + Math.floor(household / 150)), unit: String(1 + Math.floor((household % 150) / 50)), room: String(100 * (1 + Math.floor((household % 50) / 3)) + 1 + (household % 3)) };`]);
}

async function frames(page) {
  return page.evaluate(() => window.linliBridge.metrics.frames.splice(0));
}

async function scrolled(page, steps, delta) {
  await frames(page);
  const vp = page.viewportSize();
  await page.mouse.move(vp.width / 2, vp.height / 2);
  for (let i = 0; i < steps; i++) {
    await page.mouse.wheel(0, i < steps / 2 ? delta : -delta);
    await page.waitForTimeout(40);
  }
  await page.waitForTimeout(300);
  return frames(page);
}

const server = await startServer();
const browser = await launchBrowser();
try {
  const { page, context } = await openApp(browser, server.url, PHONE);
  await seed(page, RESIDENTS, ORDERS);
  const t0 = Date.now();
  await page.reload();
  await waitForReady(page);
  console.log(`start with ${RESIDENTS} residents and ${ORDERS} orders: ready ${Date.now() - t0} ms after reload`);
  await activate(page, 'tab', '物资');
  await activate(page, 'button', /^幸福里 第9期 /, { exact: false });
  await page.getByRole('radio', { name: '订单', exact: true }).waitFor({ state: 'attached' });
  const list = await scrolled(page, 30, 400);
  console.log(`orders list, ${ORDERS} orders (phone, scrolling): UI build ${stats(list.map((f) => f[0]))} (target p95 < 4 ms); whole frame ${stats(list.map((f) => f[1]))}`);
  await activate(page, 'radio', '汇总');
  await page.getByRole('status', { name: new RegExp(`^共 ${ORDERS} 单`) }).waitFor({ state: 'attached' });
  const totals = await scrolled(page, 10, 300);
  console.log(`totals tab (${ORDERS} orders; the aggregate is kept until an order changes): UI build ${stats(totals.map((f) => f[0]))}; target < 16 ms`);
  await activate(page, 'radio', '送货');
  // A big community has many buildings: their chips can push the walk below the fold.
  await scrollTo(page, 'status', /^本楼还有 \d+ 户未送/, { exact: false });
  await page.getByRole('status', { name: /^本楼还有 \d+ 户未送/ }).waitFor({ state: 'attached' });
  const walk = await scrolled(page, 30, 300);
  console.log(`manifest of building 1 (phone, scrolling): UI build ${stats(walk.map((f) => f[0]))} (target p95 < 4 ms); whole frame ${stats(walk.map((f) => f[1]))}`);

  // A 500-entry chain into a new round: typed through the IME path, then 识别.
  await scrollTo(page, 'button', '‹ 返回', { step: -800 });
  await activate(page, 'button', '‹ 返回');
  await activate(page, 'button', '粘贴接龙');
  let chain = '#接龙\n幸福里 第10期\n1号 蔬菜包 39.9元/份\n2号 鸡蛋 30元/盒\n\n';
  for (let i = 0; i < 500; i++) {
    const a = address(2 * i);
    chain += `${i + 1}、${a.building}-${a.unit}-${a.room} 某${2 * i} ${1 + (i % 2)}号${i % 4 === 0 ? '两份' : '×1'}\n`;
  }
  await typeInto(page, '接龙文本', chain);
  await frames(page);
  const centre = await itemCentre(page, 'button', '识别');
  const p0 = Date.now();
  await page.touchscreen.tap(centre.x, centre.y);
  await page.waitForFunction(() => [...document.querySelectorAll('#linli-a11y button')].some((b) => /^导入 \d+ 单$/.test(b.getAttribute('aria-label') ?? b.textContent)), null, { timeout: 60000, polling: 'raf' });
  const tap = await frames(page);
  console.log(`wasm memory with ${RESIDENTS} residents and ${ORDERS} orders: ${await wasmMemoryMb(page)} MB (target < 64 MB)`);
  console.log(`500-entry chain, 识别 tapped to preview shown: ${Date.now() - p0} ms (${tap.length} frames, slowest UI build ${Math.max(...tap.map((f) => f[0])).toFixed(1)} ms, slowest whole frame ${Math.max(...tap.map((f) => f[1])).toFixed(1)} ms); target < 200 ms`);
  await context.close();
} finally {
  await browser.close();
  await server.stop();
}

process.exit(process.exitCode ?? 0); // never hang CI on a stray handle
