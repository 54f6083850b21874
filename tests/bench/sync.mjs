// Benchmark (prints numbers, asserts nothing) of sync with a real PouchDB Server
// (tools/sync_server.mjs, in memory), each number beside PouchDB.js doing the same in the
// same headless Chromium (node_modules/pouchdb/dist/pouchdb.min.js, IndexedDB adapter):
//  1. push: the app holding N residents (written straight into its IndexedDB before it
//     starts, as roster.mjs does) syncs with an empty database: from the tap on 立即同步 to
//     同步完成; PouchDB.replicate(local, remote) of the same N into another empty database
//  2. pull: an empty app syncs with that database: from the tap to all N in its IndexedDB
//     (and to 同步完成); PouchDB.replicate(remote, local) into an empty IndexedDB
//  3. live latency: both apps stay live on the database; a volunteer added on one (tap on
//     保存) until it is in the other's IndexedDB; median of 5 (short mode: 3)
//  4. bytes on the wire per document (request and response, headers included, CORS
//     preflights included), counted by a small proxy in front of the server per client
// N = 10,000 (short mode: 1,000); LINLI_BENCH_SYNC_DOCS, LINLI_BENCH_SYNC_EDITS override.
// The '#' lines say where the time went (requests in flight or not, frames, IndexedDB);
// LINLI_BENCH_SYNC_LOG=1 adds every request of the app's push and pull with its times,
// LINLI_BENCH_SYNC_PROFILE=1 a CPU profile of the pulling page.
import http from 'node:http';
import path from 'node:path';
import {
  activate, launchBrowser, LAPTOP, openApp, ROOT, scrollTo, scrollToEnd, startServer, typeInto, typePassword, waitForReady,
} from '../e2e/helpers.mjs';
import { basicAuth, couch, STAFF_SECURITY, startSyncServer } from '../../tools/sync_server.mjs';
import { announce, size } from './mode.mjs';

