// Linli service worker: precaches the whole site so it loads and works offline after one
// visit. tools/build.py fills in VERSION (a hash of the build's content) and FILES.
'use strict';
const VERSION = '__LINLI_BUILD__';
const FILES = __LINLI_FILES__;
const CACHE = 'linli-' + VERSION;

self.addEventListener('install', (event) => {
  // Fetch everything fresh (bypassing the HTTP cache) so one cache is one build.
  event.waitUntil(caches.open(CACHE).then((cache) =>
    cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' })))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((n) => n.startsWith('linli-') && n !== CACHE).map((n) => caches.delete(n)));
    await self.clients.claim(); // the first visit's page works offline without a reload
  })());
});

// A waiting new version takes over only when the page asks (after it saved its writes).
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const url = new URL(request.url);
    const scope = new URL(self.registration.scope);
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
