// Medicine and urgent needs end to end on a phone: a roster with chronically ill and
// living-alone residents imported, the 未询问 list, a need recorded from a resident's row
// (drug, urgency), one resident marked asked, reload, all still there.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  activate, gotoArea, idbRecords, openApp, PHONE, poll, ROOT, scrollTo, startServerAndBrowser, typeInto, waitForReady,
} from './helpers.mjs';

let env, server, browser;
before(async () => {
  env = await startServerAndBrowser();
  ({ server, browser } = env);
});
after(() => env?.stop());

const ROSTER = [
  '楼号,单元,房号,姓名,手机号,特殊情况',
  '2,1,302,史淼妤,13800021302,慢性病',
  '2,1,1502,曹红涵,13800021502,独居老人',
  '2,1,501,莫兰轩,13800021501,',
].join('\r\n') + '\r\n';

const status = (page, name) => page.getByRole('status', { name }).first();

async function openMedicine(page) {
  await gotoArea(page, '物资');
  await activate(page, 'button', '药品需求');
  await page.getByRole('button', { name: '新增药品需求', exact: true }).waitFor({ state: 'attached' });
}

describe('medicine and urgent needs', () => {
  it('phone: record a need for a flagged resident, mark another asked, reload, still there', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-medicine-'));
    const rosterFile = path.join(dir, '花名册.csv');
    fs.writeFileSync(rosterFile, '\uFEFF' + ROSTER);
    const shot = (name) => path.join(ROOT, 'test-results', name);
    const { page, context } = await openApp(browser, server.url, PHONE);
    try {
      await activate(page, 'button', '导入名册');
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), activate(page, 'button', '选择文件')]);
      await chooser.setFiles(rosterFile);
      await activate(page, 'button', '导入 3 行');
      await status(page, /^导入完成：新增 3/).waitFor({ state: 'attached', timeout: 30000 });

      await openMedicine(page);
      await activate(page, 'radio', '未询问');
      await status(page, '还有 2 人未询问').waitFor({ state: 'attached' });
      await page.screenshot({ path: shot('phone-medicine-to-ask.png') });

      // The first row is 2-1-302 (room order): 史淼妤.
      await activate(page, 'button', '登记需求');
      await page.getByRole('button', { name: /^史淼妤/ }).first().waitFor({ state: 'attached' });
      await typeInto(page, '药品名称', '二甲双胍');
      await typeInto(page, '剂量或处方说明', '0.5g 每日三次');
      await activate(page, 'radio', '立即');
      await page.screenshot({ path: shot('phone-medicine-form.png') });
      await scrollTo(page, 'button', '保存');
      await activate(page, 'button', '保存');
      await status(page, '已保存：二甲双胍').waitFor({ state: 'attached', timeout: 15000 });
      await status(page, '还有 1 人未询问').waitFor({ state: 'attached' });
      const stored = (await idbRecords(page)).filter((r) => r._id.startsWith('medicine_request:'));
      assert.equal(stored.length, 1);
      assert.equal(stored[0].drug, '二甲双胍');
      assert.equal(stored[0].dose_note, '0.5g 每日三次');
      assert.equal(stored[0].urgency, 'now');
      assert.equal(stored[0].name, '史淼妤');
      assert.equal(stored[0].room, '302');

      await activate(page, 'button', '已询问');
      await status(page, '已记下：曹红涵 已询问，暂不需要').waitFor({ state: 'attached' });
      await poll('the check to be stored', async () =>
        (await idbRecords(page)).some((r) => r._id.startsWith('medicine_check:')));

      await page.reload();
      await waitForReady(page);
      await openMedicine(page);
      await status(page, '1 条需求未办完').waitFor({ state: 'attached' });
      await page.getByRole('button', { name: /^立即 · 二甲双胍 2-1-302 史淼妤 · 新登记/ })
        .waitFor({ state: 'attached' });
      await page.screenshot({ path: shot('phone-medicine-requests.png') });
      await activate(page, 'radio', '未询问');
      await status(page, '慢病和独居的居民都已询问过').waitFor({ state: 'attached' });
      assert.deepEqual(page.errors, []);
    } finally {
      await context.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