announce(import.meta.url);
const N = Number(size('SYNC_DOCS', 1000, 10000));
const EDITS = Number(size('SYNC_EDITS', 3, 5));
const POUCHDB_JS = path.join(ROOT, 'node_modules', 'pouchdb', 'dist', 'pouchdb.min.js');
const USER = 'bench', PASSWORD = 'bench-pass';
const now = () => performance.timeOrigin + performance.now(); // wall clock, as the pages'
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${Math.round(x)} ms`;
const ratio = (a, b) => (a / b).toFixed(2);

// ------------------------------------------------------------------ counting proxy

// One per client, so each client's traffic is its own: every request with its start and
// end (wall clock) and its bytes both ways (request line, headers, body; status line,
// headers, body as received, i.e. compressed if the server compressed it).
async function countingProxy(target) {
  const up = new URL(target);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  const log = [];
  // "Name: value\r\n" per header, then an empty line.
  const headerBytes = (raw) => raw.reduce((n, s) => n + Buffer.byteLength(s) + 2, 0) + 2;
  const server = http.createServer((req, res) => {
    const entry = { method: req.method, path: req.url, start: now(), end: 0, status: 0,
      sent: Buffer.byteLength(`${req.method} ${req.url} HTTP/1.1\r\n`) + headerBytes(req.rawHeaders), received: 0 };
    log.push(entry);
    const out = http.request({ host: up.hostname, port: up.port, method: req.method, path: req.url, headers: req.headers, agent }, (reply) => {
      entry.status = reply.statusCode;
      entry.received += Buffer.byteLength(`HTTP/1.1 ${reply.statusCode} ${reply.statusMessage}\r\n`) + headerBytes(reply.rawHeaders);
      res.writeHead(reply.statusCode, reply.statusMessage, reply.rawHeaders);
      reply.on('data', (chunk) => { entry.received += chunk.length; });
      reply.on('end', () => { entry.end = now(); });
      reply.pipe(res);
    });
    out.on('error', (e) => { entry.end = now(); entry.error = e.message; res.destroy(e); });
    req.on('data', (chunk) => { entry.sent += chunk.length; });
    req.pipe(out);
    res.on('close', () => { if (!entry.end) { entry.end = now(); entry.aborted = true; } out.destroy(); });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    log,
    // Requests that started in [from, to]: count and bytes.
    between(from, to) {
      const rows = log.filter((e) => e.start >= from && e.start <= to);
      const sum = (k) => rows.reduce((n, e) => n + e[k], 0);
      const by = {};
      for (const e of rows) {
        const key = `${e.method} ${e.path.replace(/\?.*/, '').replace(/^\/[^/]+/, '').replace(/\/_local\/.*/, '/_local/…') || '/'}`;
        by[key] = (by[key] || 0) + 1;
      }
      // Time with a request in flight (the server and the wire) and without (the client).
      let busy = 0, reach = from;
      for (const e of [...rows].sort((x, y) => x.start - y.start)) {
        const end = Math.min(e.end || to, to);
        if (end > reach) { busy += end - Math.max(e.start, reach); reach = end; }
      }
      return { requests: rows.length, sent: sum('sent'), received: sum('received'), by, busy, idle: to - from - busy };
    },
    async stop() { server.closeAllConnections(); server.close(); agent.destroy(); },
  };
}

// ------------------------------------------------------------------ documents

// N residents as the app keeps them (roster.mjs's shape), with a first revision each.
function residents(n) {
  const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
  const given = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂喆堃犇淼燚玥';
  const docs = [];
  for (let i = 0; i < n; i++) {
    const b = 1 + Math.floor(i / 270), k = i % 270;
    const hash = (i.toString(16) + '0'.repeat(32)).slice(0, 32);
    docs.push({
      _id: 'resident:bench' + String(i).padStart(6, '0'), _rev: '1-' + hash, _revisions: { start: 1, ids: [hash] },
      type: 'resident', schema: 1,
      building: String(b), unit: String(1 + Math.floor(k / 90)), room: String(100 * (1 + Math.floor((k % 90) / 6)) + 1 + (k % 3)),
      name: surnames[i % surnames.length] + given[(i * 7) % given.length] + given[(i * 13) % given.length],
      phone: '13' + String(100000000 + ((i * 7919) % 900000000)).slice(0, 9),
      flags: i % 40 === 0 ? ['bedridden'] : [],
    });
  }
  return docs;
}

async function seedApp(page, docs) {
  await page.evaluate((list) => new Promise((resolve, reject) => {
    const req = indexedDB.open('linli', 1);
    req.onsuccess = () => {
      const tx = req.result.transaction('docs', 'readwrite');
      for (const d of list) tx.objectStore('docs').put(d, d._id);
      tx.oncomplete = () => { req.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
    req.onerror = () => reject(req.error);
  }), docs);
  await page.reload();
  await waitForReady(page);
}

// ------------------------------------------------------------------ the app's side

// In the page: from now on, the wall-clock time of every pointerdown (the taps).
async function recordTaps(page) {
  await page.evaluate(() => {
    window.benchTaps = [];
    const m = window.linliBridge.metrics; // frames drawn and IndexedDB writes from here on
    m.frames.splice(0);
    m.durableMs = [];
    if (!window.benchTapping) {
      window.benchTapping = true;
      window.addEventListener('pointerdown', () => window.benchTaps.push(performance.timeOrigin + performance.now()), true);
    }
  });
}
const lastTap = async (page) => {
  const taps = await page.evaluate(() => window.benchTaps);
  if (!taps.length) throw new Error('the tap did not reach the page');
  return taps[taps.length - 1];
};

// What the page did since recordTaps: frames drawn (and their time: building the UI and
// the whole frame with WebGL on SwiftShader) and IndexedDB writes (start to oncomplete).
async function pageWork(page) {
  return page.evaluate(() => {
    const m = window.linliBridge.metrics;
    const sum = (xs) => xs.reduce((a, b) => a + b, 0);
    return { frames: m.frames.length, frameMs: sum(m.frames.map((f) => f[1])), uiMs: sum(m.frames.map((f) => f[0])),
      writes: (m.durableMs || []).length, writeMs: sum(m.durableMs || []) };
  });
}
const work = (w) => `${w.frames} frames drawn (${ms(w.frameMs)}, of which building the UI ${ms(w.uiMs)}), ` +
  `${w.writes} IndexedDB writes (${ms(w.writeMs)} from write to oncomplete)`;

// LINLI_BENCH_SYNC_PROFILE=1: a CPU profile of the page (CDP), its top self times.
async function startProfile(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return cdp;
}
async function printProfile(cdp, what) {
  const { profile } = await cdp.send('Profiler.stop');
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const f = byId.get(id).callFrame;
    const key = `${f.functionName || '(anonymous)'} ${path.basename(f.url || '')}`;
    self.set(key, (self.get(key) || 0) + (dt[i] || 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`# profile of ${what}: ${ms(total)} sampled; top self times:`);
  for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`#   ${ms(v).padStart(8)} ${k}`);
}

