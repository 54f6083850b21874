// Sampling rosters end to end on a phone: the community's GBK roster imported through the
// real file picker, a testing round marked door to door, reload, progress still right;
// exports and the printable checklist.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  activate, idbRecords, openApp, LAPTOP, PHONE, ROOT, scrollTo, startServerAndBrowser, typeInto, waitForReady,
} from './helpers.mjs';

let env, server, browser;
before(async () => {
  env = await startServerAndBrowser();
  ({ server, browser } = env);
});
after(() => env?.stop());

const FIXTURE = path.resolve(ROOT, '..', 'shared', 'fixtures', 'roster_community_gbk.csv');

// The shared fixture when it is there; otherwise a GBK roster of the same shape made here
// (iconv from glibc), so the test never depends on files outside the repository.
function gbkRoster(dir) {
  if (fs.existsSync(FIXTURE)) return FIXTURE;
  const lines = ['楼号,单元号,门牌号,姓名,与户主关系,身份证号,手机号,年龄,特殊情况'];
  const names = ['邹军花', '袁志春', '戴梅昇', '邵涵', '王淼', '李喆', '张堃', '赵犇'];
  let n = 0;
  for (let b = 1; b <= 22; b++) for (let u = 1; u <= 3; u++) for (let f = 1; f <= 15; f++) for (let r = 1; r <= 2; r++) {
    for (let p = 0; p < 3; p++) {
      lines.push(`${b},${u},${f}0${r},${names[n % names.length]}${n},,,1${String(3800000000 + n).padStart(10, '0')},${20 + (n % 70)},${n % 37 === 0 ? '卧床' : ''}`);
      n++;
    }
  }
  const utf8 = path.join(dir, 'roster-utf8.csv');
  fs.writeFileSync(utf8, lines.join('\r\n') + '\r\n');
  const gbk = path.join(dir, 'roster-gbk.csv');
  fs.writeFileSync(gbk, execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK', utf8]));
  return gbk;
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
      await page.waitForFunction(() => new Promise((resolve) => {
        const req = indexedDB.open('linli', 1);
        req.onsuccess = () => {
          const all = req.result.transaction('docs').objectStore('docs').getAll();
          all.onsuccess = () => { resolve(all.result.some((d) => d.type === 'mark' && d.status === 'absent')); req.result.close(); };
        };
      }), null, { timeout: 15000 });

      await page.reload();
      await waitForReady(page);
      await activate(page, 'button', /^\d{4}-\d{2}-\d{2} · 全员核酸 · 10合1/, { exact: false });
      const after = await statusText(page, /^已采 \d+ \/ \d+ 人/);
      assert.match(after, new RegExp(`^已采 3 / ${total} 人`));
      await activate(page, 'button', /^1号楼 · 防范区/, { exact: false });
      assert.match(await statusText(page, /^已采 \d+ \/ \d+ 人/), /^已采 3 \//);
      await statusText(page, /^当前试管 A0001：3 \/ 10 人/);
      const marks = (await idbRecords(page)).filter((r) => r._id.startsWith('mark:'));
      assert.equal(marks.filter((r) => r.status === 'sampled' && r.tube === 'A0001').length, 3);
      assert.equal(marks.filter((r) => r.status === 'absent').length, 1);
      assert.deepEqual(page.errors, []);
    } finally {
      await context.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
