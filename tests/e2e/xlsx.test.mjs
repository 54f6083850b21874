// XLSX on a laptop: a roster written by openpyxl (not by us) imported through the real file
// picker, residents in the list; the roster and a round exported as Excel and read back
// with openpyxl (values and types: phones are strings, nothing is a formula). Excel goes
// through the XLSX module (xlsx/linli_xlsx.*, loaded on first use): offline before that
// first use, import and export say so and change nothing; afterwards it works offline.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  activate, idbRecords, openApp, LAPTOP, ROOT, scrollTo, startServerAndBrowser, waitForStatus,
} from './helpers.mjs';

let env, server, browser;
before(async () => {
  env = await startServerAndBrowser();
  ({ server, browser } = env);
});
after(() => env?.stop());

// Debian's python3-openpyxl, run with /usr/bin/python3; returns what the script prints.
function python(script, ...args) {
  return execFileSync('/usr/bin/python3', ['-c', script, ...args], { encoding: 'utf8' });
}

const MAKE_ROSTER = `
import sys, openpyxl
wb = openpyxl.Workbook()
notes = wb.active
notes.title = "填表说明"
notes["A1"] = "请按列填写"
notes.sheet_state = "hidden"
ws = wb.create_sheet("居民")
ws.append(["楼栋", "单元", "房号", "姓名", "电话", "出生年份"])
ws.append([7, 1, "701", "赵喆", 13800138000, 1950])
ws.append([7, 1, "701", "钱淼", "013912345678", 1988])
ws.append(["7", "2", "0802", "孙犇", "13700007777", None])
ws.append(["8", "1", "101", "=李玥", 13600006666, 1975])
ws["D5"].data_type = "s"  # openpyxl takes a text starting with '=' for a formula otherwise
wb.active = 1
wb.save(sys.argv[1])
`;

// Prints each sheet's rows as JSON [value, type] pairs.
const READ_BACK = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in wb.worksheets:
    out[ws.title] = [[[c.value, c.data_type] for c in row] for row in ws.iter_rows()]
