// The sync peer (tools/sync_server.mjs: pouchdb-server 4.2.0 plus tools/couch/) over real
// HTTP with cookie sessions: the two databases and their _security, staff and volunteer
// rights, the volunteers' validate_doc_update, the express-pouchdb holes the guard closes,
// LevelDB data through a SIGKILL; then serve.py --sync's /couch/ proxy (session cookie,
// long-poll) and PouchDB replicating through it. No browser.
// Sections: helpers; describe "sync server"; describe "serve.py --sync".
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './helpers.mjs';
import {
  basicAuth, startSyncServer, STAFF_SECURITY, VOLUNTEERS_DESIGN, VOLUNTEERS_SECURITY,
} from '../../tools/sync_server.mjs';

const require = createRequire(import.meta.url);
const PouchDB = require('pouchdb');

// ---------------------------------------------------------------- helpers

// One HTTP call with a JSON body (express-pouchdb needs the Content-Type) and a timeout.
async function call(origin, method, urlPath, { body, cookie, auth, timeout = 15000 } = {}) {
  const headers = { Accept: 'application/json' };
  if (cookie) headers.Cookie = cookie;
  if (auth) headers.Authorization = auth;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(origin + urlPath, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(timeout),
  });
  const text = await res.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, json, text, headers: res.headers };
}

// POST /_session; returns the AuthSession cookie ("AuthSession=...").
async function login(origin, name, password) {
  const r = await call(origin, 'POST', '/_session', { body: { name, password } });
  assert.equal(r.status, 200, `login ${name}: ${r.text}`);
  const setCookie = r.headers.get('set-cookie') || '';
  const m = setCookie.match(/AuthSession=[^;]+/);
  assert.ok(m, `login ${name} set no AuthSession cookie: ${setCookie}`);
  return m[0];
}

const denied = (r, what) => assert.ok([401, 403].includes(r.status), `${what}: expected 401/403, got ${r.status} ${r.text}`);

// A PouchDB on a remote database that sends the session cookie on every request.
function remoteDb(url, cookie) {
  return new PouchDB(url, {
    fetch: (u, opts) => { opts.headers.set('Cookie', cookie); return PouchDB.fetch(u, opts); },
  });
}

function tempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

// Resolves with `promise` or rejects after ms (for waits that have no timeout of their own).
function within(ms, what, promise) {
  let timer;
  return Promise.race([
    Promise.resolve(promise).finally(() => clearTimeout(timer)),
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms); }),
  ]);
}

// ---------------------------------------------------------------- the sync server