// Types the server, user and password into Settings → 同步 (not timed) and taps 立即同步;
// returns the tap's wall-clock time in the page.
async function signInAndTap(page, url) {
  await activate(page, 'tab', '设置');
  await scrollTo(page, 'textbox', '同步服务器');
  await typeInto(page, '同步服务器', url);
  await scrollTo(page, 'textbox', '用户名');
  await typeInto(page, '用户名', USER);
  await scrollTo(page, 'textbox', '密码');
  await typePassword(page, '密码', PASSWORD);
    await scrollTo(page, 'button', '立即同步');
  await recordTaps(page);
  await activate(page, 'button', '立即同步');
  await page.waitForFunction(() => window.benchTaps.length > 0, null, { timeout: 10000 });
  const tap = await lastTap(page);
  // The tap adds a line above the status (the password is kept): scroll to it again.
  await scrollToEnd(page);
  return tap;
}

// In the page, polled every 10 ms: when the app's IndexedDB first holds `count` records
// with ids in [lo, hi), and when the status line first says 同步完成. Wall clock.
function watchApp(page, { lo, hi, count, timeout }) {
  return page.evaluate(({ lo, hi, count, timeout }) => new Promise((resolve, reject) => {
    const out = { stored: 0, done: 0 };
    const t0 = Date.now();
    const req = indexedDB.open('linli', 1);
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      let busy = false;
      const timer = setInterval(() => {
        const t = performance.timeOrigin + performance.now();
        if (!out.done && [...document.querySelectorAll('#linli-a11y [role=status]')]
          .some((n) => (n.getAttribute('aria-label') || n.textContent).startsWith('同步完成'))) out.done = t;
        if (!out.stored && !busy) {
          busy = true;
          const c = db.transaction('docs', 'readonly').objectStore('docs').count(IDBKeyRange.bound(lo, hi, false, true));
          c.onsuccess = () => { busy = false; if (c.result >= count && !out.stored) out.stored = performance.timeOrigin + performance.now(); };
          c.onerror = () => { busy = false; };
        }
        const failed = [...document.querySelectorAll('#linli-a11y [role=status]')]
          .map((n) => n.getAttribute('aria-label') || n.textContent).find((s) => s.startsWith('同步失败'));
        if ((out.done && out.stored) || failed || Date.now() - t0 > timeout) {
          clearInterval(timer);
          db.close();
          if (out.done && out.stored) resolve(out);
          else reject(new Error(failed || `timed out: ${JSON.stringify(out)}; statuses ` +
            JSON.stringify([...document.querySelectorAll('#linli-a11y [role=status]')].map((n) => n.getAttribute('aria-label')))));
        }
      }, 10);
    };
  }), { lo, hi, count, timeout });
}

// Waits (in the page) until the app's IndexedDB has a volunteer named `name` made after
// `since`; returns the wall-clock time it was first seen.
function watchVolunteer(page, name, since, timeout = 30000) {
  const base36 = (v) => Math.floor(v).toString(36).padStart(9, '0');
  return page.evaluate(({ name, lo, timeout }) => new Promise((resolve, reject) => {
    const t0 = Date.now();
    const req = indexedDB.open('linli', 1);
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      let busy = false;
      const timer = setInterval(() => {
        if (Date.now() - t0 > timeout) { clearInterval(timer); db.close(); reject(new Error(`no volunteer ${name}`)); }
        if (busy) return;
        busy = true;
        const all = db.transaction('docs', 'readonly').objectStore('docs').getAll(IDBKeyRange.bound(lo, 'volunteer:\uffff'));
        all.onsuccess = () => {
          busy = false;
          if (all.result.some((d) => d.name === name)) {
            clearInterval(timer);
            db.close();
            resolve(performance.timeOrigin + performance.now());
          }
        };
        all.onerror = () => { busy = false; };
      }, 5);
    };
  }), { name, lo: 'volunteer:' + base36(since - 60000), timeout });
}

