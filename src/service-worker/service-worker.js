/*
 * Kube101's service worker (built to /sw.js by build-integration.mjs, which fills in the version and
 * the list of files): after a first visit the whole course is cached — every lesson page, the
 * glossary, the assets and the simulator's worker — so any lesson opens offline with its terminal,
 * editor and live checklist. The API is never cached. A new deploy is a new version: it caches the
 * new files beside the old ones and waits until the page says so (`skip-waiting`), then drops the old.
 */
const version = '__KUBE101_VERSION__';
/** @type {string[]} */
const precache = __KUBE101_PRECACHE__;
const precacheName = `kube101-${version}`;
/** Same-origin files not known at build time (the search index): kept as they are fetched. */
const runtimeName = 'kube101-runtime';

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(precacheName);
      // Hashed assets may come from the HTTP cache; pages and unhashed files are fetched afresh.
      await cache.addAll(
        precache.map((url) => new Request(url, { cache: url.startsWith('/_astro/') ? 'default' : 'reload' })),
      );
      // The first version takes over at once; a later one waits for the page's word.
      if (!self.registration.active) await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('kube101-') && name !== precacheName && name !== runtimeName)
          await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data?.type === 'skip-waiting') void self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/'))
    return;
  event.respondWith(respond(request, url));
});

/** @param {Request} request @param {URL} url */
async function respond(request, url) {
  const cache = await caches.open(precacheName);
  const cached = await cache.match(url.pathname, { ignoreSearch: true });
  if (cached) return cached;
  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic') {
      const copy = response.clone();
      void caches.open(runtimeName).then((runtime) => runtime.put(request, copy));
    }
    return response;
  } catch (error) {
    const kept = await caches.match(request, { ignoreSearch: true });
    if (kept) return kept;
    if (request.mode === 'navigate') {
      return new Response(
        '<!doctype html><meta charset="utf-8"><title>Offline · Kube101</title><p>You are offline, and this page was not saved for offline use. <a href="/">Back to the course</a></p>',
        { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } },
      );
    }
    throw error;
  }
}
