// Sampling rosters end to end on a phone: the community's GBK roster imported through the
// real file picker, a testing round marked door to door, reload, progress still right;
// exports and the printable checklist.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { rosterFile } from '../../assets/sample/roster.mjs';
import {
  activate, idbRecords, openApp, LAPTOP, PHONE, poll, ROOT, scrollTo, startServerAndBrowser, typeInto, waitForReady,
} from './helpers.mjs';

let env, server, browser;
before(async () => {
  env = await startServerAndBrowser();
  ({ server, browser } = env);
});
after(() => env?.stop());

const FIXTURE = path.resolve(ROOT, '..', 'shared', 'fixtures', 'roster_community_gbk.csv');

// The shared fixture when it is there; otherwise the generated sample of the same shape
// (assets/sample/roster.mjs), so the test never depends on files outside the repository.
function gbkRoster(dir) {
  return rosterFile(FIXTURE, dir);
}

const status = (page, pattern) => page.getByRole('status', { name: pattern });

async function statusText(page, pattern, timeout = 30000) {
  const loc = status(page, pattern).first();
  await loc.waitFor({ state: 'attached', timeout });
  return loc.getAttribute('aria-label').then((label) => label ?? loc.textContent());
}

async function importRoster(page, file) {
  await activate(page, 'button', '导入名册');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), activate(page, 'button', '选择文件')]);
  const t0 = Date.now();
  await chooser.setFiles(file);
  // The column mapping guessed from the GBK headers.
  await page.getByRole('button', { name: /^第 1 列「楼号」：楼栋/ }).waitFor({ state: 'attached', timeout: 30000 });
  return t0;
}

