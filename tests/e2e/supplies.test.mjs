// Supply orders end to end on a phone: a small roster imported, a WeChat chain (接龙)
// pasted through the IME path, an unmatched line fixed by tapping, imported, reload, the
// orders and totals right, deliveries marked door to door, reload, still right.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  activate, gotoArea, idbRecords, LAPTOP, openApp, PHONE, poll, ROOT, scrollTo, startServerAndBrowser, typeInto, waitForReady,
} from './helpers.mjs';

let env, server, browser;
before(async () => {
  env = await startServerAndBrowser();
  ({ server, browser } = env);
});
after(() => env?.stop());

const ROSTER = [
  '楼号,单元,房号,姓名,手机号',
  '1,1,102,魏华芳,13800001102',
  '1,1,302,曹红涵,13800001302',
  '1,2,202,史淼妤,13800001202',
  '2,1,101,闫军丽,13900002101',
  '3,1,1502,莫兰轩,13700031502',
  '3,2,1502,宋国玥,13700032502',
].join('\r\n') + '\r\n';

const CHAIN = [
  '#接龙',
  '幸福里 第3期 保供团购',
  '1号 蔬菜包 约6斤 39.9元/份',
  '2号 肉蛋包 69元/份',
  '3号 牛奶 24盒 59元/箱 每户限2箱',
  '周三晚上9点截单',
  '',
  '1. 1-1-102 魏华芳 1号×1',
  '2、1号楼1单元302 曹红涵 1号1份 2号1份',
  '３．1-2-202 史淼妤 3号*3',
  '4. 3栋1502 莫兰轩 1号 两份',
  '5. 2-1-101 闫军丽（独居老人，电话联系）1号+2号',
].join('\n');

const status = (page, name) => page.getByRole('status', { name }).first();

