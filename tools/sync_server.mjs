#!/usr/bin/env node
// Linli's sync peer for an office laptop: PouchDB Server (npm pouchdb-server 4.2.0, run as
// a child process) with the two databases the app replicates with, their _security and
// the volunteers' validate_doc_update (tools/couch/*.json, the same files docs/sync.md
// uses with curl against Apache CouchDB).
//
//   node tools/sync_server.mjs --dir data/sync [--port 5984] [--host 0.0.0.0]
//   node tools/sync_server.mjs --in-memory [--port 0]
//   node tools/sync_server.mjs add-user NAME PASSWORD ROLE [--dir data/sync]
//
// As a module: startSyncServer({dir | inMemory, port, host, adminUser, adminPassword,
// autoRestart}); autoRestart (the CLI's choice) starts pouchdb-server again when it exits
// by itself. serve.py --sync runs the CLI and proxies /couch/ to it.
// What pouchdb-server enforces and what it does not: docs/sync.md.
// Sections: constants; small HTTP helpers; the child process; the databases; the API; CLI.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'node_modules', 'pouchdb-server', 'bin', 'pouchdb-server');
const COUCH = path.join(ROOT, 'tools', 'couch');
const PRELOAD = path.join(COUCH, 'pouchdb_server_guard.cjs'); // closes express-pouchdb's holes

export const STAFF_DB = 'linli';
export const VOLUNTEERS_DB = 'linli-volunteers';
export const STAFF_ROLE = 'linli-staff';
export const VOLUNTEER_ROLE = 'linli-volunteer';

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
export const STAFF_SECURITY = readJson(path.join(COUCH, 'linli_security.json'));
export const VOLUNTEERS_SECURITY = readJson(path.join(COUCH, 'volunteers_security.json'));
export const VOLUNTEERS_DESIGN = readJson(path.join(COUCH, 'volunteers_design.json'));

// ------------------------------------------------------------------ small HTTP helpers

export function basicAuth(user, password) {
  return 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64');
}

// fetch with a JSON body (express-pouchdb stores an empty body without the header) and a
// timeout; returns { status, body (parsed JSON or text), headers }.
export async function couch(origin, method, urlPath, { body, auth, headers = {}, timeout = 15000 } = {}) {
  const init = { method, headers: { Accept: 'application/json', ...headers }, signal: AbortSignal.timeout(timeout) };
  if (auth) init.headers.Authorization = auth;
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
  }
  const res = await fetch(origin + urlPath, init);
  const text = await res.text();
  let parsed = text;
  try { parsed = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, body: parsed, headers: res.headers };
}

