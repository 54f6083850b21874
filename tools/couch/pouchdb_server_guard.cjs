// Preloaded into pouchdb-server 4.2.0 (node -r this-file .../bin/pouchdb-server) by
// tools/sync_server.mjs. It closes the holes found in express-pouchdb 4.2.0 (docs/sync.md,
// "What pouchdb-server enforces"), none of which Apache CouchDB has:
//   1. _bulk_get, _find, _explain and _index (routes/bulk-get.js, routes/find.js) call
//      PouchDB without the request's user, which pouchdb-security takes for the server
//      itself ("admin party"): anyone, even with no credentials, could read every document
//      of every database with POST /db/_bulk_get or /db/_find, and create or delete
//      indexes. Here those calls get the request's user (kept in an AsyncLocalStorage),
//      so the database's _security applies to them as to the other endpoints.
//   2. any member of a database could overwrite its _local/_security document (PUT with
//      its _rev, or _bulk_docs) and so rewrite the database's _security: members and
//      admins. Here only server admins write _local/_security (PUT /db/_security, which
//      pouchdb-security allows database admins, still works: it writes internally).
//   3. routes/documents.js gives a user the _admin role for every request under
//      /_users/org.couchdb.user:<self>, so a volunteer could give themselves linli-staff.
//      Here only server admins write to /_users (and /_replicator, /_replicate).
//   4. PUT /<db> by anyone who is not a server admin (even with no credentials) throws in
//      routes/db.js ("db.info is not a function") and the whole server exits. Here only
//      server admins create or delete databases.
//   5. a long-poll (_changes?feed=longpoll&timeout=N) ignores its timeout and never ends
//      while nothing changes (routes/changes.js never ends the reply on 'complete'). Here,
//      unless the request asks for a heartbeat (which overrides timeout, as in CouchDB), the
//      reply ends after N ms as CouchDB's does: {"results":[],"last_seq":<since>} (since=now:
//      the database's update_seq), and express-pouchdb's live feed is cancelled.
//   6. pouchdb-validation (validate_doc_update) replaces every written document's _revisions
//      with the stored document's before validating, so a replicated edit (_bulk_docs with
//      new_edits:false: rev 2 on top of rev 1) is stored as the old revision again and
//      silently dropped (the reply is [] as for success): a volunteers' database would
//      never take a second version of anything. Here a replicated document keeps its own
//      _revisions (the validation function still sees it, as CouchDB's does).
// Who is a server admin is asked of the server itself (GET /_session with the request's
// Cookie and Authorization), only for the requests that rule 3 or 4 concerns.
// It also stops the server when its stdin (a pipe from the process that started it)
// closes, so that no orphan keeps the port and the LevelDB lock after a SIGKILL.
'use strict';

const { AsyncLocalStorage } = require('async_hooks');
const http = require('http');
const path = require('path');

const currentRequest = new AsyncLocalStorage();

process.stdin.on('end', () => process.kill(process.pid, 'SIGINT')); // pouchdb-server exits on SIGINT
process.stdin.on('error', () => process.kill(process.pid, 'SIGINT'));
process.stdin.resume();

// ---------------------------------------------------------------- 1 and 2: PouchDB wrappers

const expressPouchdb = path.dirname(require.resolve('express-pouchdb/package.json', {
  paths: [path.join(__dirname, '..', '..', 'node_modules', 'pouchdb-server')],
}));
const securityDir = path.dirname(require.resolve('pouchdb-security/package.json', { paths: [expressPouchdb] }));
const fromSecurity = (name) => require(require.resolve(name, { paths: [securityDir] }));
const Security = fromSecurity('pouchdb-security');
const wrappers = fromSecurity('pouchdb-wrappers');
const createBulkDocsWrapper = fromSecurity('pouchdb-bulkdocs-wrapper');

// 6: pouchdb-validation makes its bulkDocs wrapper with this module (the same file, loaded
// once); its handler is wrapped so that new_edits:false documents get their _revisions back
// after validation and before the write.
const bulkDocsWrapperPath = require.resolve('pouchdb-bulkdocs-wrapper', { paths: [securityDir] });
require.cache[bulkDocsWrapperPath].exports = function keepReplicatedRevisions(handler) {
  return createBulkDocsWrapper((doc, args) => {
    const replicated = args.options && args.options.new_edits === false && doc._revisions;
    return handler(doc, args).then((result) => {
      if (replicated) doc._revisions = replicated;
      return result;
    });
  });
};

const SECURITY_DOC = '_local/_security';

function forbidLocalSecurity(id, options) {
  const userCtx = options && options.userCtx; // absent for the server's own writes (putSecurity)
  if (String(id) !== SECURITY_DOC || !userCtx || (userCtx.roles || []).indexOf('_admin') !== -1) return;
  const err = new Error('Only server admins may write _local/_security (use /db/_security).');
  err.status = 401;
  err.name = 'unauthorized';
  err.error = true;
  throw err;
}

