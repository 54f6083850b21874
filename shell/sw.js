// Linli service worker: precaches the whole site so it loads and works offline after one
// visit. tools/build.py fills in VERSION (a hash of the build's content), FILES, SCANNER
// (a hash of the camera scanner's decoder, scanner/*), XLSX (a hash of the XLSX module,
// xlsx/*) and FONTS (a hash of the Chinese font slices, fonts/cjk-01.ttf ... and their index
// fonts/slices.bin). None of these are precached (most visits never scan or open a
// workbook; a slice is needed only when one of its characters is drawn): each is cached
// here when the page first fetches it, so that what worked once works offline from then on.
'use strict';
const VERSION = '__LINLI_BUILD__';
const FILES = __LINLI_FILES__;
const CACHE = 'linli-' + VERSION;
const SCANNER_CACHE = 'zxing-reader-__LINLI_SCANNER__'; // outlives builds with the same decoder
const FONTS_CACHE = 'cjk-slices-__LINLI_FONTS__'; // outlives builds with the same slices
const XLSX_CACHE = 'linli-xlsx-__LINLI_XLSX__'; // outlives builds with the same module

self.addEventListener('install', (event) => {
  // Every file revalidated with the server (so one cache is one build) but not downloaded
  // again when the page has just fetched it: a first visit costs one download, not two.
  event.waitUntil(caches.open(CACHE).then((cache) =>
    cache.addAll(FILES.map((f) => new Request(f, { cache: 'no-cache' })))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    const stale = (n) => (n.startsWith('linli-') && !n.startsWith('linli-xlsx-') && n !== CACHE) ||
      (n.startsWith('linli-xlsx-') && n !== XLSX_CACHE) ||
      (n.startsWith('zxing-reader-') && n !== SCANNER_CACHE) || (n.startsWith('cjk-slices-') && n !== FONTS_CACHE);
    await Promise.all(names.filter(stale).map((n) => caches.delete(n)));
    await self.clients.claim(); // the first visit's page works offline without a reload
  })());
});

// A waiting new version takes over only when the page asks (after it saved its writes).
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'skip-waiting') self.skipWaiting();
});

// The scanner's decoder, the XLSX module and the font slices: from their own cache, or fetched and kept there.
async function onFirstUse(cacheName, request) {
  const cache = await caches.open(cacheName);
  const hit = await cache.match(request, { ignoreSearch: true });
  if (hit) return hit;
  const response = await fetch(request);
  // A full disk must not cost the page what it fetched: keeping a copy is best effort.
  if (response.ok) await cache.put(request, response.clone()).catch(() => {});
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
    if (url.pathname.startsWith(new URL('scanner/', scope).pathname)) return onFirstUse(SCANNER_CACHE, request);
    if (url.pathname.startsWith(new URL('xlsx/', scope).pathname)) return onFirstUse(XLSX_CACHE, request);
    if (url.pathname.startsWith(new URL('fonts/', scope).pathname) && !FILES.includes('fonts/' + url.pathname.split('/').pop())) {
      return onFirstUse(FONTS_CACHE, request);
    }
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