async function expect(what, promise, ...statuses) {
  const r = await promise;
  if (!statuses.includes(r.status)) throw new Error(`${what}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
  return r;
}

// ------------------------------------------------------------------ the child process

async function freePort(host) {
  const srv = net.createServer();
  srv.listen(0, host);
  await once(srv, 'listening');
  const { port } = srv.address();
  srv.close();
  await once(srv, 'close');
  return port;
}

// The admin's password, generated once and kept in dir/admin.json (mode 0600).
function adminCredentials(dir, user, password) {
  const file = dir && path.join(dir, 'admin.json');
  if (!password && file && fs.existsSync(file)) return readJson(file);
  const creds = { user, password: password || crypto.randomBytes(12).toString('base64url') };
  if (file && !fs.existsSync(file)) fs.writeFileSync(file, JSON.stringify(creds, null, 2) + '\n', { mode: 0o600 });
  return creds;
}

// pouchdb-server's config file (backs /_config). The admin is written in plain text and
// hashed by express-pouchdb as it starts (it rewrites the file); the cookie secret is kept
// so that sessions survive a restart; the log goes to the working folder.
function writeConfig(workDir, admin, corsOrigins) {
  const file = path.join(workDir, 'config.json');
  const config = fs.existsSync(file) ? readJson(file) : {};
  config.admins = { ...(config.admins || {}), [admin.user]: admin.password };
  config.couch_httpd_auth = { secret: crypto.randomBytes(16).toString('hex'), ...(config.couch_httpd_auth || {}) };
  config.log = { ...(config.log || {}), file: path.join(workDir, 'log.txt') };
  config.httpd = { ...(config.httpd || {}), enable_cors: true };
  config.cors = { ...(config.cors || {}), origins: corsOrigins, credentials: true };
  fs.writeFileSync(file, JSON.stringify(config, null, 2) + '\n', { mode: 0o600 });
  return file;
}

async function waitUntilAnswering(origin, child, output, timeout) {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`pouchdb-server exited (${child.exitCode ?? child.signalCode}): ${output.text.slice(-2000)}`);
    }
    try {
      const r = await couch(origin, 'GET', '/', { timeout: 2000 });
      if (r.status === 200 && r.body && (r.body['express-pouchdb'] || r.body.couchdb)) return;
    } catch { /* not listening yet */ }
    if (Date.now() >= deadline) {
      throw new Error(`pouchdb-server did not answer at ${origin} within ${timeout} ms: ${output.text.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

// ------------------------------------------------------------------ the databases

// Idempotent: creates what is missing and puts _security and the design document back as
// the files say (so an updated validate_doc_update reaches an existing folder).
async function setUpDatabases(origin, auth) {
  for (const db of [STAFF_DB, VOLUNTEERS_DB]) {
    await expect(`create ${db}`, couch(origin, 'PUT', `/${db}`, { auth }), 201, 412);
  }
  await expect('linli/_security', couch(origin, 'PUT', `/${STAFF_DB}/_security`, { auth, body: STAFF_SECURITY }), 200);
  await expect('linli-volunteers/_security',
    couch(origin, 'PUT', `/${VOLUNTEERS_DB}/_security`, { auth, body: VOLUNTEERS_SECURITY }), 200);
  const designPath = `/${VOLUNTEERS_DB}/${VOLUNTEERS_DESIGN._id}`;
  const current = await couch(origin, 'GET', designPath, { auth });
  if (current.status === 200 && current.body.validate_doc_update === VOLUNTEERS_DESIGN.validate_doc_update) return;
  const doc = { ...VOLUNTEERS_DESIGN, ...(current.status === 200 ? { _rev: current.body._rev } : {}) };
  await expect('design document', couch(origin, 'PUT', designPath, { auth, body: doc }), 201, 200);
}

// Creates or updates the CouchDB user document org.couchdb.user:<name>.
export async function putUser(origin, auth, name, password, roles = []) {
  if (!name || name.includes(':')) throw new Error(`bad user name "${name}" (no ':' allowed: it separates vsignup ids)`);
  const id = `/_users/org.couchdb.user:${encodeURIComponent(name)}`;
  const current = await couch(origin, 'GET', id, { auth });
  const doc = { _id: `org.couchdb.user:${name}`, name, type: 'user', roles, password };
  if (current.status === 200) doc._rev = current.body._rev;
  return (await expect(`user ${name}`, couch(origin, 'PUT', id, { auth, body: doc }), 201, 200)).body;
}

// ------------------------------------------------------------------ the API

export async function startSyncServer({
  dir, inMemory = false, port = 0, host = '127.0.0.1', adminUser = 'admin', adminPassword,
  corsOrigins = '*', startTimeout = 30000, autoRestart = false,
} = {}) {
  if (!dir && !inMemory) throw new Error('startSyncServer: give dir (LevelDB folder) or inMemory: true');
  if (!fs.existsSync(BIN)) throw new Error(`${BIN} is missing: run python3 tools/build.py setup`);
  const persistent = !!dir && !inMemory;
  const workDir = dir ? path.resolve(dir) : fs.mkdtempSync(path.join(os.tmpdir(), 'linli-sync-'));
  fs.mkdirSync(workDir, { recursive: true, mode: 0o700 });
  const admin = adminCredentials(dir && workDir, adminUser, adminPassword);
  const auth = basicAuth(admin.user, admin.password);
  const thePort = port || await freePort(host);
  const clientHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const origin = `http://${clientHost}:${thePort}`;
  let child = null;
  let expected = false; // the child's next exit is ours (stop, kill, restart)
  let closed = false;
  const killOnExit = () => { if (child && child.exitCode === null) child.kill('SIGKILL'); };
  process.on('exit', killOnExit);

  async function launch() {
    const config = writeConfig(workDir, admin, corsOrigins);
    const args = ['-r', PRELOAD, BIN, '--port', String(thePort), '--host', host, '--config', config,
      '--no-color', ...(persistent ? ['--dir', workDir] : ['--in-memory'])];
    const output = { text: '' };
    child = spawn(process.execPath, args, { cwd: workDir, stdio: ['pipe', 'pipe', 'pipe'] });
    const keep = (chunk) => { output.text = (output.text + chunk).slice(-8000); };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.stdin.on('error', () => {}); // the child may go first
    expected = false;
    const me = child;
    me.on('exit', (code, signal) => {
      if (expected || closed || !autoRestart || me !== child) return;
      console.error(`[sync] pouchdb-server exited (${code ?? signal}); starting it again. ${output.text.slice(-600)}`);
      const again = () => launch().catch((e) => {
        console.error(`[sync] could not start pouchdb-server again: ${e.message}`);
        if (!closed) setTimeout(again, 5000);
      });
      setTimeout(again, 1000);
    });
    await waitUntilAnswering(origin, child, output, startTimeout);
    await setUpDatabases(origin, auth);
  }

  async function stopChild(signal) {
    expected = true;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }

  try {
    await launch();
  } catch (e) {
    await stopChild('SIGKILL');
    process.off('exit', killOnExit);
    throw e;
  }
  if (dir) fs.writeFileSync(path.join(workDir, 'server.json'), JSON.stringify({ origin }, null, 2) + '\n');

  return {
    origin,
    port: thePort,
    dir: workDir,
    admin: { user: admin.user, password: admin.password },
    get pid() { return child?.pid; },
    addUser: (name, password, roles = []) => putUser(origin, auth, name, password, roles),
    async stop() {
      closed = true;
      await stopChild('SIGINT');
      process.off('exit', killOnExit);
      if (!dir) fs.rmSync(workDir, { recursive: true, force: true });
    },
    async kill() { await stopChild('SIGKILL'); },
    // Same port, same folder (an in-memory server comes back empty, with its two databases).
    async restart() {
      await stopChild('SIGINT');
      await launch();
    },
  };
}

// ------------------------------------------------------------------ CLI

async function cli(argv) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      dir: { type: 'string' }, 'in-memory': { type: 'boolean' }, port: { type: 'string', default: '5984' },
      host: { type: 'string', default: '127.0.0.1' }, url: { type: 'string' },
      'exit-with-stdin': { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || (!values.dir && !values['in-memory'])) {
    console.log(`Usage: node tools/sync_server.mjs --dir data/sync [--port 5984] [--host 0.0.0.0]
       node tools/sync_server.mjs --in-memory [--port 0]
       node tools/sync_server.mjs add-user NAME PASSWORD ${STAFF_ROLE}|${VOLUNTEER_ROLE} --dir data/sync [--url ORIGIN]`);
    return values.help ? 0 : 2;
  }
  if (positionals[0] === 'add-user') {
    const [, name, password, ...roles] = positionals;
    const dir = path.resolve(values.dir);
    const admin = readJson(path.join(dir, 'admin.json'));
    const origin = values.url || readJson(path.join(dir, 'server.json')).origin;
    await putUser(origin, basicAuth(admin.user, admin.password), name, password, roles);
    console.log(`User ${name} (${roles.join(', ') || 'no roles'}) saved on ${origin}`);
    return 0;
  }
  const server = await startSyncServer({
    dir: values.dir, inMemory: !!values['in-memory'], port: Number(values.port), host: values.host,
    autoRestart: true,
  });
  const where = server.dir && values.dir ? ` (kept in ${path.join(server.dir, 'admin.json')})` : '';
  console.log(`Linli sync server at ${server.origin}/  databases: ${STAFF_DB}, ${VOLUNTEERS_DB}` +
    (values.host !== '127.0.0.1' ? `  (listening on ${values.host})` : ''));
  console.log(`admin user: ${server.admin.user}  password: ${server.admin.password}${where}`);
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  if (values['exit-with-stdin']) { // started by serve.py: stop when it goes, even by SIGKILL
    process.stdin.on('end', shutdown);
    process.stdin.resume();
  }
  return null; // keeps running
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  cli(process.argv.slice(2)).then((code) => { if (code !== null) process.exit(code); }, (e) => {
    console.error(e.message || e);
    process.exit(1);
  });
}
