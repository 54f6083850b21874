// Sync when things go wrong, against a real PouchDB Server (tools/sync_server.mjs): a
// deletion reaching the other device and the server as a tombstone; a conflict made by two
// offline devices, shown on both with CouchDB's winner and resolved on one; the server
// SIGKILLed in the middle of a pull and of a push (LevelDB folder, restarted on the same
// port) with every document arriving exactly once; a volunteer refused on the staff
// database; and a proxy that breaks chosen replies (HTML pages, truncated JSON, JSON of the
// wrong types), after which nothing has changed on either side and an honest run completes.
// Screenshots: phone-sync-conflict.png, phone-sync-bad-reply.png.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import {
  activate, addVolunteer, gotoArea, gotoVolunteerList, idbRecords, LAPTOP, openApp, PHONE, poll, ROOT, scrollTo, scrollToEnd,
  signIn, startServerAndBrowser, statuses, syncDone, typeInto, waitForStatus,
} from './helpers.mjs';
import { basicAuth, couch, STAFF_SECURITY, startSyncServer } from '../../tools/sync_server.mjs';

let env, server, browser, sync, admin;
before(async () => {
  env = await startServerAndBrowser();
  ({ server, browser } = env);
  sync = await startSyncServer({ inMemory: true });
  admin = basicAuth(sync.admin.user, sync.admin.password);
  await sync.addUser('desk', 'desk-pass', ['linli-staff']);
});
after(async () => { await sync?.stop(); await env?.stop(); });

const shot = (name) => path.join(ROOT, 'test-results', name);

// ---------------------------------------------------------------- small helpers

// The keys of the app's IndexedDB records whose id starts with prefix (no values: cheap
// enough to poll while thousands arrive).
async function idbKeys(page, prefix) {
  return page.evaluate((p) => new Promise((resolve, reject) => {
    const req = indexedDB.open('linli', 1);
    req.onsuccess = () => {
      const keys = req.result.transaction('docs', 'readonly').objectStore('docs').getAllKeys(IDBKeyRange.bound(p, p + '\uffff'));
      keys.onsuccess = () => { resolve(keys.result); req.result.close(); };
      keys.onerror = () => reject(keys.error);
    };
    req.onerror = () => reject(req.error);
  }), prefix);
}

async function idbDoc(page, id) {
  return (await idbRecords(page)).find((r) => r._id === id);
}

const byId = (a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0);

// A database's documents as the admin sees them (winners, with their conflicts).
async function serverDocs(origin, db, auth) {
  const r = await couch(origin, 'GET', `/${db}/_all_docs?include_docs=true&conflicts=true`, { auth });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body.rows;
}

// CouchDB's winner between two leaves that are not deleted: the longer history, then the
// greater rev string.
function winnerOf(a, b) {
  const ga = Number(a.split('-')[0]), gb = Number(b.split('-')[0]);
  if (ga !== gb) return ga > gb ? a : b;
  return a > b ? a : b;
}

async function setOnline(context, page, online) {
  await context.setOffline(!online);
  await poll(`navigator.onLine === ${online}`, () => page.evaluate((want) => navigator.onLine === want, online), { timeout: 5000 });
}

// The volunteer list, from wherever the volunteers area was left (it keeps its screen).
async function showList(page) {
  await gotoArea(page, '志愿者');
  const either = page.getByRole('button', { name: /^(添加志愿者|志愿者名单)$/ }).first();
  await either.waitFor({ state: 'attached', timeout: 10000 });
  if (await page.getByRole('button', { name: '添加志愿者', exact: true }).count() === 0) await gotoVolunteerList(page);
}

async function openVolunteer(page, name, phone) {
  await activate(page, 'button', `${name} ${phone}`);
  await page.getByRole('textbox', { name: '手机号', exact: true }).waitFor({ state: 'attached', timeout: 10000 });
}

