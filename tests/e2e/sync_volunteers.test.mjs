// Volunteers over sync, against a real PouchDB Server (tools/sync_server.mjs, in memory):
// a staff laptop on `linli` publishes its open shifts to `linli-volunteers`; a volunteer's
// phone (opened from the sign-up link once) signs in there with a volunteer account, sees a
// post made after the link was shared, signs up, and staff's answer comes back by itself.
// What the server holds is checked: the volunteers' database has only the exchange
// documents (no roster, no phone in plain text), the staff one none of them.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  activate, gotoVolunteerList, idbRecords, LAPTOP, openApp, PHONE, poll, ROOT, scrollTo, scrollToEnd, signIn,
  startServerAndBrowser, typeInto, waitForStatus,
} from './helpers.mjs';
import { basicAuth, couch, startSyncServer } from '../../tools/sync_server.mjs';

let env, server, browser, sync, admin;
before(async () => {
  env = await startServerAndBrowser();
  ({ server, browser } = env);
  sync = await startSyncServer({ inMemory: true });
  await sync.addUser('desk', 'desk-pass', ['linli-staff']);
  await sync.addUser('li', 'li-pass', ['linli-volunteer']);
  admin = basicAuth(sync.admin.user, sync.admin.password);
});
after(async () => { await sync?.stop(); await env?.stop(); });

const shot = (name) => path.join(ROOT, 'test-results', name);

async function waitStatus(page, prefix, what, timeout = 30000) {
  await waitForStatus(page, new RegExp(`^${prefix}`), timeout).catch((e) => { throw new Error(`${what}: ${e.message}`); });
}

async function newPost(desk, name) {
  await activate(desk, 'button', '新建岗位');
  await typeInto(desk, '岗位名称', name);
  await typeInto(desk, '每班人数', '1');
  await typeInto(desk, '天数', '2');
  await scrollTo(desk, 'button', '保存');
  await activate(desk, 'button', '保存');
  await desk.getByRole('button', { name: '新建岗位', exact: true }).waitFor({ state: 'attached', timeout: 15000 });
  await scrollTo(desk, 'button', new RegExp(`^${name} .*6 个班次$`)); // the posts list under the gaps
  await scrollTo(desk, 'button', '新建岗位', { step: -400 });
}

async function allDocs(db) {
  const all = await couch(sync.origin, 'GET', `/${db}/_all_docs?include_docs=true`, { auth: admin });
  assert.equal(all.status, 200, JSON.stringify(all.body));
  return all.body.rows.filter((r) => !r.id.startsWith('_design/'));
}

