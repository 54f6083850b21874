// Linli service worker: precaches the whole site so it loads and works offline after one
// visit. tools/build.py fills in VERSION (a hash of the build's content), FILES and
// SCANNER (a hash of the camera scanner's decoder, scanner/*: not precached, since most
// visits never scan; cached here when the page first fetches it, so that scanning works
// offline from then on).
'use strict';
const VERSION = '__LINLI_BUILD__';
const FILES = __LINLI_FILES__;
const CACHE = 'linli-' + VERSION;
const SCANNER_CACHE = 'zxing-reader-__LINLI_SCANNER__'; // outlives builds with the same decoder

self.addEventListener('install', (event) => {
  // Fetch everything fresh (bypassing the HTTP cache) so one cache is one build.
  event.waitUntil(caches.open(CACHE).then((cache) =>
    cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' })))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    const stale = (n) => (n.startsWith('linli-') && n !== CACHE) || (n.startsWith('zxing-reader-') && n !== SCANNER_CACHE);
    await Promise.all(names.filter(stale).map((n) => caches.delete(n)));
    await self.clients.claim(); // the first visit's page works offline without a reload
  })());
});

// A waiting new version takes over only when the page asks (after it saved its writes).
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'skip-waiting') self.skipWaiting();
});

// The scanner's decoder: from its own cache, or fetched and kept there.
async function scannerFile(request) {
  const cache = await caches.open(SCANNER_CACHE);
  const hit = await cache.match(request, { ignoreSearch: true });
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  // The sync server behind the same origin (serve.py --sync): always the network.
  if (new URL(request.url).pathname.includes('/couch/')) return;
  event.respondWith((async () => {
    const url = new URL(request.url);
    const scope = new URL(self.registration.scope);
    if (url.pathname.startsWith(new URL('scanner/', scope).pathname)) return scannerFile(request);
    const cache = await caches.open(CACHE);
    // Navigations get the cached page, whatever query string the link had.
    if (request.mode === 'navigate' && url.pathname.startsWith(scope.pathname)) {
      const page = await cache.match(new URL('index.html', scope).href);
      if (page) return page;
    }
    const hit = await cache.match(request, { ignoreSearch: true });
    if (hit) return hit;
    return fetch(request);
  })());
});