async function editPhone(page, name, phone, newPhone) {
  await openVolunteer(page, name, phone);
  await typeInto(page, '手机号', newPhone);
  await activate(page, 'button', '保存');
  await page.getByRole('status', { name: '已保存', exact: true }).waitFor({ state: 'attached', timeout: 15000 });
  await page.getByRole('textbox', { name: '姓名', exact: true }).waitFor({ state: 'detached', timeout: 15000 });
  await page.getByRole('button', { name: `${name} ${newPhone}`, exact: true }).waitFor({ state: 'attached', timeout: 15000 });
}

const row = (page, name, phone) => page.getByRole('button', { name: `${name} ${phone}`, exact: true });
const BANNER_ONE = '1 条记录有冲突待选择（设置 → 同步）';
// Records that stay on the device (src/sync/replicator.cpp IsLocalOnlyType; conflict: keeps
// a losing branch, which travels as the document's own revision).
const LOCAL_ONLY = /^(synclocal|syncconfig|my_profile|conflict):/;

// A volunteer document as the app makes one (src/app/volunteers/volunteer_service.cpp).
function volunteerDoc(i, device = 'srvbulk') {
  const n = String(i).padStart(5, '0');
  return {
    _id: `volunteer:bulk${n}-${device}-0`, type: 'volunteer', name: `批量志愿者${n}`,
    phone: `139${String(10000000 + i)}`, updated_at: 1764700000000 + i, device, schema: 1,
  };
}

// ---------------------------------------------------------------- a proxy that lies

// In front of the sync server: forwards everything (method, path, headers, body; replies
// with their headers, cookies and CORS), except that the current fault, when it matches a
// request, replaces the reply (or answers without asking the server at all).
async function startLyingProxy(upstream) {
  const target = new URL(upstream);
  const state = { fault: null, faulted: 0 };
  const pending = new Set();
  const srv = http.createServer(async (req, res) => {
    res.on('error', () => {});
    pending.add(res);
    res.on('close', () => pending.delete(res));
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const body = Buffer.concat(chunks);
    const pathname = new URL(req.url, upstream).pathname;
    const fault = state.fault && req.method !== 'OPTIONS' && state.fault.match(req.method, pathname) ? state.fault : null;
    let up = { status: 200, headers: {}, body: Buffer.alloc(0) };
    if (!fault || !fault.noForward) {
      try {
        up = await new Promise((resolve, reject) => {
          const out = http.request({
            host: target.hostname, port: target.port, method: req.method, path: req.url,
            headers: { ...req.headers, host: target.host },
          }, (r) => {
            const parts = [];
            r.on('data', (c) => parts.push(c));
            r.on('end', () => resolve({ status: r.statusCode, headers: r.headers, body: Buffer.concat(parts) }));
            r.on('error', reject);
          });
          out.on('error', reject);
          out.end(body);
        });
      } catch {
        res.destroy();
        return;
      }
    }
    let status = up.status, headers = { ...up.headers }, replyBody = up.body;
    if (fault) {
      state.faulted++;
      const made = fault.reply({ status: up.status, text: up.body.toString('utf8') });
      for (const h of ['content-length', 'content-type', 'content-encoding', 'transfer-encoding', 'etag']) delete headers[h];
      if (req.headers.origin) {
        headers['access-control-allow-origin'] = req.headers.origin;
        headers['access-control-allow-credentials'] = 'true';
      }
      headers['content-type'] = made.type || 'application/json';
      status = made.status;
      replyBody = Buffer.from(made.body, 'utf8');
    }
    if (res.cut) return;
    delete headers['transfer-encoding'];
    headers['content-length'] = String(replyBody.length);
    res.writeHead(status, headers);
    res.end(replyBody);
  });
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  return {
    origin: `http://127.0.0.1:${srv.address().port}`,
    state,
    // The network goes: every reply on its way (the live long-poll) is cut off after its
    // first bytes (a request cut before any byte would be sent again by the browser).
    dropAll() {
      for (const res of pending) {
        res.cut = true;
        if (!res.headersSent) {
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000', 'access-control-allow-origin': res.req.headers.origin || '*', 'access-control-allow-credentials': 'true' });
          res.write('{"results":[');
        }
        setTimeout(() => res.socket?.destroy(), 50);
      }
    },
    async stop() { srv.closeAllConnections(); srv.close(); },
  };
}