const localSecurityWrappers = {
  put(orig, args) { return Promise.resolve().then(() => forbidLocalSecurity(args.doc._id, args.options)).then(orig); },
  post(orig, args) { return Promise.resolve().then(() => forbidLocalSecurity(args.doc._id, args.options)).then(orig); },
  remove(orig, args) { return Promise.resolve().then(() => forbidLocalSecurity(args.doc._id, args.options)).then(orig); },
  bulkDocs: createBulkDocsWrapper((doc, args) => Promise.resolve().then(() => forbidLocalSecurity(doc._id, args.options))),
};

// The methods the HTTP routes call without a user. The handler goes first in each
// method's chain, before pouchdb-security's check; calls made outside a request (the
// server's own) keep no user, as before.
const WITHOUT_USER = ['bulkGet', 'find', 'explain', 'getIndexes', 'createIndex', 'deleteIndex'];
function requestUser(orig, args) {
  const req = currentRequest.getStore();
  if (args.options.userCtx === undefined && req && req.couchSession) args.options.userCtx = req.couchSession.userCtx;
  return orig();
}

const installSecurityMethods = Security.installSecurityMethods;
Security.installSecurityMethods = function () {
  installSecurityMethods.apply(this, arguments);
  wrappers.installWrapperMethods(this, localSecurityWrappers);
  for (const name of WITHOUT_USER) {
    if (this[name] && Array.isArray(this[name]._handlers)) this[name]._handlers.unshift(requestUser);
  }
};

// ---------------------------------------------------------------- 3 and 4: server admins only

function adminOnly(req) {
  let p = (req.url || '/').split('?')[0];
  try { p = decodeURIComponent(p); } catch { /* keep it raw */ }
  const method = req.method.toUpperCase();
  const reads = method === 'GET' || method === 'HEAD' || method === 'OPTIONS';
  const parts = p.split('/').filter(Boolean);
  if (parts.length === 1 && parts[0] !== '_session' && (method === 'PUT' || method === 'DELETE')) return 'create or delete a database';
  if (['_users', '_replicator'].includes(parts[0]) && !reads) return `write to ${parts[0]}`;
  if (parts[0] === '_replicate') return 'start a replication';
  return null;
}

function isServerAdmin(server, req) {
  const addr = server.address();
  const host = !addr.address || addr.address === '0.0.0.0' || addr.address === '::' ? '127.0.0.1' : addr.address;
  const headers = { accept: 'application/json' };
  if (req.headers.cookie) headers.cookie = req.headers.cookie;
  if (req.headers.authorization) headers.authorization = req.headers.authorization;
  return new Promise((resolve) => {
    const ask = http.get({ host, port: addr.port, path: '/_session', headers, timeout: 10000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { body += c; });
      res.on('end', () => {
        try {
          resolve(res.statusCode === 200 && JSON.parse(body).userCtx.roles.indexOf('_admin') !== -1);
        } catch {
          resolve(false);
        }
      });
    });
    ask.on('timeout', () => ask.destroy());
    ask.on('error', () => resolve(false));
  });
}

// ---------------------------------------------------------------- 5. long-poll timeouts

function longPollTimeout(req, res) {
  const [pathname, query = ''] = (req.url || '').split('?');
  if (!/^\/[^/]+\/_changes\/?$/.test(pathname)) return;
  const params = new URLSearchParams(query);
  if (params.get('feed') !== 'longpoll' || !params.has('timeout') || params.has('heartbeat')) return;
  const timeout = Math.max(0, Number(params.get('timeout')) || 0);
  const since = params.get('since') || '0';
  const timer = setTimeout(() => {
    // express-pouchdb waits for a change (it wrote '{"results":[') exactly while its
    // listener named cancelChanges is on the socket.
    const socket = req.socket;
    const cancel = socket && socket.listeners('close').find((l) => l.name === 'cancelChanges');
    if (!cancel || res.writableEnded) return;
    const lastSeq = /^\d+$/.test(since) ? Promise.resolve(Number(since))
      : req.db ? req.db.info().then((i) => i.update_seq, () => 0) : Promise.resolve(0);
    lastSeq.then((seq) => {
      if (res.writableEnded || !socket.listeners('close').includes(cancel)) return;
      // Through res.write and res.end as they are now (the compression middleware wraps them).
      res.write('],\n"last_seq":' + JSON.stringify(seq) + '}\n');
      res.end();
      res.write = () => true; // a heartbeat or a late change finds the reply ended
      res.end = () => res;
      // Stop the live feed as a closed connection would; the connection stays open.
      socket.removeListener('close', cancel);
      cancel();
    });
  }, timeout);
  res.once('close', () => clearTimeout(timer));
  res.once('finish', () => clearTimeout(timer));
}

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, req, res) {
  if (event !== 'request') return emit.apply(this, arguments);
  const args = arguments;
  const handle = () => {
    longPollTimeout(req, res);
    return currentRequest.run(req, () => emit.apply(this, args));
  };
  const what = adminOnly(req);
  if (!what) return handle();
  isServerAdmin(this, req).then((admin) => {
    if (admin) return handle();
    res.writeHead(401, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ error: 'unauthorized', reason: `Only server admins may ${what}.` }) + '\n');
    req.resume();
    return true;
  });
  return true;
};