// ------------------------------------------------------------------ PouchDB.js's side

// A blank page for PouchDB.js from a loopback server of our own (a page fulfilled by a
// Playwright route counts as a public origin, and Chromium then refuses its fetches to
// the loopback proxy). Another origin than the proxy's, as the app's: CORS alike.
async function blankSite() {
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>PouchDB.js</title>');
  });
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return { url: `http://127.0.0.1:${server.address().port}/`, stop: () => { server.closeAllConnections(); server.close(); } };
}

async function openPouchPage(browser, siteUrl) {
  const context = await browser.newContext({ ...LAPTOP });
  const page = await context.newPage();
  await page.goto(siteUrl);
  await page.addScriptTag({ path: POUCHDB_JS });
  if (!(await page.evaluate(() => typeof window.PouchDB === 'function'))) throw new Error(`PouchDB did not load from ${POUCHDB_JS}`);
  return { context, page };
}

// PouchDB.replicate(from, to) in the page, both given as {url} or {local}; returns the
// wall-clock start and end and the replication's own report.
function pouchReplicate(page, from, to) {
  return page.evaluate(async ({ from, to, user, password }) => {
    const open = (d) => (d.url ? new PouchDB(d.url, { auth: { username: user, password }, skip_setup: true }) : new PouchDB(d.local));
    const source = open(from), target = open(to);
    const start = performance.timeOrigin + performance.now();
    let result;
    try {
      result = await PouchDB.replicate(source, target);
    } catch (e) {
      throw new Error(`PouchDB.replicate: ${JSON.stringify({ status: e.status, name: e.name, message: e.message, reason: e.reason, result: e.result })}`);
    }
    const end = performance.timeOrigin + performance.now();
    const info = await (to.local ? target : source).info();
    return { start, end, docs_written: result.docs_written, docs_read: result.docs_read, ok: result.ok, localCount: info.doc_count };
  }, { from, to, user: USER, password: PASSWORD });
}

// ------------------------------------------------------------------ run