const HTML_PAGE = '<!DOCTYPE html><html><head><title>欢迎</title></head><body><h1>Welcome to nginx!</h1></body></html>';
const BAD_GATEWAY = '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';

// ---------------------------------------------------------------- the tests

describe('sync faults against a real PouchDB Server', () => {
  it('a volunteer deleted on one device is gone on the other, and the server keeps a tombstone', async () => {
    const a = await openApp(browser, server.url, LAPTOP);
    const b = await openApp(browser, server.url, LAPTOP);
    const url = `${sync.origin}/linli`;
    try {
      await gotoVolunteerList(a.page);
      await addVolunteer(a.page, '删除甲', '13800000011');
      const made = (await idbRecords(a.page)).find((r) => r.type === 'volunteer' && r.name === '删除甲');
      assert.ok(made, 'the volunteer is stored on A');
      await signIn(a.page, { url });
      await syncDone(a.page);
      await signIn(b.page, { url });
      await syncDone(b.page);
      await gotoVolunteerList(b.page);
      await row(b.page, '删除甲', '13800000011').waitFor({ state: 'attached', timeout: 15000 });
      await showList(a.page);

      // Deleted on B: 删除, then 确认删除.
      await openVolunteer(b.page, '删除甲', '13800000011');
      await activate(b.page, 'button', '删除');
      await activate(b.page, 'button', '确认删除');
      await row(b.page, '删除甲', '13800000011').waitFor({ state: 'detached', timeout: 15000 });
      const tombB = await poll('a tombstone on B', async () => {
        const d = await idbDoc(b.page, made._id);
        return d && d._deleted ? d : null;
      });
      assert.equal(tombB._rev.split('-')[0], '2', `the tombstone continues the volunteer's history: ${tombB._rev}`);

      // A, live, hears of it and the row goes.
      await row(a.page, '删除甲', '13800000011').waitFor({ state: 'detached', timeout: 30000 });
      const tombA = await idbDoc(a.page, made._id);
      assert.ok(tombA && tombA._deleted, `A keeps a tombstone: ${JSON.stringify(tombA)}`);
      assert.equal(tombA._rev, tombB._rev);

      // The server: not readable any more, a deleted leaf with B's revision.
      const gone = await couch(sync.origin, 'GET', `/linli/${encodeURIComponent(made._id)}`, { auth: admin });
      assert.equal(gone.status, 404, JSON.stringify(gone.body)); // reason "missing" here, "deleted" in CouchDB
      const leaves = await couch(sync.origin, 'GET', `/linli/${encodeURIComponent(made._id)}?open_revs=all`, { auth: admin });
      assert.equal(leaves.status, 200, JSON.stringify(leaves.body));
      assert.deepEqual(leaves.body.map((l) => [l.ok?._rev, l.ok?._deleted]), [[tombB._rev, true]]);
      const changes = await couch(sync.origin, 'GET', '/linli/_changes?style=all_docs', { auth: admin });
      const change = changes.body.results.find((c) => c.id === made._id);
      assert.equal(change?.deleted, true, JSON.stringify(change));
      assert.ok(!(await serverDocs(sync.origin, 'linli', admin)).some((r) => r.id === made._id), 'not in _all_docs');
    } finally {
      await a.context.close();
      await b.context.close();
    }
  });

  it('a conflict from two offline devices shows on both with the same winner; the choice on one reaches the other', async () => {
    const a = await openApp(browser, server.url, LAPTOP);
    const b = await openApp(browser, server.url, PHONE);
    const url = `${sync.origin}/linli`;
    try {
      await gotoVolunteerList(a.page);
      await addVolunteer(a.page, '冲突乙', '13800000021');
      const id = (await idbRecords(a.page)).find((r) => r.type === 'volunteer' && r.name === '冲突乙')._id;
      await signIn(a.page, { url });
      await syncDone(a.page);
      await signIn(b.page, { url });
      await syncDone(b.page);
      await gotoVolunteerList(b.page);
      await row(b.page, '冲突乙', '13800000021').waitFor({ state: 'attached', timeout: 15000 });
      await showList(a.page);

      // Both offline; each changes the phone number its own way.
      await setOnline(a.context, a.page, false);
      await setOnline(b.context, b.page, false);
      await editPhone(a.page, '冲突乙', '13800000021', '13800000022');
      await editPhone(b.page, '冲突乙', '13800000021', '13800000023');
      const revA = (await idbDoc(a.page, id))._rev, revB = (await idbDoc(b.page, id))._rev;
      assert.notEqual(revA, revB);
      assert.equal(revA.split('-')[0], '2');
      assert.equal(revB.split('-')[0], '2');
      const winner = winnerOf(revA, revB), loser = winner === revA ? revB : revA;
      const winnerPhone = winner === revA ? '13800000022' : '13800000023';
      const loserPhone = winner === revA ? '13800000023' : '13800000022';

      // Back online: both sync by themselves.
      await setOnline(a.context, a.page, true);
      await setOnline(b.context, b.page, true);
      for (const d of [a, b]) {
        await d.page.getByRole('button', { name: BANNER_ONE, exact: true }).waitFor({ state: 'attached', timeout: 30000 });
      }
      const onServer = await poll('the conflict on the server', async () => {
        const r = await couch(sync.origin, 'GET', `/linli/${encodeURIComponent(id)}?conflicts=true`, { auth: admin });
        return r.status === 200 && r.body._conflicts?.length ? r.body : null;
      });
      assert.equal(onServer._rev, winner, `the server's winner (${revA} vs ${revB})`);
      assert.deepEqual(onServer._conflicts, [loser]);
      assert.equal(onServer.phone, winnerPhone);
      for (const [who, d] of [['A', a], ['B', b]]) {
        const records = await idbRecords(d.page);
        const doc = records.find((r) => r._id === id);
        assert.equal(doc._rev, winner, `${who} shows the server's winner`);
        assert.equal(doc.phone, winnerPhone);
        const kept = records.filter((r) => r._id.startsWith('conflict:') && !r._deleted);
        assert.deepEqual(kept.map((r) => r._id), [`conflict:${id}@${loser}`], `${who} keeps the other version`);
        await row(d.page, '冲突乙', winnerPhone).waitFor({ state: 'attached', timeout: 10000 });
      }

      // On the phone: the banner leads to Settings → 同步 and its list; 用另一版本.
      await activate(b.page, 'button', BANNER_ONE);
      await b.page.getByRole('tab', { name: '设置', exact: true, selected: true }).waitFor({ state: 'attached', timeout: 10000 });
      await scrollToEnd(b.page);
      await scrollTo(b.page, 'button', '用另一版本');
      assert.equal(await b.page.getByRole('button', { name: '保留当前', exact: true }).count(), 1);
      await b.page.screenshot({ path: shot('phone-sync-conflict.png') });
      await activate(b.page, 'button', '用另一版本');
      await b.page.getByRole('button', { name: '用另一版本', exact: true }).waitFor({ state: 'detached', timeout: 15000 });

      // A follows without anyone touching it: its banner goes, the chosen number shows.
      await a.page.getByRole('button', { name: BANNER_ONE, exact: true }).waitFor({ state: 'detached', timeout: 30000 });
      await row(a.page, '冲突乙', loserPhone).waitFor({ state: 'attached', timeout: 15000 });
      const resolved = await poll('the choice on the server', async () => {
        const r = await couch(sync.origin, 'GET', `/linli/${encodeURIComponent(id)}?conflicts=true`, { auth: admin });
        return r.status === 200 && !r.body._conflicts && r.body.phone === loserPhone ? r.body : null;
      });
      assert.equal(resolved._rev.split('-')[0], '3');
      for (const [who, d] of [['A', a], ['B', b]]) {
        const records = await poll(`${who} has the choice`, async () => {
          const all = await idbRecords(d.page);
          return all.find((r) => r._id === id)?._rev === resolved._rev ? all : null;
        });
        assert.equal(records.find((r) => r._id === id).phone, loserPhone);
        assert.deepEqual(records.filter((r) => r._id.startsWith('conflict:') && !r._deleted), [], `${who} has no conflict left`);
      }
      await showList(b.page);
      await row(b.page, '冲突乙', loserPhone).waitFor({ state: 'attached', timeout: 15000 });
      assert.equal(await b.page.getByRole('button', { name: BANNER_ONE, exact: true }).count(), 0);
    } finally {
      await a.context.close();
      await b.context.close();
    }
  });

  it('the server killed in the middle of a pull and of a push: every document arrives once, no fetch from the start', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-kill-'));
    const ks = await startSyncServer({ dir });
    const auth = basicAuth(ks.admin.user, ks.admin.password);
    const N = 2500;
    const { context, page } = await openApp(browser, server.url, LAPTOP);
    try {
      await ks.addUser('desk', 'desk-pass', ['linli-staff']);
      const docs = Array.from({ length: N }, (_, i) => volunteerDoc(i));
      const put = await couch(ks.origin, 'POST', '/linli/_bulk_docs', { auth, body: { docs }, timeout: 60000 });
      assert.equal(put.status, 201);
      assert.equal(put.body.filter((r) => r.ok).length, N);
      const wanted = docs.map((d) => d._id).sort();

      // What the device asks for.
      const log = [];
      page.on('request', (r) => {
        const u = new URL(r.url());
        if (u.origin !== ks.origin) return;
        const entry = { at: Date.now(), method: r.method(), path: u.pathname, since: u.searchParams.get('since') };
        if (r.method() === 'POST' && /\/_bulk_(get|docs)$/.test(u.pathname)) {
          entry.ids = (JSON.parse(r.postData() || '{}').docs || []).map((d) => d.id || d._id);
        }
        log.push(entry);
      });

      // The pull: the server is SIGKILLed as the device writes its second checkpoint there
      // (the device has just made 1,000 documents durable; the server never hears of it).
      let puts = 0, killedAt = 0;
      await page.route(`${ks.origin}/linli/_local/**`, async (route) => {
        if (route.request().method() === 'PUT' && ++puts === 2 && !killedAt) {
          killedAt = Date.now();
          await ks.kill();
          await route.abort('connectionrefused');
          return;
        }
        await route.continue();
      });
      await signIn(page, { url: `${ks.origin}/linli` });
      await waitForStatus(page, /^同步失败：无法连接服务器（\d+ 秒后重试）$/, 60000);
      assert.ok(killedAt, 'killed during the pull');
      const held = (await idbKeys(page, 'volunteer:')).length;
      assert.ok(held > 0 && held < N, `some but not all on the device when killed: ${held}`);
      await page.unroute(`${ks.origin}/linli/_local/**`);
      await ks.restart();
      await syncDone(page, 60000);
      const got = await idbKeys(page, 'volunteer:');
      assert.equal(got.length, N);
      assert.deepEqual([...got].sort(), wanted);
      const vols = (await idbRecords(page)).filter((r) => r.type === 'volunteer');
      assert.equal(vols.length, N);
      assert.ok(vols.every((v) => !v._deleted && /^1-/.test(v._rev) && v.name.startsWith('批量志愿者')), 'the documents as the server has them');
      const afterKill = log.filter((e) => e.at > killedAt);
      const changesAfter = afterKill.filter((e) => e.path === '/linli/_changes');
      assert.ok(changesAfter.length > 0);
      assert.ok(changesAfter.every((e) => e.since !== '0'), `resumed from a checkpoint: ${JSON.stringify(changesAfter.map((e) => e.since))}`);
      const fetchedAfter = afterKill.filter((e) => e.path === '/linli/_bulk_get').flatMap((e) => e.ids);
      assert.ok(fetchedAfter.length <= N - held, `fetched again after the restart: ${fetchedAfter.length} (held ${held})`);
      const fetched = log.filter((e) => e.path === '/linli/_bulk_get').flatMap((e) => e.ids);
      assert.equal(new Set(fetched).size, N, 'every document fetched');

      // The push: to a new, empty database. The second _bulk_docs reaches the server and is
      // stored, then the server is SIGKILLed before the device hears the reply.
      assert.equal((await couch(ks.origin, 'PUT', '/linli-copy', { auth })).status, 201);
      assert.equal((await couch(ks.origin, 'PUT', '/linli-copy/_security', { auth, body: STAFF_SECURITY })).status, 200);
      let uploads = 0, pushKilledAt = 0, storedBeforeKill = 0;
      await page.route(`${ks.origin}/linli-copy/_bulk_docs`, async (route) => {
        if (route.request().method() === 'POST' && ++uploads === 2 && !pushKilledAt) {
          const reply = await route.fetch({ headers: { ...route.request().headers(), authorization: basicAuth('desk', 'desk-pass') } });
          storedBeforeKill = reply.status();
          pushKilledAt = Date.now();
          await ks.kill();
          await route.abort('connectionreset');
          return;
        }
        await route.continue();
      });
      await signIn(page, { url: `${ks.origin}/linli-copy` });
      await waitForStatus(page, /^同步失败：无法连接服务器（\d+ 秒后重试）$/, 60000);
      assert.ok(pushKilledAt, 'killed during the push');
      assert.equal(storedBeforeKill, 201, 'the interrupted batch was stored by the server');
      await page.unroute(`${ks.origin}/linli-copy/_bulk_docs`);
      await ks.restart();
      await syncDone(page, 60000);
      const local = (await idbRecords(page)).filter((r) => !LOCAL_ONLY.test(r._id)).sort(byId);
      const copied = await serverDocs(ks.origin, 'linli-copy', auth);
      assert.equal(copied.length, local.length, 'the server holds exactly the device documents');
      assert.deepEqual(copied.map((r) => [r.id, r.value.rev]), local.map((d) => [d._id, d._rev]));
      assert.equal(copied.filter((r) => r.id.startsWith('volunteer:')).length, N);
      assert.ok(copied.every((r) => !r.doc._conflicts), 'no document has two versions');
      const info = await couch(ks.origin, 'GET', '/linli-copy', { auth });
      assert.equal(info.body.doc_count, local.length);
      const uploadedAfter = log.filter((e) => e.at > pushKilledAt && e.path === '/linli-copy/_bulk_docs').flatMap((e) => e.ids);
      const interrupted = log.filter((e) => e.path === '/linli-copy/_bulk_docs')[1].ids;
      assert.ok(interrupted.length > 0);
      assert.equal(uploadedAfter.filter((x) => interrupted.includes(x)).length, 0, 'what the server stored is not sent again');
    } finally {
      await context.close();
      await ks.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a volunteer signing in on the staff database is refused with a clear reason; the server refuses their writes', async () => {
    await sync.addUser('vol', 'vol-pass', ['linli-volunteer']);
    const { context, page } = await openApp(browser, server.url, LAPTOP);
    try {
      await gotoVolunteerList(page);
      await addVolunteer(page, '本机丙', '13800000031');
      const mine = (await idbRecords(page)).filter((r) => r.type === 'volunteer').sort(byId);
      assert.equal(mine.length, 1);
      await signIn(page, { url: `${sync.origin}/linli`, user: 'vol', password: 'vol-pass' });
      await waitForStatus(page, '同步失败：没有权限');
      // Nothing local lost or changed.
      assert.deepEqual((await idbRecords(page)).filter((r) => r.type === 'volunteer').sort(byId), mine);
      await showList(page);
      await row(page, '本机丙', '13800000031').waitFor({ state: 'attached', timeout: 10000 });
      const onServer = await serverDocs(sync.origin, 'linli', admin);
      assert.ok(!onServer.some((r) => r.id === mine[0]._id), 'nothing went up');

      // From the page, with the session cookie the app's login left.
      const answers = await page.evaluate(async (origin) => {
        const call = async (method, p, body) => {
          const init = { method, credentials: 'include', headers: { Accept: 'application/json' } };
          if (body) { init.body = JSON.stringify(body); init.headers['Content-Type'] = 'application/json'; }
          const r = await fetch(origin + p, init);
          return { status: r.status, body: await r.json().catch(() => null) };
        };
        return {
          session: await call('GET', '/_session'),
          resident: await call('PUT', '/linli-volunteers/resident:by-volunteer', { type: 'resident', name: '冒充居民', schema: 1 }),
          signup: await call('PUT', '/linli-volunteers/vsignup:vol:1', { type: 'vsignup', by: 'vol', shift: 'shift:1', schema: 1 }),
          staffAll: await call('GET', '/linli/_all_docs'),
          staffWrite: await call('PUT', '/linli/volunteer:by-volunteer', { type: 'volunteer', name: '冒充', schema: 1 }),
        };
      }, sync.origin);
      assert.equal(answers.session.body?.userCtx?.name, 'vol', JSON.stringify(answers.session));
      assert.equal(answers.resident.status, 403, JSON.stringify(answers.resident));
      assert.equal(answers.resident.body?.error, 'forbidden');
      assert.equal(answers.signup.status, 201, `their own sign-up is taken: ${JSON.stringify(answers.signup)}`);
      assert.ok([401, 403].includes(answers.staffAll.status), JSON.stringify(answers.staffAll));
      assert.ok(!answers.staffAll.body?.rows, 'no rows');
      assert.ok([401, 403].includes(answers.staffWrite.status), JSON.stringify(answers.staffWrite));
      const residents = await couch(sync.origin, 'GET', '/linli-volunteers/resident:by-volunteer', { auth: admin });
      assert.equal(residents.status, 404);
      assert.equal((await couch(sync.origin, 'GET', '/linli/volunteer:by-volunteer', { auth: admin })).status, 404);
    } finally {
      await context.close();
    }
  });

  it('malformed replies (HTML pages, truncated JSON, wrong types) fail clearly and change nothing; an honest reply then completes', async () => {
    const proxy = await startLyingProxy(sync.origin);
    const { context, page } = await openApp(browser, server.url, PHONE);
    const isPath = (method, end) => (m, p) => m === method && p.endsWith(end);
    try {
      await gotoVolunteerList(page);
      await addVolunteer(page, '本机丁', '13800000041');
      await signIn(page, { url: `${proxy.origin}/linli` });
      await syncDone(page);
      let serverMade = 0;
      const makeOnServer = async () => {
        const doc = volunteerDoc(90000 + ++serverMade, 'srvfault');
        const r = await couch(sync.origin, 'PUT', `/linli/${encodeURIComponent(doc._id)}`, { auth: admin, body: doc });
        assert.equal(r.status, 201);
        return doc._id;
      };
      let localMade = 0;
      const makeHere = async () => {
        await showList(page);
        await addVolunteer(page, `本机${++localMade}号`, `1370000000${localMade}`);
        await gotoArea(page, '设置');
        await scrollToEnd(page);
      };
      const WHY_BAD = '服务器的回复无法识别';
      const cases = [
        { what: '_changes as an HTML page (200)', pull: true, why: WHY_BAD, shot: 'phone-sync-bad-reply.png',
          fault: { match: isPath('GET', '/_changes'), reply: () => ({ status: 200, type: 'text/html', body: HTML_PAGE }) } },
        { what: '_changes as a proxy error page (502)', pull: true, why: '服务器出错',
          fault: { match: isPath('GET', '/_changes'), reply: () => ({ status: 502, type: 'text/html', body: BAD_GATEWAY }) } },
        { what: '_changes with results a string', pull: true, why: WHY_BAD,
          fault: { match: isPath('GET', '/_changes'), reply: ({ text }) => ({ status: 200, body: JSON.stringify({ ...JSON.parse(text), results: 'results' }) }) } },
        { what: '_bulk_get truncated', pull: true, why: WHY_BAD, prepare: makeOnServer,
          fault: { match: isPath('POST', '/_bulk_get'), reply: ({ text }) => ({ status: 200, body: text.slice(0, Math.floor(text.length / 2)) }) } },
        { what: '_bulk_get with results that have no docs', pull: true, why: WHY_BAD, prepare: makeOnServer,
          fault: { match: isPath('POST', '/_bulk_get'), reply: ({ text }) => ({ status: 200, body: JSON.stringify({ results: JSON.parse(text).results.map((r) => ({ id: r.id })) }) }) } },
        { what: '_bulk_get missing the documents asked for', pull: true, why: WHY_BAD, prepare: makeOnServer,
          fault: { match: isPath('POST', '/_bulk_get'), reply: () => ({ status: 200, body: JSON.stringify({ results: [] }) }) } },
        { what: '_revs_diff with numbers for values', why: WHY_BAD, prepare: makeHere,
          fault: { match: isPath('POST', '/_revs_diff'), reply: ({ text }) => ({ status: 200, body: JSON.stringify(Object.fromEntries(Object.keys(JSON.parse(text)).map((k) => [k, 1]))) }) } },
        { what: '_bulk_docs as an HTML page, never reaching the server', why: WHY_BAD, prepare: makeHere,
          fault: { match: isPath('POST', '/_bulk_docs'), noForward: true, reply: () => ({ status: 200, type: 'text/html', body: HTML_PAGE }) } },
      ];
      const local = async () => (await idbRecords(page)).sort(byId);
      // The pull's checkpoint here (a run that pulls nothing new still rewrites it with its
      // own session, so it is compared by where it stands).
      const checkpointSeq = (records) => records.filter((r) => r._id.startsWith('synclocal:')).map((r) => r.last_seq);
      const withoutCheckpoint = (records) => records.filter((r) => !r._id.startsWith('synclocal:'));
      for (const c of cases) {
        // Offline (the browser keeps a request already on its way, so the proxy cuts it).
        await setOnline(context, page, false);
        await poll('the long-poll cut', async () => {
          proxy.dropAll();
          return (await statuses(page)).some((t) => t.startsWith('同步失败：无法连接服务器'));
        }, { timeout: 10000, interval: 300 });
        if (c.prepare) await c.prepare();
        const before = { local: await local(), server: await serverDocs(sync.origin, 'linli', admin) };
        proxy.state.fault = c.fault;
        proxy.state.faulted = 0;
        await setOnline(context, page, true);
        try {
          await waitForStatus(page, new RegExp(`^同步失败：${c.why}（\\d+ 秒后重试）$`));
        } catch (e) {
          throw new Error(`${c.what}: ${e.message}`);
        }
        assert.ok(proxy.state.faulted > 0, `${c.what}: the broken reply was served`);
        if (c.shot) await page.screenshot({ path: shot(c.shot) });
        const now = await local();
        assert.deepEqual(checkpointSeq(now), checkpointSeq(before.local), `${c.what}: the checkpoint did not move`);
        // Checkpoint records are compared by their last_seq only: beside the staff database
        // this device also replicates linli-volunteers, whose run rewrites its own checkpoint.
        assert.deepEqual(withoutCheckpoint(now), withoutCheckpoint(before.local), `${c.what}: the device's records are unchanged`);
        assert.deepEqual(await serverDocs(sync.origin, 'linli', admin), before.server, `${c.what}: the server's documents are unchanged`);
        // Honest again: the next run completes.
        proxy.state.fault = null;
        await setOnline(context, page, false);
        await setOnline(context, page, true);
        await syncDone(page);
      }
      // Everything made on either side during the faults is on both now.
      const here = await local();
      const there = await serverDocs(sync.origin, 'linli', admin);
      for (let i = 1; i <= serverMade; i++) {
        const id = volunteerDoc(90000 + i, 'srvfault')._id;
        assert.ok(here.some((r) => r._id === id && !r._deleted), `${id} reached the device`);
      }
      for (let i = 1; i <= localMade; i++) {
        assert.ok(there.some((r) => r.doc?.name === `本机${i}号`), `本机${i}号 reached the server`);
      }
      // Exchange documents (vsignup: and the like) travel through linli-volunteers only.
      const pending = here.filter((r) => !LOCAL_ONLY.test(r._id) && !/^v(offer|confirm|signup):/.test(r._id) && !r._deleted);
      assert.deepEqual(pending.map((r) => [r._id, r._rev]).filter(([id]) => !there.some((t) => t.id === id)), [], 'nothing left behind');
      // Live sync may be mid-batch (the volunteers' database too): wait for it to settle.
      await syncDone(page, 30000);
    } finally {
      await context.close();
      await proxy.stop();
    }
  });
});
