// The leader's overview (总览) on a phone, 390x844 in Beijing time: the sample community
// loaded, the numbers shown checked against the records in IndexedDB, 复制日报 puts the
// report on the clipboard, 导出日报 downloads a workbook that openpyxl reads; the same
// screen in English, and on a laptop (screenshots of all three in test-results/).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  activate, gotoArea, idbRecords, LAPTOP, openApp, PHONE, poll, ROOT, scrollTo, startServerAndBrowser,
} from './helpers.mjs';

let env, server, browser;
before(async () => {
  env = await startServerAndBrowser();
  ({ server, browser } = env);
});
after(() => env?.stop());

// The sample's testing round is dated in Beijing time: so is the browser's day here.
const BEIJING = { timezoneId: 'Asia/Shanghai' };
const shot = (name) => path.join(ROOT, 'test-results', name);
const status = (page, name) => page.getByRole('status', { name, exact: typeof name === 'string' }).first();
const waitStatus = (page, name, timeout = 15000) => status(page, name).waitFor({ state: 'attached', timeout });

// Each sheet of a workbook as rows of [value, type] (Debian's python3-openpyxl).
const READ_BACK = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print(json.dumps({ws.title: [[[c.value, c.data_type] for c in row] for row in ws.iter_rows()] for ws in wb.worksheets}, ensure_ascii=False))
`;

// Scrolls the content with the mouse wheel (down: dy > 0) as far as it goes.
async function scrollAll(page, dy) {
  const vp = page.viewportSize();
  await page.mouse.move(vp.width / 2, vp.height / 3);
  for (let i = 0; i < 8; i++) {
    await page.mouse.wheel(0, dy);
    await page.waitForTimeout(80);
  }
}

async function loadSample(page) {
  await activate(page, 'button', '载入示例数据', { timeout: 20000 });
  await waitStatus(page, '示例数据：这里的住户、订单都是虚构的', 30000);
}

// What the overview should say, counted from the stored records.
async function expected(page) {
  const live = (await idbRecords(page)).filter((r) => !r._deleted);
  const residents = live.filter((r) => r.type === 'resident');
  const rounds = live.filter((r) => r.type === 'round');
  assert.equal(rounds.length, 1);
  const sampled = new Set(live.filter((r) => r.type === 'mark' && ['sampled', 'home_visit_done'].includes(r.status))
    .map((m) => m.resident));
  const inBuilding = (b) => residents.filter((r) => r.building === b);
  const sampledIn = (b) => inBuilding(b).filter((r) => sampled.has(r._id)).length;
  const orders = live.filter((r) => r.type === 'order' && r.status !== 'cancelled');
  const done = (o) => ['delivered', 'left_at_door'].includes(o.delivery?.outcome) || o.status === 'delivered';
  const delivered = orders.filter(done);
  const households = new Set(delivered.map((o) => `${o.building}-${o.unit}-${o.room}`));
  const open = live.filter((r) => r.type === 'medicine_request' && ['new', 'assigned', 'bought'].includes(r.status));
  const pct = (a, b) => (b === 0 ? 0 : Math.floor((a * 100 + Math.floor(b / 2)) / b));
  return {
    date: rounds[0].date,
    sampled: sampled.size,
    residents: residents.length,
    percent: pct(sampled.size, residents.length),
    building1: [sampledIn('1'), inBuilding('1').length, pct(sampledIn('1'), inBuilding('1').length)],
    undelivered: orders.length - delivered.length,
    supplied: households.size,
    deliveredOrders: delivered.length,
    open: open.length,
    openNow: open.filter((r) => r.urgency === 'now').length,
  };
}

describe('leader overview and daily report', () => {
  it('phone: 总览 shows today from the sample data; 复制日报 copies the report, 导出日报 downloads it; English and laptop', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-leader-'));
    const { page, context } = await openApp(browser, server.url, {
      ...PHONE, ...BEIJING, permissions: ['clipboard-read', 'clipboard-write'],
    });
    try {
      await loadSample(page);
      const want = await expected(page);
      const today = await page.evaluate(() => {
        const d = new Date();
        return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      });
      assert.equal(want.date, today, 'the sample round is dated today in the browser');

      await gotoArea(page, '总览');
      const copyButton = page.getByRole('button', { name: '复制日报', exact: true });
      await copyButton.waitFor({ state: 'attached', timeout: 15000 });
      await waitStatus(page, `已采 ${want.sampled} / ${want.residents} 人（${want.percent}%）`);
      const [s1, n1, p1] = want.building1;
      await page.getByRole('button', { name: `1号楼 · 防范区 已采 ${s1} / ${n1} 人 ${p1}%`, exact: true })
        .waitFor({ state: 'attached', timeout: 15000 });
      await waitStatus(page, '封控楼栋 1 栋：2号楼');
      await waitStatus(page, `未送订单 ${want.undelivered} 单，其中逾期 0 单`);
      await waitStatus(page, `今日送达 ${want.supplied} 户（${want.deliveredOrders} 单）`);
      await waitStatus(page, `未办 ${want.open} 件，其中立即 ${want.openNow} 件`);
      // The two actions sit at the bottom, above the tab bar, within a thumb's reach.
      const bar = await copyButton.boundingBox({ timeout: 5000 });
      assert.ok(bar.y + bar.height <= 844 - 64 + 1 && bar.y >= 844 - 64 - 140, `复制日报 at y=${bar.y}`);
      assert.ok(bar.height >= 44 && bar.width >= 44, '复制日报 is a touch target');
      await page.screenshot({ path: shot('phone-leader-zh.png') });

      // Further down: shifts (the sample has none) and this device, which never synced.
      await scrollTo(page, 'status', /· 本机 · 未同步$/, { exact: false });
      await waitStatus(page, '今天没有排班');
      await waitStatus(page, '未来 24 小时的班次人数都够');
      await scrollAll(page, 400); // the last lines scroll up above the action bar
      await page.screenshot({ path: shot('phone-leader-zh-bottom.png') });

      await activate(page, 'button', '复制日报');
      await waitStatus(page, '日报已复制，可粘贴到微信');
      const copied = await poll('the report on the clipboard', async () => {
        const text = await page.evaluate(() => navigator.clipboard.readText());
        return text.startsWith('邻里日报') ? text : null;
      }, { timeout: 10000 });
      const lines = copied.trimEnd().split('\n');
      assert.match(lines[0], new RegExp(`^邻里日报 ${today}（截至 \\d\\d:\\d\\d）（示例数据）$`));
      assert.equal(lines[1], `【核酸采样】今日已采 ${want.sampled} 人，应采 ${want.residents} 人（${want.percent}%）`);
      assert.match(lines[2], new RegExp(`^1号楼 ${s1}/${n1}；2号楼 0/\\d+（封控）；3号楼 0/\\d+$`));
      assert.equal(lines[3], '【封控楼栋】1 栋：2号楼');
      assert.equal(lines[4], `【物资配送】今日送达 ${want.supplied} 户（${want.deliveredOrders} 单）；未送 ${want.undelivered} 单，其中逾期 0 单`);
      assert.equal(lines[5], `【紧急需求】今日办结药品需求 0 件（其中立即 0 件）；仍未办 ${want.open} 件（其中立即 ${want.openNow} 件）`);
      assert.equal(lines[6], '【志愿者】今日 0 个班次、0 人次上岗，已签退 0 小时（计划 0 小时）');
      assert.equal(lines.length, 7);

      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 15000 }),
        activate(page, 'button', '导出日报'),
      ]);
      assert.equal(download.suggestedFilename(), `日报-${today}.xlsx`);
      await waitStatus(page, `已导出：日报-${today}.xlsx`);
      const saved = path.join(dir, 'report.xlsx');
      await download.saveAs(saved);
      const book = JSON.parse(execFileSync('/usr/bin/python3', ['-c', READ_BACK, saved], { encoding: 'utf8' }));
      assert.deepEqual(Object.keys(book), ['日报', '各楼采样', '未送订单', '缺人班次']);
      const rows = Object.fromEntries(book['日报'].slice(2).map((r) => [r[0][0], r[1]]));
      assert.deepEqual(rows['今日已采（人）'], [want.sampled, 'n']);
      assert.deepEqual(rows['今日应采（人）'], [want.residents, 'n']);
      assert.deepEqual(rows['未送订单（单）'], [want.undelivered, 'n']);
      assert.deepEqual(rows['封控楼栋名单'], ['2号楼', 's']);
      assert.deepEqual(book['各楼采样'][1], [['1号楼', 's'], ['防范区', 's'], [s1, 'n'], [n1, 'n'], [p1, 'n']]);
      for (const sheet of Object.values(book)) for (const row of sheet) for (const [, type] of row) assert.notEqual(type, 'f');

      // The same screen in English.
      await gotoArea(page, '设置');
      await activate(page, 'radio', 'English');
      await gotoArea(page, 'Overview');
      await waitStatus(page, `${want.sampled} of ${want.residents} residents sampled (${want.percent}%)`);
      await page.getByRole('button', { name: 'Copy report', exact: true }).waitFor({ state: 'attached', timeout: 15000 });
      await page.getByRole('button', { name: 'Export report', exact: true }).waitFor({ state: 'attached', timeout: 15000 });
      // What the last tap said is said again in English.
      await waitStatus(page, `Exported: 日报-${today}.xlsx`);
      await scrollAll(page, -400);
      await waitStatus(page, 'Sealed buildings (1): Building 2');
      await page.screenshot({ path: shot('phone-leader-en.png') });
      assert.deepEqual(page.errors, []);
    } finally {
      await context.close();
    }

    const laptop = await openApp(browser, server.url, { ...LAPTOP, ...BEIJING });
    try {
      await loadSample(laptop.page);
      await gotoArea(laptop.page, '总览');
      await laptop.page.getByRole('button', { name: '导出日报', exact: true }).waitFor({ state: 'attached', timeout: 15000 });
      await waitStatus(laptop.page, '封控楼栋 1 栋：2号楼');
      await laptop.page.screenshot({ path: shot('laptop-leader.png') });
      assert.deepEqual(laptop.page.errors, []);
    } finally {
      await laptop.context.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