describe('volunteers over sync with a real PouchDB Server', () => {
  it('staff publish open shifts, a volunteer phone signs up through linli-volunteers and gets the answer', { timeout: 240000 }, async () => {
    const staff = await openApp(browser, server.url, LAPTOP);
    let phone;
    try {
      const desk = staff.page;
      await activate(desk, 'tab', '志愿者');
      await newPost(desk, '东门卡口');
      await scrollTo(desk, 'button', '分享报名链接', { step: -300 });
      await activate(desk, 'button', '分享报名链接');
      const linkField = desk.getByRole('textbox', { name: '报名链接', exact: true });
      await linkField.waitFor({ state: 'attached' });
      const link = await linkField.inputValue();
      await activate(desk, 'button', '‹ 返回');

      await signIn(desk, { url: `${sync.origin}/linli` });
      await waitStatus(desk, '同步完成', 'the staff sync completes');
      await waitStatus(desk, '志愿者报名库：已同步', 'the volunteers database is synced');
      await desk.screenshot({ path: shot('laptop-sync-volunteers-db.png') });

      // The volunteers' database holds this desk's offer and nothing else of the staff data.
      const first = await allDocs('linli-volunteers');
      assert.deepEqual(first.map((r) => r.id.split(':')[0]), ['voffer'], JSON.stringify(first.map((r) => r.id)));
      const staffDocs = await allDocs('linli');
      assert.ok(staffDocs.some((r) => r.id.startsWith('post:')), 'posts are in the staff database');
      assert.ok(!staffDocs.some((r) => /^v(offer|confirm|signup):/.test(r.id)), 'no exchange document in the staff database');

      // ------------------------------------------------------------------ the phone
      phone = await openApp(browser, link, PHONE);
      const vol = phone.page;
      await vol.getByRole('button', { name: '报名', exact: true }).first().waitFor({ state: 'attached', timeout: 15000 });
      // A post made after the link was shared reaches the phone only by sync.
      const offerRev = async () => (await allDocs('linli-volunteers')).find((r) => r.id.startsWith('voffer:'))?.doc._rev;
      const before = await offerRev();
      await activate(desk, 'tab', '志愿者');
      await newPost(desk, '核酸点秩序');
      await poll('the new post is published', async () => (await offerRev()) !== before, { timeout: 30000 })
        .catch((e) => { throw new Error(`${e.message}; voffer rev still ${before}`); });
      // What the mirror says (names and texts) of what is on screen.
      const mirrorText = () => vol.evaluate(() => [...document.querySelectorAll('#linli-a11y *')]
        .map((n) => `${n.getAttribute('aria-label') || ''} ${n.childElementCount ? '' : n.textContent}`).join(' '));
      assert.ok(!(await idbRecords(vol)).some((d) => d._id?.startsWith('voffer:')), 'nothing published on the phone before it syncs');

      await signIn(vol, { url: `${sync.origin}/linli-volunteers`, user: 'li', password: 'li-pass', inPlace: true });
      const published = await offerRev();
      await poll('the new offer is on the phone', async () => (await idbRecords(vol))
        .some((d) => d._id?.startsWith('voffer:') && d._rev === published), { timeout: 30000 });
      await scrollToEnd(vol); // the list grew: the status line is at the very bottom again
      await waitStatus(vol, '同步完成', 'the phone sync completes');
      await waitStatus(vol, '这是志愿者报名库', 'the phone says what it syncs', 5000);
      await vol.screenshot({ path: shot('phone-volunteer-sync.png') });

      // Shifts are listed by start, and at one start time by post (the newer post second):
      // the second 报名 at the top is the new post's first shift, which only sync brought.
      await vol.mouse.wheel(0, -8000);
      await vol.waitForTimeout(300);
      const second = vol.getByRole('button', { name: '报名', exact: true }).nth(1);
      await second.waitFor({ state: 'attached', timeout: 10000 });
      const box = await second.boundingBox();
      await vol.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
      await vol.getByRole('textbox', { name: '姓名', exact: true }).waitFor({ state: 'attached', timeout: 10000 });
      await typeInto(vol, '姓名', '李小燚');
      await typeInto(vol, '手机号', '13912345678');
      await activate(vol, 'button', '提交报名');
      await waitStatus(vol, '已通过同步发给工作人员', 'the phone says the sign-up went by sync', 15000);

      // The sign-up reaches the server as the volunteer's own document.
      const signups = await poll('the sign-up is on the server', async () => {
        const rows = (await allDocs('linli-volunteers')).filter((r) => r.id.startsWith('vsignup:'));
        return rows.length ? rows : null;
      }, { timeout: 30000 });
      assert.equal(signups.length, 1);
      assert.ok(signups[0].id.startsWith('vsignup:li:'), signups[0].id);
      const newPostDoc = (await allDocs('linli')).find((r) => r.id.startsWith('post:') && r.doc.name === '核酸点秩序');
      assert.ok(newPostDoc, 'the new post is in the staff database');
      assert.ok(signups[0].id.startsWith(`vsignup:li:${newPostDoc.id.slice('post:'.length)}@`),
        `the sign-up is for the post that came by sync: ${signups[0].id}`);
      assert.equal(signups[0].doc.by, 'li');
      assert.match(signups[0].doc.code, /^LLR-/);

      // The desk takes it in by itself: the volunteer is on its list, confirmed.
      await gotoVolunteerList(desk);
      await desk.getByRole('button', { name: '李小燚 13912345678', exact: true }).waitFor({ state: 'attached', timeout: 30000 });
      // And tells the phone: the sign-up shows confirmed there.
      await poll('the phone shows the sign-up confirmed', async () => (await mirrorText()).includes('已确认'), { timeout: 30000 });
      await vol.screenshot({ path: shot('phone-volunteer-sync-confirmed.png') });

      // What the volunteers' database holds: offers, a confirmation, the sign-up; no phone
      // number or name in plain text, nothing from the staff database.
      const held = await allDocs('linli-volunteers');
      const kinds = [...new Set(held.map((r) => r.id.split(':')[0]))].sort();
      assert.deepEqual(kinds, ['vconfirm', 'voffer', 'vsignup'], JSON.stringify(held.map((r) => r.id)));
      const dump = JSON.stringify(held);
      assert.ok(!dump.includes('13912345678') && !dump.includes('李小燚'), 'no plain phone or name in the volunteers database');
      // The volunteer's account cannot read the staff database.
      const refused = await couch(sync.origin, 'GET', '/linli/_all_docs', { auth: basicAuth('li', 'li-pass') });
      assert.ok(refused.status === 401 || refused.status === 403, `status ${refused.status}`);
      assert.deepEqual(phone.page.errors.filter((e) => !/Failed to load resource/.test(e)), []);
    } catch (e) {
      await staff.page.screenshot({ path: shot('sync-volunteers-failure-laptop.png') }).catch(() => {});
      await phone?.page.screenshot({ path: shot('sync-volunteers-failure-phone.png') }).catch(() => {});
      throw e;
    } finally {
      await phone?.context.close();
      await staff.context.close();
    }
  });
});
