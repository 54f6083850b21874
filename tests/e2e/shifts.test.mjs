// Volunteer shifts with no server between the devices, as a committee would run them: a
// staff laptop makes a week of three-shift posts and shares the link; a volunteer's phone
// (its own Chromium, 390x844, touch, a fake camera) opens it, signs up and gets a reply
// code; the laptop imports it and hands back a confirmation code; the phone shows the
// sign-up confirmed; the phone checks in by scanning the post's rotating QR code (played
// by Chromium's fake camera), and the laptop imports the check-in. Both reload and keep
// everything. Only the texts a person would paste into WeChat pass between them.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  activate, CHROMIUM_ARGS, LAPTOP, launchBrowser, openApp, PHONE, poll, qrModules, scrollTo, startServer,
  typeInto, waitForReady, writeY4m,
} from './helpers.mjs';

let server, staffBrowser, phoneBrowser, dir, cameraFile;
const shots = path.join(process.cwd(), 'test-results');

async function statusName(page, prefix, timeout, contains = '') {
  return poll(`a status starting with ${prefix}`, async () => {
    const names = await page.evaluate(() => Array.from(document.querySelectorAll('#linli-a11y [role=status]'))
      .map((e) => e.getAttribute('aria-label') || e.textContent || ''));
    return names.find((n) => n.startsWith(prefix) && n.includes(contains)) || null;
  }, { timeout });
}