describe('supply orders', () => {
  it('phone: paste a chain, fix a line, import, reload, deliver door to door, reload, totals right', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-supplies-'));
    const rosterFile = path.join(dir, '花名册.csv');
    fs.writeFileSync(rosterFile, '\uFEFF' + ROSTER);
    const shot = (name) => path.join(ROOT, 'test-results', name);
    const { page, context } = await openApp(browser, server.url, PHONE);
    try {
      await activate(page, 'button', '导入名册');
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), activate(page, 'button', '选择文件')]);
      await chooser.setFiles(rosterFile);
      await activate(page, 'button', '导入 6 行');
      await status(page, /^导入完成：新增 6/).waitFor({ state: 'attached', timeout: 30000 });

      await gotoArea(page, '物资');
      await activate(page, 'button', '粘贴接龙');
      await typeInto(page, '接龙文本', CHAIN);
      await activate(page, 'button', '识别');
      await status(page, '将新建团购：幸福里 第3期 保供团购').waitFor({ state: 'attached' });
      await status(page, '1 行未识别，点该行修改').waitFor({ state: 'attached' });
      await page.getByRole('button', { name: '导入 4 单', exact: true }).waitFor({ state: 'attached' });
      await page.screenshot({ path: shot('phone-supplies-preview.png') });
      // Nothing is saved before the import.
      assert.equal((await idbRecords(page)).filter((r) => r._id.startsWith('order')).length, 0);

      // 3栋1502: building 3 has a 1502 in two units. Tap the line and add the unit.
      const unmatched = /^4\. 3栋1502 莫兰轩/;
      await scrollTo(page, 'button', unmatched, { exact: false });
      await activate(page, 'button', unmatched, { exact: false });
      await scrollTo(page, 'textbox', '修改这一行');
      await typeInto(page, '修改这一行', '4. 3-1-1502 莫兰轩 1号 两份');
      await activate(page, 'button', '重新识别');
      await status(page, '每一行都已识别').waitFor({ state: 'attached' });
      await scrollTo(page, 'button', '导入 5 单');
      await activate(page, 'button', '导入 5 单');
      await status(page, '已导入 5 单').waitFor({ state: 'attached', timeout: 15000 });

      const orders = (await idbRecords(page)).filter((r) => r._id.startsWith('order:') && !r._deleted);
      assert.equal(orders.length, 5);
      const shi = orders.find((o) => o.name === '史淼妤');
      assert.deepEqual(shi.lines, [{ code: '3号', quantity: 2 }], 'cut to the household limit of 2');
      const yan = orders.find((o) => o.name === '闫军丽');
      assert.equal(yan.note, '独居老人,电话联系');
      assert.equal(yan.phone, '13900002101');

      // Reload: the round and its orders are there.
      await page.reload();
      await waitForReady(page);
      await gotoArea(page, '物资');
      await activate(page, 'button', /^幸福里 第3期 保供团购 接单中 · 5 单/, { exact: false });
      await activate(page, 'radio', '送货');
      await status(page, '本楼还有 3 户未送').waitFor({ state: 'attached' });
      // Building 1's pick list and manifest, in walking order (unit, floor, room).
      const printed = async (button) => {
        const [popup] = await Promise.all([context.waitForEvent('page'), activate(page, 'button', button)]);
        await popup.waitForLoadState();
        const rows = await popup.locator('tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
        const headings = await popup.locator('h2').allTextContents();
        assert.equal(await popup.locator('script').count(), 0);
        await popup.close();
        return { rows, headings };
      };
      const pick = await printed('打印本楼分拣单');
      assert.deepEqual(pick.headings, ['1单元', '2单元']);
      const pickBody = pick.rows.filter((r) => r[0] !== '房号');
      assert.deepEqual(pickBody.map((r) => r.slice(0, 5)), [
        ['102室', '魏华芳', '1', '', ''],
        ['302室', '曹红涵', '1', '1', ''],
        ['202室', '史淼妤', '', '', '2'],
      ]);
      const manifest = await printed('打印本楼送货单');
      const manifestBody = manifest.rows.filter((r) => r[0] !== '房号');
      assert.deepEqual(manifestBody.map((r) => r.slice(0, 4)), [
        ['102室', '魏华芳', '138****1102', '1号×1'],
        ['302室', '曹红涵', '138****1302', '1号×1 2号×1'],
        ['202室', '史淼妤', '138****1202', '3号×2'],
      ]);
      // Door to door in building 1: 1-1-102, 1-1-302, then unit 2.
      await activate(page, 'button', '送达');
      await status(page, '本楼还有 2 户未送').waitFor({ state: 'attached' });
      await activate(page, 'button', '送达');
      await status(page, '本楼还有 1 户未送').waitFor({ state: 'attached' });
      // The last door: nobody home.
      const third = await page.getByRole('button', { name: '其他', exact: true }).nth(2).boundingBox();
      await page.touchscreen.tap(third.x + third.width / 2, third.y + third.height / 2);
      await activate(page, 'radio', '不在家');
      await status(page, /^1-2-202：不在家/).waitFor({ state: 'attached' });
      await page.screenshot({ path: shot('phone-supplies-delivery.png') });
      await poll('the marks to be stored', async () => {
        const stored = (await idbRecords(page)).filter((r) => r._id.startsWith('order:') && r.delivery);
        return stored.length === 3;
      });

      await page.reload();
      await waitForReady(page);
      await gotoArea(page, '物资');
      await activate(page, 'button', /^幸福里 第3期 保供团购/, { exact: false });
      await activate(page, 'radio', '汇总');
      // 1号: 1 + 1 + 2 + 1 = 5 × 39.9; 2号: 1 + 1 = 2 × 69; 3号: 2 × 59.
      await status(page, '共 5 单，合计 ￥455.5，已送达 2').waitFor({ state: 'attached' });
      await status(page, '1号 蔬菜包：5份，￥199.5').waitFor({ state: 'attached' });
      await status(page, '3号 牛奶：2箱，￥118').waitFor({ state: 'attached' });
      await page.screenshot({ path: shot('phone-supplies-totals.png') });
      assert.deepEqual(page.errors, []);
    } finally {
      await context.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('laptop: a catalog imported from a supplier sheet, a group buy set up from it, orders typed in, the purchase list exported and read back', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-catalog-'));
    const shot = (name) => path.join(ROOT, 'test-results', name);
    const rosterFile = path.join(dir, '花名册.csv');
    fs.writeFileSync(rosterFile, '\uFEFF' + ROSTER);
    const sheet = path.join(dir, '绿源农场报价.csv');
    fs.writeFileSync(sheet, '\uFEFF' + [
      '绿源农场 12月报价',
      '品名,规格,单位,单价（元）,起送量,供应商,联系电话,套餐内容',
      '蔬菜包,约6斤,份,39.9,3,绿源农场,137-0000-0001,"土豆,白菜,胡萝卜"',
      '东北大米,10kg,袋,65,2,,,',
      '=HYPERLINK("x"),1,份,1,,,,',
    ].join('\r\n') + '\r\n');
    const { page, context } = await openApp(browser, server.url, LAPTOP);
    try {
      await activate(page, 'button', '导入名册');
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), activate(page, 'button', '选择文件')]);
      await chooser.setFiles(rosterFile);
      await activate(page, 'button', '导入 6 行');
      await status(page, /^导入完成：新增 6/).waitFor({ state: 'attached', timeout: 30000 });

      await gotoArea(page, '物资');
      await activate(page, 'button', '商品目录');
      const [sheetChooser] = await Promise.all([page.waitForEvent('filechooser'), activate(page, 'button', '导入商品表')]);
      await sheetChooser.setFiles(sheet);
      await status(page, '新增 3，更新 0，未变 0，有问题 0 行').waitFor({ state: 'attached' });
      await activate(page, 'button', '导入 3 个商品');
      await status(page, '已导入 3 个商品').waitFor({ state: 'attached', timeout: 15000 });
      await page.getByRole('button', { name: /^东北大米 10kg ￥65\/袋 · 绿源农场 · 起送 2/ }).waitFor({ state: 'attached' });
      await page.screenshot({ path: shot('laptop-supplies-catalog.png') });

      await activate(page, 'button', '‹ 返回');
      await activate(page, 'button', '新建团购');
      await typeInto(page, '团购名称', '第4期 保供');
      await typeInto(page, '送达日期', '2026-12-03');
      await activate(page, 'radio', '蔬菜包 约6斤 · ￥39.9');
      await activate(page, 'radio', '东北大米 10kg · ￥65');
      await page.screenshot({ path: shot('laptop-supplies-round-form.png') });
      await scrollTo(page, 'button', '开始团购');
      await activate(page, 'button', '开始团购');
      await status(page, '已开始团购 第4期 保供').waitFor({ state: 'attached', timeout: 15000 });

      // Two orders typed in: one found by its phone tail, one by its room.
      const order = async (search, pick, more) => {
        await activate(page, 'button', '代下单（电话、上门、独居老人）');
        await typeInto(page, '查找住户', search);
        await activate(page, 'button', pick, { exact: false });
        for (const m of more) await activate(page, 'button', m);
        await scrollTo(page, 'radio', '货到付款');
        await activate(page, 'radio', '货到付款');
        await scrollTo(page, 'button', '保存订单');
        await activate(page, 'button', '保存订单');
        await status(page, /^已保存 .* 的订单$/).waitFor({ state: 'attached', timeout: 15000 });
      };
      await order('1102', /^魏华芳 /, ['增加 蔬菜包', '增加 蔬菜包', '增加 蔬菜包']);
      await order('2101', /^闫军丽 /, ['增加 东北大米']);
      await activate(page, 'radio', '汇总');
      await status(page, '共 2 单，合计 ￥184.7，已送达 0').waitFor({ state: 'attached' });
      await status(page, '蔬菜包：3份，￥119.7 · 起送 3，已达到').waitFor({ state: 'attached' });
      await status(page, '东北大米：1袋，￥65 · 起送 2，还差 1').waitFor({ state: 'attached' });
      await page.screenshot({ path: shot('laptop-supplies-totals.png') });

      const [download] = await Promise.all([page.waitForEvent('download'), activate(page, 'button', '导出采购单')]);
      assert.equal(download.suggestedFilename(), '第4期 保供-采购清单.csv');
      const csv = fs.readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').split('\r\n');
      assert.equal(csv[0], '第4期 保供 · 采购清单');
      const rows = csv.slice(3).filter(Boolean).map((l) => l.split(','));
      assert.deepEqual(rows.map((r) => r.slice(0, 9)), [
        ['绿源农场 13700000001', '蔬菜包', '蔬菜包', '约6斤', '3', '份', '3', '', '119.7'],
        ['绿源农场 13700000001', '东北大米', '东北大米', '10kg', '1', '袋', '2', '1', '65'],
      ]);

      // The same screen in English.
      await gotoArea(page, '设置');
      await activate(page, 'radio', 'English');
      await gotoArea(page, 'Supplies');
      await status(page, '2 orders, ¥184.7 in all, 0 delivered').waitFor({ state: 'attached' });
      await page.screenshot({ path: shot('laptop-supplies-totals-en.png') });
      assert.deepEqual(page.errors, []);
    } finally {
      await context.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