const t0Run = Date.now();
const site = await startServer();
const blank = await blankSite();
const browser = await launchBrowser();
const sync = await startSyncServer({ inMemory: true });
const admin = basicAuth(sync.admin.user, sync.admin.password);
const proxies = [];
const contexts = [];
const results = {};
try {
  await sync.addUser(USER, PASSWORD, ['linli-staff']);
  for (const db of ['bench', 'bench-pouch']) {
    const made = await couch(sync.origin, 'PUT', `/${db}`, { auth: admin });
    if (made.status !== 201) throw new Error(`PUT /${db}: ${made.status} ${JSON.stringify(made.body)}`);
    const sec = await couch(sync.origin, 'PUT', `/${db}/_security`, { auth: admin, body: STAFF_SECURITY });
    if (sec.status !== 200) throw new Error(`PUT /${db}/_security: ${sec.status}`);
  }
  const docs = residents(N);
  const [pushProxy, pullProxy, pouchProxy] = [await countingProxy(sync.origin), await countingProxy(sync.origin), await countingProxy(sync.origin)];
  proxies.push(pushProxy, pullProxy, pouchProxy);
  const range = { lo: 'resident:bench', hi: 'resident:bench\uffff' }; // every resident:bench… id

  // 1. Push: device B holds N residents, the database is empty.
  const b = await openApp(browser, site.url, LAPTOP);
  contexts.push(b.context);
  await seedApp(b.page, docs);
  const bRecords = await b.page.evaluate(() => window.linliBridge.metrics.records);
  if (bRecords < N) throw new Error(`the app loaded ${bRecords} records, not ${N}`);
  {
    const tap = await signInAndTap(b.page, `${pushProxy.origin}/bench`);
    const w = await watchApp(b.page, { ...range, count: N, timeout: 300000 });
    const info = await couch(sync.origin, 'GET', '/bench', { auth: admin });
    if (info.body.doc_count < N) throw new Error(`after the push the server holds ${info.body.doc_count} documents, not ${N}`);
    const uploads = pushProxy.log.filter((e) => e.start >= tap && e.path.startsWith('/bench/_bulk_docs'));
    const lastUpload = Math.max(...uploads.map((e) => e.end));
    results.appPush = { tap, work: await pageWork(b.page), ms: w.done - tap, serverMs: lastUpload - tap, traffic: pushProxy.between(tap, w.done) };
  }

  // 2. PouchDB.js: pull the same N from that database into an empty IndexedDB, then push
  //    them from there to another empty database.
  const p = await openPouchPage(browser, blank.url);
  contexts.push(p.context);
  {
    const r = await pouchReplicate(p.page, { url: `${pouchProxy.origin}/bench` }, { local: 'bench' });
    if (r.localCount < N) throw new Error(`PouchDB pulled ${r.localCount} documents, not ${N}: ${JSON.stringify(r)}`);
    results.pouchPull = { ms: r.end - r.start, traffic: pouchProxy.between(r.start, r.end), docs: r.localCount };
  }
  {
    const r = await pouchReplicate(p.page, { local: 'bench' }, { url: `${pouchProxy.origin}/bench-pouch` });
    const info = await couch(sync.origin, 'GET', '/bench-pouch', { auth: admin });
    if (info.body.doc_count < N) throw new Error(`PouchDB pushed ${info.body.doc_count} documents, not ${N}: ${JSON.stringify(r)}`);
    results.pouchPush = { ms: r.end - r.start, traffic: pouchProxy.between(r.start, r.end), docs: info.body.doc_count };
  }
  await p.context.close();
  contexts.splice(contexts.indexOf(p.context), 1);

  // 3. Pull: device A, empty, syncs with the database B filled.
  const a = await openApp(browser, site.url, LAPTOP);
  contexts.push(a.context);
  {
    const profiler = process.env.LINLI_BENCH_SYNC_PROFILE ? await startProfile(a.page) : null;
    const tap = await signInAndTap(a.page, `${pullProxy.origin}/bench`);
    const w = await watchApp(a.page, { ...range, count: N, timeout: 300000 });
    if (profiler) await printProfile(profiler, 'app pull (from before the typing)');
    results.appPull = { tap, work: await pageWork(a.page), ms: w.stored - tap, doneMs: w.done - tap, traffic: pullProxy.between(tap, Math.max(w.done, w.stored)) };
  }

  // 4. Live: a volunteer added on B shows on A (both live on the same database).
  {
    await activate(b.page, 'tab', '志愿者');
    await activate(b.page, 'button', '志愿者名单');
    const lat = [], toDurable = [], toServer = [];
    for (let i = 0; i < EDITS; i++) {
      const name = `实时${i}`;
      const phone = '1370000000' + i;
      await activate(b.page, 'button', '添加志愿者');
      await typeInto(b.page, '姓名', name);
      await typeInto(b.page, '手机号', phone);
      await recordTaps(b.page);
      const since = now();
      const seenOnA = watchVolunteer(a.page, name, since);
      const seenOnB = watchVolunteer(b.page, name, since);
      await activate(b.page, 'button', '保存');
      const [onA, onB] = await Promise.all([seenOnA, seenOnB]);
      const tap = await lastTap(b.page);
      const upload = pushProxy.log.find((e) => e.start >= tap && e.path.startsWith('/bench/_bulk_docs'));
      lat.push(onA - tap);
      toDurable.push(onB - tap);
      if (upload) toServer.push(upload.end - tap);
      await b.page.getByRole('textbox', { name: '姓名', exact: true }).waitFor({ state: 'detached', timeout: 15000 });
      await b.page.waitForTimeout(300); // let the long-polls settle between edits
    }
    results.live = { lat, toDurable, toServer };
  }

  // ---------------------------------------------------------------- report
  const per = (t, n) => `${((t.sent + t.received) / n).toFixed(0)} B/doc (sent ${(t.sent / n).toFixed(0)} + received ${(t.received / n).toFixed(0)}; ${t.requests} requests)`;
  const reqs = (t) => Object.entries(t.by).map(([k, v]) => `${k} ×${v}`).join(', ');
  const { appPull, pouchPull, appPush, pouchPush, live } = results;
  console.log(`pull of ${N} residents into an empty browser: app ${ms(appPull.ms)} (tap to all in IndexedDB; to 同步完成 ${ms(appPull.doneMs)}), ` +
    `PouchDB.js ${ms(pouchPull.ms)}, ratio app/PouchDB ${ratio(appPull.ms, pouchPull.ms)} (target: under 0.5)`);
  console.log(`push of ${N} residents to an empty database: app ${ms(appPush.ms)} (tap to 同步完成; to the last _bulk_docs answered ${ms(appPush.serverMs)}), ` +
    `PouchDB.js ${ms(pouchPush.ms)}, ratio app/PouchDB ${ratio(appPush.ms, pouchPush.ms)} (target: under 0.5)`);
  console.log(`live latency, a volunteer saved on one device until it is in the other's IndexedDB: median ${ms(median(live.lat))} ` +
    `(${live.lat.map(Math.round).join(', ')} ms; tap to durable on the first ${ms(median(live.toDurable))}, to on the server ${live.toServer.length ? ms(median(live.toServer)) : 'n/a'}) ` +
    `(target: none given, push delay 300 ms + long-poll)`);
  console.log(`bytes per document, pull: app ${per(appPull.traffic, N)}, PouchDB.js ${per(pouchPull.traffic, N)} (target: none given)`);
  console.log(`bytes per document, push: app ${per(appPush.traffic, N)}, PouchDB.js ${per(pouchPush.traffic, N)} (target: none given)`);
  const split = (t) => `${ms(t.busy)} with a request in flight, ${ms(t.idle)} without`;
  console.log(`# pull: app ${split(appPull.traffic)}; ${work(appPull.work)}; PouchDB.js ${split(pouchPull.traffic)}`);
  console.log(`# push: app ${split(appPush.traffic)}; ${work(appPush.work)}; PouchDB.js ${split(pouchPush.traffic)}`);
  console.log(`# requests, pull: app ${reqs(appPull.traffic)}; PouchDB.js ${reqs(pouchPull.traffic)}`);
  console.log(`# requests, push: app ${reqs(appPush.traffic)}; PouchDB.js ${reqs(pouchPush.traffic)}`);
  // (A 404 is expected: the checkpoint a first sync looks for.)
  if (process.env.LINLI_BENCH_SYNC_LOG) {
    for (const [name, proxy, from, to] of [['app pull', pullProxy, results.appPull.tap, results.appPull.tap + results.appPull.doneMs],
      ['app push', pushProxy, results.appPush.tap, results.appPush.tap + results.appPush.ms]]) {
      console.log(`# ${name} timeline (ms from the tap: start-end method path status bytes)`);
      for (const e of proxy.log.filter((x) => x.start >= from && x.start <= to)) {
        console.log(`#   ${Math.round(e.start - from)}-${Math.round(e.end - from)} ${e.method} ${e.path.slice(0, 60)} ${e.status} ${e.sent}/${e.received}`);
      }
    }
  }
  const errors = [...new Set([...a.page.errors, ...b.page.errors])].filter((e) => !/status of 404/.test(e));
  if (errors.length) console.log(`# page errors: ${errors.slice(0, 5).join(' | ')}`);
} catch (e) {
  console.log(`sync benchmark could not run: ${e.stack || e.message}`);
  if (process.env.LINLI_BENCH_SYNC_LOG) for (const p of proxies) console.log(JSON.stringify(p.log.slice(-8)));
  process.exitCode = 1;
} finally {
  for (const c of contexts) await c.close().catch(() => {});
  await browser.close().catch(() => {});
  for (const p of proxies) await p.stop().catch(() => {});
  await sync.stop().catch(() => {});
  await site.stop();
  blank.stop();
  console.log(`# sync.mjs ran ${((Date.now() - t0Run) / 1000).toFixed(0)} s`);
}

process.exit(process.exitCode ?? 0); // never hang CI on a stray handle