describe('sampling rosters', () => {
  it('phone: import the GBK roster, mark part of a round door to door, reload, progress is right', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-roster-'));
    const file = gbkRoster(dir);
    console.log(`# roster: ${file === FIXTURE ? FIXTURE : 'generated (no ../shared/fixtures here)'}`);
    const dataRows = execFileSync('iconv', ['-f', 'GBK', '-t', 'UTF-8', file]).toString().trim().split(/\r?\n/).length - 1;
    const { page, context } = await openApp(browser, server.url, PHONE);
    try {
      await importRoster(page, file);
      await page.screenshot({ path: path.join(ROOT, 'test-results', 'phone-import-preview.png') });
      const start = Date.now();
      await activate(page, 'button', `导入 ${dataRows} 行`);
      const done = await statusText(page, /^导入完成：/, 60000);
      const importMs = Date.now() - start;
      console.log(`# import of ${dataRows} rows through the UI (tap to summary, durable): ${importMs} ms`);
      const m = done.match(/新增 (\d+)，更新 (\d+)，无变化 (\d+)，跳过 (\d+)/);
      assert.ok(m, done);
      const [added, updated, unchanged, skipped] = m.slice(1).map(Number);
      assert.equal(added + updated + unchanged + skipped, dataRows);
      assert.ok(added > dataRows * 0.95, `most rows are new people (${done})`);
      await page.screenshot({ path: path.join(ROOT, 'test-results', 'phone-import-done.png') });
      const records = await idbRecords(page);
      const residents = records.filter((r) => r._id.startsWith('resident:') && !r._deleted);
      assert.equal(residents.length, added, 'every added resident is in IndexedDB');
      assert.ok(records.some((r) => r._id === 'building:1' && r.level === 'precaution'));

      // Importing the same file again changes nobody.
      await activate(page, 'button', '导入另一个文件');
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), activate(page, 'button', '选择文件')]);
      await chooser.setFiles(file);
      await activate(page, 'button', `导入 ${dataRows} 行`);
      const again = await statusText(page, /^导入完成：/, 60000);
      assert.match(again, new RegExp(`新增 0，更新 0，无变化 ${added + updated}，跳过 ${skipped}`));
      await activate(page, 'button', '返回');

      // A round for today, 10-in-1.
      await activate(page, 'button', '新建一轮检测');
      await activate(page, 'radio', '10合1');
      await typeInto(page, '采样点', '东门广场');
      await scrollTo(page, 'button', '创建本轮');
      await activate(page, 'button', '创建本轮');
      const before = await statusText(page, /^已采 0 \/ \d+ 人/);
      const total = Number(before.match(/^已采 0 \/ (\d+) 人/)[1]);
      assert.equal(total, added);
      await page.screenshot({ path: path.join(ROOT, 'test-results', 'phone-round.png') });

      // Building 1, door to door: open a tube, one tap per resident.
      await activate(page, 'button', /^1号楼 · 防范区/, { exact: false });
      await typeInto(page, '管号', 'A0001');
      await activate(page, 'button', '开新管');
      await statusText(page, /^当前试管 A0001：0 \/ 10 人/);
      await page.screenshot({ path: path.join(ROOT, 'test-results', 'phone-building-walk.png') });
      await scrollTo(page, 'button', '采样');
      for (let i = 0; i < 3; i++) {
        await scrollTo(page, 'button', '采样');
        await activate(page, 'button', '采样');
        await statusText(page, new RegExp(`^当前试管 A0001：${i + 1} / 10 人`));
      }
      // "More" on the next resident still to sample (the row of the first 采样 button).
      await scrollTo(page, 'button', '采样');
      const next = await page.getByRole('button', { name: '采样', exact: true }).first().boundingBox();
      const more = page.getByRole('button', { name: '其他', exact: true });
      let tapped = false;
      for (let i = 0; i < await more.count(); i++) {
        const box = await more.nth(i).boundingBox();
        if (box && Math.abs(box.y - next.y) < 2) {
          await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
          tapped = true;
          break;
        }
      }
      assert.ok(tapped, 'found the row of the next resident');
      await activate(page, 'radio', '不在家/外出');
      await page.getByRole('radio', { name: '不在家/外出' }).waitFor({ state: 'detached' });
      await page.getByRole('button', { name: /不在家\/外出$/ }).first().waitFor({ state: 'attached' });
      await page.screenshot({ path: path.join(ROOT, 'test-results', 'phone-building-marked.png') });
      // Saved (durable) before the reload: the mark is in IndexedDB.
      await poll('an absent mark in IndexedDB', async () =>
        (await idbRecords(page)).some((d) => d.type === 'mark' && d.status === 'absent'));

      await page.reload();
      await waitForReady(page);
      await activate(page, 'button', /^\d{4}-\d{2}-\d{2} · 全员核酸 · 10合1/, { exact: false });
      const after = await statusText(page, /^已采 \d+ \/ \d+ 人/);
      assert.match(after, new RegExp(`^已采 3 / ${total} 人`));
      await activate(page, 'button', /^1号楼 · 防范区/, { exact: false });
      assert.match(await statusText(page, /^已采 \d+ \/ \d+ 人/), /^已采 3 \//);
      await statusText(page, /^当前试管 A0001：3 \/ 10 人/);
      const marks = (await idbRecords(page)).filter((r) => r._id.startsWith('mark:'));
      // Sampled, or sampled at home (a bedridden resident's "sample" is a home visit).
      assert.equal(marks.filter((r) => ['sampled', 'home_visit_done'].includes(r.status) && r.tube === 'A0001').length, 3);
      assert.equal(marks.filter((r) => r.status === 'absent').length, 1);
      assert.deepEqual(page.errors, []);
    } finally {
      await context.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('rounds, tubes and outputs', () => {
  it('laptop: address column split, a 10-in-1 tube fills and closes, an abnormal tube lists its people, home visits, exports and the checklist are plain text', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-tubes-'));
    // Excel "CSV UTF-8": BOM, CRLF, one address column, a note with a comma and a line break.
    const rows = [['地址', '姓名', '电话', '备注']];
    for (let i = 0; i < 12; i++) {
      rows.push([`阳光小区3号楼2单元${1501 + Math.floor(i / 2)}室`, `住户${i}`, `1380000${String(1000 + i)}`, '']);
    }
    rows.push(['3号楼2单元1601室', '=1+2', '13900001111', '<b>x</b>']);
    rows.push(['3号楼2单元1602室', '卧床老人', '13900002222', '"卧床, 耳背\r\n上门前先打电话"']);
    rows.push(['5栋1单元101', '孙五', '', '']);
    const file = path.join(dir, 'roster.csv');
    fs.writeFileSync(file, '\uFEFF' + rows.map((r) => r.join(',')).join('\r\n') + '\r\n');

    const { page, context } = await openApp(browser, server.url, LAPTOP);
    try {
      await activate(page, 'button', '导入名册');
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), activate(page, 'button', '选择文件')]);
      await chooser.setFiles(file);
      await page.getByRole('button', { name: /^第 1 列「地址」：完整地址/ }).waitFor({ state: 'attached' });
      await activate(page, 'button', '导入 15 行');
      assert.match(await statusText(page, /^导入完成：/), /新增 15，更新 0，无变化 0，跳过 0/);
      await activate(page, 'button', '返回');

      // Cell text stays text: the name "=1+2" is found and shown as typed.
      await typeInto(page, '搜索', '=1+2');
      await page.getByRole('button', { name: /^=1\+2 3-2-1601/ }).waitFor({ state: 'attached' });
      // Pinyin initials: 住户 is "zh".
      await typeInto(page, '搜索', 'zh');
      await page.getByRole('button', { name: /^住户0 3-2-1501/ }).waitFor({ state: 'attached' });
      await typeInto(page, '搜索', '');

      await activate(page, 'button', '新建一轮检测');
      await activate(page, 'radio', '10合1');
      await scrollTo(page, 'button', '创建本轮');
      await activate(page, 'button', '创建本轮');
      assert.match(await statusText(page, /^已采 0 \/ \d+ 人/), /^已采 0 \/ 15 人/);
      await activate(page, 'button', /^3号楼 · 防范区/, { exact: false });
      await typeInto(page, '管号', 'T1');
      await activate(page, 'button', '开新管');
      for (let i = 0; i < 10; i++) {
        await scrollTo(page, 'button', '采样');
        await activate(page, 'button', '采样');
        // The tube line may be scrolled away: count the samples where they are stored.
        let count = 0;
        await poll(`${i + 1} marks in tube T1 in IndexedDB`, async () => {
          count = (await idbRecords(page)).filter((d) => d.type === 'mark' && d.tube === 'T1').length;
          return count === i + 1;
        }).catch((e) => { throw new Error(`${e.message}; stored: ${count}`); });
      }
      await scrollTo(page, 'status', /^试管 T1 已满，已封管。请开新管。/, { step: -600, exact: false });
      await scrollTo(page, 'status', /^没有打开的试管/, { step: -600, exact: false });
      await page.screenshot({ path: path.join(ROOT, 'test-results', 'laptop-tube-full.png') });
      await activate(page, 'button', '知道了');
      // An 11th sample needs a new tube first.
      await scrollTo(page, 'button', '采样');
      await activate(page, 'button', '采样');
      await page.getByRole('status', { name: '请先开一个试管，再点采样' }).waitFor({ state: 'attached' });
      await page.screenshot({ path: path.join(ROOT, 'test-results', 'laptop-toast.png') });
      await activate(page, 'button', '知道了');

      // The printable checklist: a new window with every value escaped.
      await scrollTo(page, 'button', '打印本楼清单', { step: -600 });
      const [popup] = await Promise.all([context.waitForEvent('page'), activate(page, 'button', '打印本楼清单')]);
      await popup.waitForLoadState();
      const html = await popup.content();
      assert.match(html, /3号楼 核酸采样清单/);
      assert.match(html, /&lt;b&gt;x&lt;\/b&gt;/);
      assert.equal(await popup.locator('b').count(), 0, 'a note is never markup');
      assert.equal(await popup.locator('table').count(), 1);
      assert.equal(await popup.locator('tr').count(), 1 + 14);
      // Its own policy lets no script run, even one put there by a missed escape.
      assert.equal(await popup.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'),
        "default-src 'none'; style-src 'unsafe-inline'");
      popup.cspExpected = true;
      const ran = await popup.evaluate(() => new Promise((resolve) => {
        document.addEventListener('securitypolicyviolation', () => resolve(window.injectedRan === 1 ? 'ran' : 'refused'));
        const s = document.createElement('script');
        s.textContent = 'window.injectedRan = 1';
        document.body.append(s);
        setTimeout(() => resolve(window.injectedRan === 1 ? 'ran' : 'no report'), 5000);
      }));
      assert.equal(ran, 'refused');
      await popup.close();

      // Tubes: T1 abnormal lists its 10 people and their households at once.
      await scrollTo(page, 'button', '‹ 返回', { step: -600 });
      await activate(page, 'button', '‹ 返回');
      await activate(page, 'radio', '试管');
      await activate(page, 'button', /^管号 T1 /, { exact: false });
      await activate(page, 'radio', '异常');
      await statusText(page, /^异常管 T1：以下 10 人（5 户）需单管复检/);
      await page.screenshot({ path: path.join(ROOT, 'test-results', 'laptop-tube-abnormal.png') });
      await activate(page, 'button', '将所在楼栋设为封控区');
      await page.getByRole('button', { name: '将所在楼栋设为封控区' }).waitFor({ state: 'detached' });
      assert.equal((await idbRecords(page)).find((r) => r._id === 'building:3').level, 'sealed');
      const tube = (await idbRecords(page)).find((r) => r._id.endsWith('|T1'));
      assert.equal(tube.result, 'abnormal');
      assert.equal(tube.closed, true);

      // Home visits: the bedridden resident (from the note) is on the list at once.
      await activate(page, 'radio', '上门');
      await page.getByRole('button', { name: /^卧床老人 · 卧床/ }).waitFor({ state: 'attached' });
      await activate(page, 'button', '已上门采样');
      await page.getByRole('status', { name: '没有需要上门采样的居民。' }).waitFor({ state: 'attached' });

      // The missing list, by household.
      await activate(page, 'radio', '未采');
      await page.getByRole('button', { name: /^5号楼 1单元 101室 孙五/ }).waitFor({ state: 'attached' });
      await page.getByRole('button', { name: /^3号楼 2单元 1601室 =1\+2/ }).waitFor({ state: 'attached' });
      await page.screenshot({ path: path.join(ROOT, 'test-results', 'laptop-missing.png') });

      // Round export: UTF-8 with BOM, formulas neutralised.
      await activate(page, 'radio', '进度');
      await scrollTo(page, 'button', '导出本轮 (CSV)');
      const [download] = await Promise.all([page.waitForEvent('download'), activate(page, 'button', '导出本轮 (CSV)')]);
      const csv = fs.readFileSync(await download.path());
      assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      const text = csv.toString('utf8');
      assert.match(text, /,'=1\+2,/);
      assert.equal(text.trim().split('\r\n').length, 1 + 15);
      assert.match(text, /住户0,"13800001000\t",,已采,T1,/);
      assert.deepEqual(page.errors, []);
    } finally {
      await context.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
