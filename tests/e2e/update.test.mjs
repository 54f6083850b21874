// Updates and killed tabs never lose a write or a half-filled form. A new build is deployed
// (its service worker changes on the server) while the app's write waits behind another
// transaction and a resident form is half filled: the offer appears, Update waits for the
// write, and after the reload the record and the form's text are there. Then a tab killed
// with a half-filled form (the whole browser, SIGKILL) reopens it as it was.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  activate, gotoArea, gotoVolunteerList, idbRecords, LAPTOP, launchBrowser, launchOnProfile, openApp, openPage,
  poll, ROOT, startServer, typeInto, waitForReady, waitForStatus,
} from './helpers.mjs';

let site, server, browser;

before(async () => {
  // A copy of the site, so that the test can deploy a "new build" into it.
  site = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-site-'));
  fs.cpSync(path.join(ROOT, 'dist'), site, { recursive: true });
  server = await startServer({ dir: site });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  if (site) fs.rmSync(site, { recursive: true, force: true });
});

const textboxValue = (page, name) => page.evaluate((n) => document.querySelector(`#linli-a11y input[aria-label="${n}"]`)?.value, name);

describe('updates and killed tabs', () => {
  it('a build deployed during a write and a half-filled form: Update waits, then both are there', async () => {
    const { page, context } = await openApp(browser, server.url, LAPTOP);
    try {
      await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 20000 });
      // The new build: its service worker changed on the server; the offer appears.
      fs.appendFileSync(path.join(site, 'sw.js'), `\n// deployed ${Date.now()}\n`);
      await page.evaluate(() => window.linliBridge.registration.update());
      await waitForStatus(page, '有新版本可用。', 20000);
      assert.ok(await page.evaluate(() => !!window.linliBridge.registration.waiting), 'the new build waits');
      // A resident form, half filled.
      await activate(page, 'button', '新增居民');
      await typeInto(page, '姓名', '半填');
      // A volunteer saved while another transaction holds the store (until the test lets it
      // go, at most 60 s): the app's write is in flight behind it.
      await gotoVolunteerList(page);
      await activate(page, 'button', '添加志愿者');
      await typeInto(page, '姓名', '更新前');
      await typeInto(page, '手机号', '13800000009');
      await page.evaluate(() => new Promise((resolve) => {
        const open = indexedDB.open('linli');
        open.onsuccess = () => {
          const tx = open.result.transaction('docs', 'readwrite');
          const docs = tx.objectStore('docs');
          const until = performance.now() + 60000;
          const spin = () => { if (!window.releaseHold && performance.now() < until) docs.get('nothing').onsuccess = spin; };
          spin();
          tx.oncomplete = () => open.result.close();
          resolve();
        };
      }));
      await activate(page, 'button', '保存');
      await waitForStatus(page, '正在保存…', 5000);
      assert.ok(await page.evaluate(() => window.linliBridge.data.db.inFlight) > 0, 'the write is in flight');
      await page.evaluate(() => { window.beforeUpdate = true; });
      await activate(page, 'button', '更新');
      // Update waits: no reload while the write is in flight.
      await page.waitForTimeout(1500);
      assert.equal(await page.evaluate(() => window.beforeUpdate), true, 'reloaded with a write in flight');
      await page.evaluate(() => { window.releaseHold = true; });
      // The reload comes after the write: a new page, ready.
      await poll('the reload into the new build', () => page.evaluate(() => !window.beforeUpdate && document.body.dataset.ready === '1').catch(() => false), { timeout: 30000 });
      await waitForReady(page);
      const names = (await idbRecords(page)).map((r) => r.name);
      assert.ok(names.includes('更新前'), JSON.stringify(names));
      // The half-filled form is open again with what was typed.
      await page.getByRole('textbox', { name: '姓名', exact: true }).waitFor({ state: 'attached', timeout: 15000 });
      assert.equal(await textboxValue(page, '姓名'), '半填');
      const sw = await page.evaluate(() => fetch('sw.js').then((r) => r.text()));
      assert.match(sw, /deployed \d+/, 'the page runs under the new build');
      await page.screenshot({ path: path.join(ROOT, 'test-results', 'laptop-after-update.png') });
    } finally {
      await context.close();
    }
  });

  it('a half-filled form survives a killed browser', async () => {
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-draft-'));
    let chrome = await launchOnProfile(profile);
    try {
      let page = await openPage(chrome.browser.contexts()[0], server.url);
      await gotoVolunteerList(page);
      await activate(page, 'button', '添加志愿者');
      await typeInto(page, '姓名', '被杀前');
      await typeInto(page, '手机号', '1390000');
      // Kept as typed: wait until the page has no draft write waiting, then kill.
      await page.waitForFunction(() => !window.linliBridge.draftsPending(), null, { timeout: 5000 });
      await chrome.kill();
      chrome = await launchOnProfile(profile);
      page = await openPage(chrome.browser.contexts()[0], server.url);
      await page.getByRole('textbox', { name: '姓名', exact: true }).waitFor({ state: 'attached', timeout: 15000 });
      assert.equal(await textboxValue(page, '姓名'), '被杀前');
      assert.equal(await textboxValue(page, '手机号'), '1390000');
      // Nothing was saved as a record: it is a draft until Save.
      assert.ok(!(await idbRecords(page)).some((r) => r.name === '被杀前'));
    } finally {
      await chrome.close();
      fs.rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    }
  });
});