print(json.dumps(out, ensure_ascii=False))
`;

describe('xlsx', () => {
  it('laptop: import an .xlsx roster from openpyxl, export roster and round as Excel, read back with openpyxl', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-xlsx-'));
    const file = path.join(dir, '居民名册.xlsx');
    python(MAKE_ROSTER, file);
    const { page, context } = await openApp(browser, server.url, LAPTOP);
    try {
      await activate(page, 'button', '导入名册');
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), activate(page, 'button', '选择文件')]);
      await chooser.setFiles(file);
      // The visible sheet (the hidden notes sheet is skipped), its headers mapped.
      await page.getByRole('button', { name: /^第 1 列「楼栋」：楼栋 7 \/ 7 \/ 7/ }).waitFor({ state: 'attached', timeout: 30000 });
      await page.getByRole('button', { name: /^第 5 列「电话」：.* 13800138000 \/ 013912345678 \/ 13700007777/ })
        .waitFor({ state: 'attached' });
      await page.screenshot({ path: path.join(ROOT, 'test-results', 'laptop-xlsx-preview.png') });
      await activate(page, 'button', '导入 4 行');
      const done = page.getByRole('status', { name: /^导入完成：/ }).first();
      await done.waitFor({ state: 'attached', timeout: 30000 });
      await page.screenshot({ path: path.join(ROOT, 'test-results', 'laptop-xlsx-imported.png') });
      assert.match(await done.getAttribute('aria-label') ?? await done.textContent(), /^导入完成：新增 4，更新 0，无变化 0，跳过 0/);
      const residents = (await idbRecords(page)).filter((r) => r._id.startsWith('resident:') && !r._deleted);
      assert.equal(residents.length, 4);
      const zhao = residents.find((r) => r.name === '赵喆');
      assert.ok(zhao, JSON.stringify(residents));
      assert.equal(zhao.phone, '13800138000');
      assert.equal(residents.find((r) => r.name === '钱淼').phone, '013912345678');
      await activate(page, 'button', '返回');
      // The residents are there: the buildings list shows them.
      await page.getByRole('button', { name: /^7号楼 · 防范区/ }).waitFor({ state: 'attached', timeout: 15000 });

      // The roster as Excel.
      await scrollTo(page, 'button', '导出 Excel');
      const [download] = await Promise.all([page.waitForEvent('download'), activate(page, 'button', '导出 Excel')]);
      assert.match(download.suggestedFilename(), /^roster-.*\.xlsx$/);
      const saved = path.join(dir, 'roster-export.xlsx');
      await download.saveAs(saved);
      assert.deepEqual([...fs.readFileSync(saved).subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04]);
      const book = JSON.parse(python(READ_BACK, saved));
      const rows = book['名册'];
      assert.ok(rows, Object.keys(book).join(','));
      assert.equal(rows.length, 5);
      const byName = Object.fromEntries(rows.slice(1).map((r) => [r[3][0], r]));
      assert.deepEqual(byName['赵喆'][4], ['13800138000', 's']);
      assert.deepEqual(byName['赵喆'][5], [1950, 'n']);
      assert.deepEqual(byName['钱淼'][4], ['013912345678', 's']);
      assert.deepEqual(byName['孙犇'][2], ['0802', 's']);
      assert.deepEqual(byName['=李玥'][3], ['=李玥', 's']);
      for (const row of rows) for (const [, type] of row) assert.notEqual(type, 'f');

      // A round, exported as Excel.
      await activate(page, 'button', '新建一轮检测');
      await activate(page, 'radio', '单管');
      await scrollTo(page, 'button', '创建本轮');
      await activate(page, 'button', '创建本轮');
      await page.getByRole('status', { name: /^已采 0 \/ 4 人/ }).waitFor({ state: 'attached', timeout: 15000 });
      await scrollTo(page, 'button', '导出本轮 Excel');
      const [roundDownload] = await Promise.all([page.waitForEvent('download'), activate(page, 'button', '导出本轮 Excel')]);
      assert.match(roundDownload.suggestedFilename(), /^round-.*\.xlsx$/);
      const roundFile = path.join(dir, 'round-export.xlsx');
      await roundDownload.saveAs(roundFile);
      const round = JSON.parse(python(READ_BACK, roundFile));
      const [sheet] = Object.values(round);
      assert.equal(sheet.length, 5);
      const zhaoRow = sheet.find((r) => r[4][0] === '赵喆');
      assert.deepEqual(zhaoRow[5], ['13800138000', 's']);
      assert.deepEqual(zhaoRow[7], ['待采', 's']);
      for (const row of sheet) for (const [, type] of row) assert.notEqual(type, 'f');
      await page.screenshot({ path: path.join(ROOT, 'test-results', 'laptop-xlsx-round.png') });
      assert.deepEqual(page.errors, []);
    } finally {
      await context.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('laptop: an old .xls file is refused with advice, and nothing is imported', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-xls-'));
    const file = path.join(dir, '名册.xls');
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]));
    const { page, context } = await openApp(browser, server.url, LAPTOP);
    try {
      await activate(page, 'button', '导入名册');
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), activate(page, 'button', '选择文件')]);
      await chooser.setFiles(file);
      await page.getByRole('status', { name: /请在 Excel\/WPS 中另存为 \.xlsx 或 CSV/ }).waitFor({ state: 'attached', timeout: 15000 });
      const residents = (await idbRecords(page)).filter((r) => r._id.startsWith('resident:'));
      assert.equal(residents.length, 0);
      assert.deepEqual(page.errors, []);
    } finally {
      await context.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('laptop: offline before the XLSX module was ever loaded, Excel import and export say so; once loaded it works offline', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-xlsx-offline-'));
    const file = path.join(dir, '居民名册.xlsx');
    python(MAKE_ROSTER, file);
    const { page, context } = await openApp(browser, server.url, LAPTOP);
    const residents = async () => (await idbRecords(page)).filter((r) => r._id.startsWith('resident:') && !r._deleted).length;
    const importFile = async () => {
      // Below the buildings or above the exports, wherever the screen stands.
      await scrollTo(page, 'button', '导入名册', { tries: 15 })
        .catch(() => scrollTo(page, 'button', '导入名册', { step: -300 }));
      await activate(page, 'button', '导入名册');
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), activate(page, 'button', '选择文件')]);
      await chooser.setFiles(file);
    };
    try {
      // The service worker controls the page: it keeps what is fetched on first use.
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
      await activate(page, 'button', '载入示例数据', { timeout: 20000 });
      await waitForStatus(page, '示例数据：这里的住户、订单都是虚构的');
      const before = await residents();
      assert.ok(before > 0);
      assert.equal(await page.evaluate(() => document.querySelectorAll('script[src*="xlsx/"]').length), 0);

      await context.setOffline(true);
      await scrollTo(page, 'button', '导出 Excel');
      await activate(page, 'button', '导出 Excel');
      await waitForStatus(page, /^Excel 文件没有生成：.*第一次生成需要联网/);
      await page.screenshot({ path: path.join(ROOT, 'test-results', 'laptop-xlsx-offline-export.png') });
      await importFile();
      await waitForStatus(page, /^这台设备第一次打开 Excel 文件需要联网/);
      await page.screenshot({ path: path.join(ROOT, 'test-results', 'laptop-xlsx-offline-import.png') });
      assert.equal(await residents(), before);

      // Online: the module loads, the export is a real workbook.
      await context.setOffline(false);
      await activate(page, 'button', '‹ 返回');
      await activate(page, 'button', '知道了');
      await scrollTo(page, 'button', '导出 Excel');
      const [download] = await Promise.all([page.waitForEvent('download'), activate(page, 'button', '导出 Excel')]);
      const saved = path.join(dir, 'roster-export.xlsx');
      await download.saveAs(saved);
      assert.deepEqual([...fs.readFileSync(saved).subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04]);
      assert.ok(Object.keys(JSON.parse(python(READ_BACK, saved))).includes('名册'));

      // Offline again, in a new page: the module comes from the service worker's cache.
      await context.setOffline(true);
      await page.reload();
      await page.waitForFunction(() => document.body.dataset.ready === '1', null, { timeout: 60000 });
      await importFile();
      await page.getByRole('button', { name: /^第 1 列「楼栋」：楼栋 7 \/ 7 \/ 7/ }).waitFor({ state: 'attached', timeout: 30000 });
    } finally {
      await context.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