before(async () => {
  fs.mkdirSync(shots, { recursive: true });
  server = await startServer();
  staffBrowser = await launchBrowser();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-shifts-'));
  cameraFile = path.join(dir, 'camera.y4m');
  writeY4m(cameraFile, new Uint8Array(640 * 480).fill(200), 640, 480, 2); // blank until the post's code is known
  phoneBrowser = await launchBrowser({
    args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${cameraFile}`],
  });
});

after(async () => {
  await phoneBrowser?.close();
  await staffBrowser?.close();
  await server?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('volunteer shifts over WeChat codes', () => {
  it('signs up from a link, confirms by code, checks in by scanning, and keeps it all after reloads', { timeout: 300000 }, async () => {
    const requests = [];
    const open = [];
    try {
      await flow(requests, open);
    } catch (e) {
      for (const [i, p] of open.entries()) await p.screenshot({ path: path.join(shots, `shifts-failure-${i}.png`) }).catch(() => {});
      throw e;
    }
  });
});

async function flow(requests, open) {
    // ---------------------------------------------------------------- staff: a week of posts
    const staff = await openApp(staffBrowser, server.url, LAPTOP);
    open.push(staff.page);
    staff.page.on('request', (r) => requests.push(r.url()));
    const desk = staff.page;
    await activate(desk, 'tab', '志愿者');
    await activate(desk, 'button', '新建岗位');
    await typeInto(desk, '岗位名称', '东门卡口');
    await typeInto(desk, '每班人数', '1');
    await typeInto(desk, '天数', '7');
    const three = desk.getByRole('checkbox', { name: '三班倒', exact: true });
    await three.waitFor({ state: 'attached' });
    assert.equal(await three.getAttribute('aria-checked'), 'true', 'three shifts a day is the default');
    await scrollTo(desk, 'button', '保存');
    await activate(desk, 'button', '保存');
    await desk.getByRole('button', { name: /^东门卡口 .*21 个班次$/ }).waitFor({ state: 'attached', timeout: 15000 });
    // A second post the same way, so the link carries two.
    await activate(desk, 'button', '新建岗位');
    await typeInto(desk, '岗位名称', '核酸点秩序');
    await typeInto(desk, '每班人数', '2');
    await typeInto(desk, '天数', '7');
    await scrollTo(desk, 'button', '保存');
    await activate(desk, 'button', '保存');
    await desk.getByRole('button', { name: '新建岗位', exact: true }).waitFor({ state: 'attached', timeout: 15000 });
    await scrollTo(desk, 'button', /^核酸点秩序 .*21 个班次$/);
    await desk.screenshot({ path: path.join(shots, 'laptop-volunteers.png') });

    await scrollTo(desk, 'button', '分享报名链接', { step: -300 });
    await activate(desk, 'button', '分享报名链接');
    const linkField = desk.getByRole('textbox', { name: '报名链接', exact: true });
    await linkField.waitFor({ state: 'attached' });
    const link = await linkField.inputValue();
    assert.ok(link.startsWith(server.url) && link.includes('#v=LLS'), `the link is the site with the offer: ${link.slice(0, 80)}`);
    assert.ok(await desk.getByRole('status', { name: /^二维码：http/ }).count() > 0, 'the link has a QR code');

    // ------------------------------------------------------------ the volunteer's phone
    const phone = await openApp(phoneBrowser, link, PHONE);
    open.push(phone.page);
    phone.page.on('request', (r) => requests.push(r.url()));
    const vol = phone.page;
    await vol.getByRole('heading', { name: '志愿者报名' }).or(vol.getByRole('button', { name: '报名', exact: true }).first())
      .first().waitFor({ state: 'attached', timeout: 15000 });
    assert.equal(await vol.getByRole('tab').count(), 0, 'volunteer mode shows no staff areas');
    assert.ok(!(await vol.evaluate(() => document.getElementById('linli-a11y').textContent)).includes('采样'));
    await activate(vol, 'button', '报名'); // the first: the earliest open shift (on now)
    await typeInto(vol, '姓名', '李小燚');
    await typeInto(vol, '手机号', '13912345678');
    await activate(vol, 'button', '提交报名');
    const replyStatus = await statusName(vol, '回执码');
    const reply = replyStatus.replace(/^回执码：/, '');
    assert.match(reply, /^LLR-/);
    await vol.screenshot({ path: path.join(shots, 'phone-volunteer-reply.png') });

    // --------------------------------------------------------------- staff imports it
    await activate(desk, 'button', '‹ 返回');
    await scrollTo(desk, 'button', '导入回执', { step: -300 });
    await activate(desk, 'button', '导入回执');
    // A mistyped code is refused and changes nothing.
    const mistyped = reply.slice(0, 10) + (reply[10] === 'A' ? 'B' : 'A') + reply.slice(11);
    await typeInto(desk, '回执码', mistyped);
    await activate(desk, 'button', '导入');
    await statusName(desk, '码有误');
    await typeInto(desk, '回执码', reply);
    await activate(desk, 'button', '导入');
    const imported = await statusName(desk, '已报名');
    assert.ok(imported.includes('李小燚') && imported.includes('东门卡口'), imported);
    const confirmation = (await statusName(desk, '确认码')).replace(/^确认码：/, '');
    assert.match(confirmation, /^LLC-/);
    // The same code again: nothing changes, and it says so.
    await activate(desk, 'button', '导入');
    await statusName(desk, '已报名：李小燚', 15000, '之前已导入');
    await desk.screenshot({ path: path.join(shots, 'laptop-import-reply.png') });

    // ------------------------------------------------------- the phone takes the answer
    await activate(vol, 'button', '输入确认码');
    await typeInto(vol, '确认码', confirmation);
    await activate(vol, 'button', '确认');
    const confirmed = await statusName(vol, '已确认');
    assert.ok(confirmed.includes('东门卡口'), confirmed);

    // ------------------------------------------------- check-in by the post's QR code
    await activate(desk, 'button', '‹ 返回');
    await scrollTo(desk, 'button', /^东门卡口 .*个班次$/);
    const postRow = await desk.getByRole('button', { name: /^东门卡口 .*个班次$/ }).first().getAttribute('aria-label');
    await activate(desk, 'button', postRow);
    await activate(desk, 'button', '显示签到码');
    const qrName = await statusName(desk, '二维码：LLP');
    const postCode = qrName.replace(/^二维码：/, '');
    const qr = await qrModules(desk, postCode);
    writeY4m(cameraFile, qr.gray, qr.width, qr.height);
    await desk.screenshot({ path: path.join(shots, 'laptop-checkin-code.png') });
    await activate(vol, 'button', '扫码签到');
    const checkedIn = await statusName(vol, '已签到', 30000);
    assert.ok(checkedIn.length > 0);
    const checkinReply = (await statusName(vol, '回执码')).replace(/^回执码：/, '');
    assert.notEqual(checkinReply, reply, 'check-in has its own code');
    await vol.screenshot({ path: path.join(shots, 'phone-volunteer-checked-in.png') });
    await activate(desk, 'button', '‹ 返回');
    await activate(desk, 'button', '‹ 返回');
    await scrollTo(desk, 'button', '导入回执', { step: -300 });
    await activate(desk, 'button', '导入回执');
    await typeInto(desk, '回执码', checkinReply);
    await activate(desk, 'button', '导入');
    await statusName(desk, '已签到');

    // ------------------------------------------------------------------ both reload
    await desk.reload();
    await waitForReady(desk);
    await activate(desk, 'tab', '志愿者');
    await desk.getByRole('button', { name: '新建岗位', exact: true }).waitFor({ state: 'attached', timeout: 15000 });
    await scrollTo(desk, 'button', /^东门卡口：李小燚/);
    await scrollTo(desk, 'button', /^东门卡口 .*21 个班次$/);
    await vol.goto(server.url); // no link this time: the phone still opens in volunteer mode
    await waitForReady(vol);
    await vol.getByRole('button', { name: /^东门卡口 .*已确认 · .*签到$/ }).waitFor({ state: 'attached', timeout: 15000 });
    assert.equal(await vol.getByRole('tab').count(), 0);

    const foreign = requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('data:') && !u.startsWith('blob:'));
    assert.deepEqual(foreign, [], 'no request leaves this site');
    assert.deepEqual(staff.page.errors, []);
    assert.deepEqual(phone.page.errors, []);
    await staff.context.close();
    await phone.context.close();
}