describe('sync server (pouchdb-server)', () => {
  let server, admin, staffCookie, volCookie;

  before(async () => {
    server = await startSyncServer({ inMemory: true });
    admin = basicAuth(server.admin.user, server.admin.password);
    await server.addUser('wang', 'staff-pass', ['linli-staff']);
    await server.addUser('li', 'vol-pass', ['linli-volunteer']);
    await server.addUser('zhao', 'vol-pass-2', ['linli-volunteer']);
    staffCookie = await login(server.origin, 'wang', 'staff-pass');
    volCookie = await login(server.origin, 'li', 'vol-pass');
  });

  after(() => server?.stop());

  it('creates linli and linli-volunteers with their _security and the volunteers design document', async () => {
    const dbs = await call(server.origin, 'GET', '/_all_dbs', { auth: admin });
    assert.ok(dbs.json.includes('linli') && dbs.json.includes('linli-volunteers'), dbs.text);
    assert.deepEqual((await call(server.origin, 'GET', '/linli/_security', { auth: admin })).json, STAFF_SECURITY);
    assert.deepEqual((await call(server.origin, 'GET', '/linli-volunteers/_security', { auth: admin })).json, VOLUNTEERS_SECURITY);
    assert.deepEqual(STAFF_SECURITY.members.roles, ['linli-staff']);
    assert.deepEqual(VOLUNTEERS_SECURITY.members.roles, ['linli-staff', 'linli-volunteer']);
    const design = await call(server.origin, 'GET', '/linli-volunteers/_design/linli', { auth: admin });
    assert.equal(design.status, 200);
    assert.equal(design.json.validate_doc_update, VOLUNTEERS_DESIGN.validate_doc_update);
    const user = await call(server.origin, 'GET', '/_users/org.couchdb.user:li', { auth: admin });
    assert.equal(user.json.type, 'user');
    assert.deepEqual(user.json.roles, ['linli-volunteer']);
    assert.equal(user.json.password, undefined, 'the password is stored hashed');
  });

  it('a staff user reads and writes linli with a cookie session', async () => {
    const session = await call(server.origin, 'GET', '/_session', { cookie: staffCookie });
    assert.deepEqual(session.json.userCtx, { name: 'wang', roles: ['linli-staff'] });
    const put = await call(server.origin, 'PUT', '/linli/resident:1', { cookie: staffCookie, body: { type: 'resident', name: '王小明' } });
    assert.equal(put.status, 201, put.text);
    const got = await call(server.origin, 'GET', '/linli/resident:1', { cookie: staffCookie });
    assert.equal(got.status, 200);
    assert.equal(got.json.name, '王小明');
    const changes = await call(server.origin, 'GET', '/linli/_changes?style=all_docs', { cookie: staffCookie });
    assert.ok(changes.json.results.some((c) => c.id === 'resident:1'));
    // Staff may write anything into linli-volunteers too (the shifts volunteers see).
    const shift = await call(server.origin, 'PUT', '/linli-volunteers/shift:1', { cookie: staffCookie, body: { post: '南门' } });
    assert.equal(shift.status, 201, shift.text);
  });

  it('a volunteer, or no one, can neither read nor write linli', async () => {
    for (const cookie of [volCookie, undefined]) {
      const who = cookie ? 'volunteer' : 'anonymous';
      denied(await call(server.origin, 'GET', '/linli', { cookie }), `${who} GET /linli`);
      denied(await call(server.origin, 'GET', '/linli/resident:1', { cookie }), `${who} GET a resident`);
      denied(await call(server.origin, 'GET', '/linli/_changes?include_docs=true', { cookie }), `${who} _changes`);
      denied(await call(server.origin, 'GET', '/linli/_all_docs?include_docs=true', { cookie }), `${who} _all_docs`);
      denied(await call(server.origin, 'POST', '/linli/_bulk_get', { cookie, body: { docs: [{ id: 'resident:1' }] } }), `${who} _bulk_get`);
      denied(await call(server.origin, 'POST', '/linli/_find', { cookie, body: { selector: {} } }), `${who} _find`);
      denied(await call(server.origin, 'PUT', '/linli/vsignup:li:a', { cookie, body: { by: 'li' } }), `${who} PUT into linli`);
    }
    const volunteers = await call(server.origin, 'GET', '/linli-volunteers', {});
    denied(volunteers, 'anonymous GET /linli-volunteers');
  });

  it("a volunteer writes only their own vsignup documents into linli-volunteers", async () => {
    const put = (id, body) => call(server.origin, 'PUT', `/linli-volunteers/${encodeURIComponent(id)}`, { cookie: volCookie, body });
    assert.equal((await call(server.origin, 'GET', '/linli-volunteers/shift:1', { cookie: volCookie })).status, 200, 'reads');
    const resident = await put('resident:2', { type: 'resident', name: 'x' });
    assert.equal(resident.status, 403, resident.text);
    assert.equal(resident.json.error, 'forbidden');
    const own = await put('vsignup:li:x', { by: 'li', shift: 'shift:1' });
    assert.equal(own.status, 201, own.text);
    assert.equal((await put('vsignup:li:y', { by: 'zhao' })).status, 403, 'by must be the user');
    assert.equal((await put('vsignup:li:z', { shift: 'shift:1' })).status, 403, 'by is required');
    assert.equal((await put('vsignup:zhao:x', { by: 'zhao' })).status, 403, "another volunteer's id");
    assert.equal((await put('vsignup:zhao:y', { by: 'li' })).status, 403, "another volunteer's id, own by");
    // _bulk_docs and replicated writes (new_edits: false) go through the same check.
    const bulk = await call(server.origin, 'POST', '/linli-volunteers/_bulk_docs', {
      cookie: volCookie, body: { docs: [{ _id: 'vsignup:zhao:b', by: 'zhao' }, { _id: 'vsignup:li:b', by: 'li' }] },
    });
    assert.equal(bulk.json.find((r) => r.id === 'vsignup:zhao:b').error, 'forbidden');
    assert.ok(bulk.json.find((r) => r.id === 'vsignup:li:b').ok);
    const replicated = await call(server.origin, 'POST', '/linli-volunteers/_bulk_docs', {
      cookie: volCookie, body: { new_edits: false, docs: [{ _id: 'shift:1', _rev: '9-abc', post: 'x' }] },
    });
    assert.equal(replicated.json[0].error, 'forbidden', replicated.text);
    // 6. A replicated second version (rev 2 on top of rev 1) is stored, not dropped.
    const v1 = { _id: 'vsignup:li:r', _rev: '1-aaaa', _revisions: { start: 1, ids: ['aaaa'] }, by: 'li', code: 'one' };
    const v2 = { ...v1, _rev: '2-bbbb', _revisions: { start: 2, ids: ['bbbb', 'aaaa'] }, code: 'two' };
    for (const doc of [v1, v2]) {
      const r = await call(server.origin, 'POST', '/linli-volunteers/_bulk_docs', { cookie: volCookie, body: { new_edits: false, docs: [doc] } });
      assert.equal(r.status, 201, r.text);
    }
    const kept = await call(server.origin, 'GET', '/linli-volunteers/vsignup:li:r', { cookie: volCookie });
    assert.equal(kept.json._rev, '2-bbbb', kept.text);
    assert.equal(kept.json.code, 'two');
    // Deleting: own documents yes, others' no.
    const del = await call(server.origin, 'DELETE', `/linli-volunteers/vsignup:li:x?rev=${own.json.rev}`, { cookie: volCookie });
    assert.equal(del.status, 200, del.text);
    const shiftRev = (await call(server.origin, 'GET', '/linli-volunteers/shift:1', { cookie: volCookie })).json._rev;
    assert.equal((await call(server.origin, 'DELETE', `/linli-volunteers/shift:1?rev=${shiftRev}`, { cookie: volCookie })).status, 403);
    // The design document and _security are the server admin's.
    denied(await call(server.origin, 'PUT', '/linli-volunteers/_design/linli', { cookie: volCookie, body: { validate_doc_update: 'function(){}' } }), 'design doc');
    denied(await call(server.origin, 'PUT', '/linli-volunteers/_security', { cookie: volCookie, body: {} }), '_security');
    // Replication checkpoints (_local) are allowed.
    assert.equal((await call(server.origin, 'PUT', '/linli-volunteers/_local/checkpoint-li', { cookie: volCookie, body: { seq: 1 } })).status, 201);
  });

  it("express-pouchdb's holes stay closed (tools/couch/pouchdb_server_guard.cjs)", async () => {
    // 1. _local/_security is what _security reads: a member must not rewrite it.
    const current = await call(server.origin, 'GET', '/linli-volunteers/_local/_security', { cookie: volCookie });
    const open = { _rev: current.json?._rev, security: { members: {}, admins: { roles: ['linli-volunteer'] } } };
    denied(await call(server.origin, 'PUT', '/linli-volunteers/_local/_security', { cookie: volCookie, body: open }), 'PUT _local/_security');
    const bulk = await call(server.origin, 'POST', '/linli-volunteers/_bulk_docs', { cookie: volCookie, body: { docs: [{ _id: '_local/_security', ...open }] } });
    assert.equal(bulk.json[0].error, 'unauthorized', bulk.text);
    assert.deepEqual((await call(server.origin, 'GET', '/linli-volunteers/_security', { auth: admin })).json, VOLUNTEERS_SECURITY);
    // 2. No one but the admin writes _users: a volunteer cannot make themselves staff.
    const me = await call(server.origin, 'GET', '/_users/org.couchdb.user:li', { cookie: volCookie });
    assert.equal(me.status, 200);
    denied(await call(server.origin, 'PUT', '/_users/org.couchdb.user:li', { cookie: volCookie, body: { ...me.json, roles: ['linli-staff'] } }), 'self-promotion');
    denied(await call(server.origin, 'PUT', '/_users/org.couchdb.user:mallory', { body: { name: 'mallory', type: 'user', roles: [], password: 'x' } }), 'anonymous sign-up');
    assert.deepEqual((await call(server.origin, 'GET', '/_users/org.couchdb.user:li', { auth: admin })).json.roles, ['linli-volunteer']);
    // 3. PUT /<db> without admin rights used to crash the server.
    denied(await call(server.origin, 'PUT', '/crash', {}), 'anonymous PUT /crash');
    denied(await call(server.origin, 'PUT', '/crash', { cookie: volCookie }), 'volunteer PUT /crash');
    assert.equal((await call(server.origin, 'GET', '/')).status, 200, 'still answering');
    assert.equal((await call(server.origin, 'GET', '/linli/resident:1', { cookie: staffCookie })).status, 200);
  });

  it('a LevelDB folder keeps its data, sessions and admin password through a SIGKILL and a restart', async () => {
    const dir = tempDir('linli-sync-dir-');
    let disk;
    try {
      disk = await startSyncServer({ dir });
      const auth = basicAuth(disk.admin.user, disk.admin.password);
      const mode = fs.statSync(path.join(dir, 'admin.json')).mode & 0o777;
      assert.equal(mode, 0o600, 'admin.json is private');
      assert.deepEqual(JSON.parse(fs.readFileSync(path.join(dir, 'admin.json'), 'utf8')), disk.admin);
      await disk.addUser('wang', 'staff-pass', ['linli-staff']);
      const cookie = await login(disk.origin, 'wang', 'staff-pass');
      assert.equal((await call(disk.origin, 'PUT', '/linli/resident:1', { cookie, body: { name: '王小明' } })).status, 201);
      await disk.kill();
      await assert.rejects(call(disk.origin, 'GET', '/', { timeout: 2000 }), 'killed: nothing answers');
      await disk.restart();
      const got = await call(disk.origin, 'GET', '/linli/resident:1', { cookie });
      assert.equal(got.status, 200, `the old session cookie works after the restart: ${got.text}`);
      assert.equal(got.json.name, '王小明');
      assert.equal((await call(disk.origin, 'GET', '/linli-volunteers/_design/linli', { auth })).status, 200);
      const { password } = disk.admin;
      await disk.stop();
      disk = await startSyncServer({ dir });
      assert.equal(disk.admin.password, password, 'the admin password is kept in the folder');
      assert.equal((await call(disk.origin, 'GET', '/linli/resident:1', { auth })).json.name, '王小明');
    } finally {
      await disk?.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

// ---------------------------------------------------------------- serve.py --sync

// Starts serve.py --no-build --sync on a stub site and a temporary sync folder; returns
// { site, origin (the proxy: site + /couch), admin: { user, password }, stop }.
async function startServeSync() {
  const siteDir = tempDir('linli-site-');
  fs.writeFileSync(path.join(siteDir, 'index.html'), '<!doctype html><title>Linli stub</title>\n');
  const syncDir = tempDir('linli-serve-sync-');
  const child = spawn('python3', [path.join(ROOT, 'serve.py'), '--no-build', '--sync', '--port', '0', '--dir', siteDir, '--sync-dir', syncDir],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const ready = new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const site = out.match(/Linli is served at (http:\/\/127\.0\.0\.1:\d+)\//);
      const pass = out.match(/admin user: (\S+)\s+password: (\S+)/);
      if (site && pass) resolve({ site: site[1], admin: { user: pass[1], password: pass[2] } });
    });
    child.on('exit', (code) => reject(new Error(`serve.py exited with ${code}: ${out}`)));
  });
  const { site, admin } = await within(90000, `serve.py --sync to start (said: ${out})`, ready);
  return {
    site, admin, origin: site + '/couch', syncDir,
    async stop() {
      if (child.exitCode === null) {
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        await within(20000, 'serve.py to stop', exited);
      }
      fs.rmSync(siteDir, { recursive: true, force: true });
      fs.rmSync(syncDir, { recursive: true, force: true });
    },
  };
}

describe('serve.py --sync', () => {
  let serve, admin;

  before(async () => {
    serve = await startServeSync();
    admin = basicAuth(serve.admin.user, serve.admin.password);
    for (const [name, password, role] of [['wang', 'staff-pass', 'linli-staff'], ['li', 'vol-pass', 'linli-volunteer']]) {
      const r = await call(serve.origin, 'PUT', `/_users/org.couchdb.user:${name}`, { auth: admin, body: { name, password, roles: [role], type: 'user' } });
      assert.equal(r.status, 201, r.text);
    }
  });

  after(() => serve?.stop());

  it('proxies /couch/ on the site origin: the site, the session cookie, statuses, bodies, long-polls', async () => {
    const page = await fetch(serve.site + '/', { signal: AbortSignal.timeout(10000) });
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Linli stub/);
    assert.equal((await call(serve.origin, 'GET', '/')).json['express-pouchdb'], 'Welcome!');
    denied(await call(serve.origin, 'GET', '/linli'), 'anonymous through the proxy');
    const wrong = await call(serve.origin, 'POST', '/_session', { body: { name: 'wang', password: 'nope' } });
    assert.equal(wrong.status, 401);
    const cookie = await login(serve.origin, 'wang', 'staff-pass'); // Set-Cookie came through
    const session = await call(serve.origin, 'GET', '/_session', { cookie });
    assert.deepEqual(session.json.userCtx, { name: 'wang', roles: ['linli-staff'] });
    const put = await call(serve.origin, 'PUT', '/linli/resident:1?batch=ok', { cookie, body: { name: '王小明' } });
    assert.ok([201, 202].includes(put.status), put.text);
    const got = await call(serve.origin, 'GET', '/linli/resident:1', { cookie });
    assert.equal(got.json.name, '王小明', 'UTF-8 bodies both ways');
    const conflict = await call(serve.origin, 'PUT', '/linli/resident:1', { cookie, body: { name: 'no rev' } });
    assert.equal(conflict.status, 409);
    assert.equal((await call(serve.origin, 'GET', '/linli/nothing', { cookie })).status, 404);
    const volCookie = await login(serve.origin, 'li', 'vol-pass');
    denied(await call(serve.origin, 'GET', '/linli/resident:1', { cookie: volCookie }), 'volunteer through the proxy');
    assert.equal((await call(serve.origin, 'PUT', '/linli-volunteers/vsignup:li:1', { cookie: volCookie, body: { by: 'li' } })).status, 201);

    // A long-poll waits for a change and answers when one comes...
    const since = (await call(serve.origin, 'GET', '/linli/_changes?descending=true&limit=1', { cookie })).json.last_seq;
    const t0 = Date.now();
    const waiting = call(serve.origin, 'GET', `/linli/_changes?feed=longpoll&since=${since}&timeout=30000`, { cookie, timeout: 45000 });
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal((await call(serve.origin, 'PUT', '/linli/resident:2', { cookie, body: { name: '李四' } })).status, 201);
    const woke = await waiting;
    assert.equal(woke.status, 200, woke.text);
    assert.ok(woke.json.results.some((c) => c.id === 'resident:2'), woke.text);
    assert.ok(Date.now() - t0 >= 1400, 'it did wait');
    // ...and with nothing to say, after its timeout.
    const t1 = Date.now();
    const idle = await call(serve.origin, 'GET', `/linli/_changes?feed=longpoll&since=${woke.json.last_seq}&timeout=3000`, { cookie, timeout: 30000 });
    assert.equal(idle.status, 200, idle.text);
    assert.deepEqual(idle.json.results, []);
    assert.ok(Date.now() - t1 >= 2500, `answered after ${Date.now() - t1} ms`);
  });

  it('PouchDB (node) replicates both ways through the proxy URL, as staff and as a volunteer', async () => {
    const dir = tempDir('linli-pouch-');
    const staffLocal = new PouchDB(path.join(dir, 'staff'));
    const volLocal = new PouchDB(path.join(dir, 'volunteer'));
    try {
      const staffCookie = await login(serve.origin, 'wang', 'staff-pass');
      const volCookie = await login(serve.origin, 'li', 'vol-pass');
      const staffRemote = remoteDb(serve.origin + '/linli', staffCookie);
      await staffLocal.bulkDocs([{ _id: 'resident:10', name: '张三' }, { _id: 'household:10', room: '3-2-1502' }]);
      const pushed = await within(60000, 'staff push', staffLocal.replicate.to(staffRemote));
      assert.equal(pushed.ok, true);
      assert.equal(pushed.doc_write_failures, 0);
      const pulled = await within(60000, 'staff pull', staffLocal.replicate.from(staffRemote));
      assert.equal(pulled.ok, true);
      const ids = (await staffLocal.allDocs()).rows.map((r) => r.id);
      for (const id of ['resident:1', 'resident:2', 'resident:10', 'household:10']) assert.ok(ids.includes(id), `${id} in ${ids}`);
      const onServer = await call(serve.origin, 'GET', '/linli/household:10', { auth: admin });
      assert.equal(onServer.json.room, '3-2-1502');

      // The volunteer: pulls linli-volunteers, pushes their own sign-up; the rest is refused.
      const volRemote = remoteDb(serve.origin + '/linli-volunteers', volCookie);
      await volLocal.bulkDocs([{ _id: 'vsignup:li:2', by: 'li', shift: 'shift:1' }, { _id: 'resident:99', name: 'x' }]);
      const volPull = await within(60000, 'volunteer pull', volLocal.replicate.from(volRemote));
      assert.equal(volPull.ok, true);
      assert.ok((await volLocal.allDocs()).rows.some((r) => r.id === 'vsignup:li:1'));
      const volPush = await within(60000, 'volunteer push', volLocal.replicate.to(volRemote));
      assert.equal(volPush.docs_written, 1);
      assert.equal(volPush.doc_write_failures, 1, 'resident:99 refused');
      const docs = (await call(serve.origin, 'GET', '/linli-volunteers/_all_docs', { auth: admin })).json.rows.map((r) => r.id);
      assert.ok(docs.includes('vsignup:li:2') && !docs.includes('resident:99'), docs.join(' '));
      await assert.rejects(within(30000, 'volunteer pull of linli', volLocal.replicate.from(remoteDb(serve.origin + '/linli', volCookie))),
        (e) => [401, 403].includes(e.status));
    } finally {
      await staffLocal.close();
      await volLocal.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
