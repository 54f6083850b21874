// Sync end to end against a real PouchDB Server (tools/sync_server.mjs, in memory, on a
// loopback port): a phone and a laptop sign in through Settings → 同步, a volunteer made on
// one arrives on the other, a document written on the server by another client arrives
// too, and a wrong password says so. Screenshots: phone zh and en, laptop.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  activate, addVolunteer, gotoArea, gotoVolunteerList, LAPTOP, openApp, PHONE, ROOT, scrollTo, scrollToEnd, signIn as signInAs,
  startServerAndBrowser, syncDone,
} from './helpers.mjs';
import { basicAuth, couch, startSyncServer } from '../../tools/sync_server.mjs';

let env, server, browser, sync;
before(async () => {
  env = await startServerAndBrowser();
  ({ server, browser } = env);
  sync = await startSyncServer({ inMemory: true });
  await sync.addUser('desk', 'desk-pass', ['linli-staff']);
});
after(async () => { await sync?.stop(); await env?.stop(); });

const shot = (name) => path.join(ROOT, 'test-results', name);

const signIn = (page, options = {}) => signInAs(page, { url: `${sync.origin}/linli`, ...options });

describe('sync with a real PouchDB Server', () => {
  it('a phone and a laptop converge; a server-side edit arrives; the password is not stored in plain text', async () => {
    const phone = await openApp(browser, server.url, PHONE);
    const laptop = await openApp(browser, server.url, LAPTOP);
    try {
      await gotoVolunteerList(phone.page);
      await addVolunteer(phone.page, '邻里甲', '13800000001');
      await signIn(phone.page);
      await syncDone(phone.page);
      await phone.page.screenshot({ path: shot('phone-sync-zh.png') });
      // On the server, as CouchDB keeps it.
      const auth = basicAuth(sync.admin.user, sync.admin.password);
      const all = await couch(sync.origin, 'GET', '/linli/_all_docs?include_docs=true', { auth });
      assert.equal(all.status, 200);
      const names = all.body.rows.map((r) => r.doc && r.doc.name);
      assert.ok(names.includes('邻里甲'), JSON.stringify(names));
      assert.ok(!all.body.rows.some((r) => r.id.startsWith('syncconfig:')), 'settings stay on the device');
      // The password is kept sealed only.
      const stored = await phone.page.evaluate(() => new Promise((resolve, reject) => {
        const req = indexedDB.open('linli');
        req.onsuccess = () => {
          const tx = req.result.transaction('docs', 'readonly');
          const get = tx.objectStore('docs').get('syncconfig:this');
          get.onsuccess = () => resolve(get.result);
          get.onerror = () => reject(get.error);
        };
        req.onerror = () => reject(req.error);
      }));
      assert.ok(stored, 'the sync settings are saved');
      assert.ok(!JSON.stringify(stored).includes('desk-pass'), JSON.stringify(stored));

      await signIn(laptop.page);
      await syncDone(laptop.page);
      await laptop.page.screenshot({ path: shot('laptop-sync-zh.png') });
      await gotoVolunteerList(laptop.page);
      await laptop.page.getByRole('button', { name: '邻里甲 13800000001', exact: true }).waitFor({ state: 'attached', timeout: 15000 });

      // Another client writes on the server; live sync brings it to the laptop.
      const made = await couch(sync.origin, 'PUT', '/linli/volunteer:from-server', {
        auth, body: { type: 'volunteer', name: '服务器乙', phone: '13900000002', schema: 1 },
      });
      assert.equal(made.status, 201, JSON.stringify(made.body));
      await laptop.page.getByRole('button', { name: '服务器乙 13900000002', exact: true }).waitFor({ state: 'attached', timeout: 30000 });
    } finally {
      await phone.context.close();
      await laptop.context.close();
    }
  });

  it('a wrong password says so in English and in Chinese', async () => {
    const { page, context } = await openApp(browser, server.url, PHONE);
    try {
      await signIn(page, { password: 'wrong' });
      await page.getByRole('status', { name: '同步失败：用户名或密码错误' }).first().waitFor({ state: 'attached', timeout: 30000 });
      await gotoArea(page, '设置');
      await scrollTo(page, 'radio', 'English', { step: -400 });
      await activate(page, 'radio', 'English');
      await scrollToEnd(page);
      await page.getByRole('status', { name: 'Sync failed: wrong user name or password' }).first().waitFor({ state: 'attached', timeout: 15000 });
      await page.screenshot({ path: shot('phone-sync-en-failed.png') });
    } finally {
      await context.close();
    }
  });
});
