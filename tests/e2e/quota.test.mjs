// Storage pressure, for real: the browser's profile lives on a 40 MB tmpfs, which the test
// fills (another IndexedDB database of the same site, in shrinking chunks) until the disk is
// full, so the app's next write fails with the browser's own QuotaExceededError. The app
// must say so, keep the form and what was typed, and lose nothing already saved; once space
// is freed the same form saves. (Chromium's DevTools quota override was tried first: it is
// not applied to a database that has already written, so it cannot test this.)
// Mounting needs root, as tests/run.sh has on this machine; without it the test fails.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { activate, addVolunteer, gotoVolunteerList, idbRecords, launchOnProfile, openPage, ROOT, startServer, typeInto, waitForReady, waitForStatus } from './helpers.mjs';

let server;

before(async () => { server = await startServer(); });

after(() => server?.stop());

// Writes random bytes (incompressible) into the database "pad" until the disk is full.
async function fillDisk(page) {
  const put = (size) => page.evaluate((n) => new Promise((resolve) => {
    const open = indexedDB.open('pad');
    open.onupgradeneeded = () => open.result.createObjectStore('pad');
    open.onerror = () => resolve(String(open.error));
    open.onsuccess = () => {
      const bytes = new Uint8Array(n);
      for (let i = 0; i < n; i += 65536) crypto.getRandomValues(bytes.subarray(i, Math.min(n, i + 65536)));
      const tx = open.result.transaction('pad', 'readwrite');
      tx.objectStore('pad').put(bytes, 'pad:' + Math.random());
      tx.oncomplete = () => { open.result.close(); resolve('complete'); };
      tx.onabort = () => { open.result.close(); resolve(String(tx.error && tx.error.name)); };
    };
  }), size);
  const outcomes = [];
  for (const size of [1 << 20, 1 << 16, 1 << 12, 512]) {
    let written = 0;
    let last = 'complete';
    while (written < 200 && (last = await put(size)) === 'complete') written++;
    outcomes.push(last);
  }
  return outcomes;
}

describe('storage pressure', () => {
  it('a write over the quota says the storage is full, keeps the form, and loses nothing saved', async () => {
    assert.equal(process.getuid(), 0, 'the storage-pressure test mounts a tmpfs: run it as root');
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-quota-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=40m', 'tmpfs', profile]);
    let chrome;
    try {
      chrome = await launchOnProfile(profile);
      const context = chrome.browser.contexts()[0];
      const page = await openPage(context, server.url);
      await gotoVolunteerList(page);
      await addVolunteer(page, '已存甲', '13800000001');
      const outcomes = await fillDisk(page);
      assert.equal(outcomes.at(-1), 'QuotaExceededError', JSON.stringify(outcomes));
      await activate(page, 'button', '添加志愿者');
      await typeInto(page, '姓名', '未存乙');
      await typeInto(page, '手机号', '13800000002');
      await activate(page, 'button', '保存');
      await waitForStatus(page, '未保存：设备存储空间已满。请导出备份，并清理浏览器的存储空间。', 20000);
      // The form is still open with what was typed (and drawn: a font slice fetched while
      // the disk is full still renders, only its offline copy is not kept).
      await page.waitForFunction(() => !window.linliBridge.errors.some((e) => /Failed to fetch/.test(e)), null, { timeout: 2000 });
      await page.waitForFunction(() => document.querySelector('#linli-a11y input[aria-label="姓名"]')?.value === '未存乙', null, { timeout: 10000 });
      assert.equal(await page.locator('#linli-a11y input[aria-label="手机号"]').inputValue(), '13800000002');
      await page.screenshot({ path: path.join(ROOT, 'test-results', 'laptop-quota-full.png') });
      const names = (await idbRecords(page)).map((r) => r.name).filter(Boolean);
      assert.ok(names.includes('已存甲'), JSON.stringify(names));
      assert.ok(!names.includes('未存乙'), 'the refused write is not in the database');
      // Room again (the other database deleted): the same form saves, and after a reload
      // both are there.
      await page.evaluate(() => new Promise((resolve) => {
        const del = indexedDB.deleteDatabase('pad');
        del.onsuccess = del.onerror = del.onblocked = () => resolve();
      }));
      await activate(page, 'button', '保存');
      await page.getByRole('textbox', { name: '姓名', exact: true }).waitFor({ state: 'detached', timeout: 20000 });
      await page.reload();
      await waitForReady(page);
      const after = (await idbRecords(page)).map((r) => r.name).filter(Boolean);
      assert.ok(after.includes('已存甲') && after.includes('未存乙'), JSON.stringify(after));
    } finally {
      await chrome?.close();
      execFileSync('umount', [profile]);
      fs.rmSync(profile, { recursive: true, force: true });
    }
  });
});
