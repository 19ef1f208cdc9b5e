// The handbook's service worker. The build (src/integrations/offline.ts) writes it to
// dist/sw.js with VERSION and PRECACHE (every file of the site) defined above this line.
/* global VERSION, PRECACHE */
const CACHE = `so-tay-${VERSION}`;
const SCOPE = new URL('./', self.location.href).pathname;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // no-cache: revalidate with the server, so an older copy in the HTTP cache never enters a new version.
      await cache.addAll(PRECACHE.map((url) => new Request(url, { cache: 'no-cache' })));
      // The new version serves the next page opened; the page shows a notice when it takes over.
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('so-tay-') && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || !url.pathname.startsWith(SCOPE)) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      // A static host ignores queries (?q= on the search page, Pagefind's ?ts= cache-buster): so does the cache.
      const cached = await cache.match(request, { ignoreSearch: true });
      if (cached) return cached;
      try {
        return await fetch(request);
      } catch (error) {
        if (request.mode !== 'navigate') throw error;
        const notFound = await cache.match(`${SCOPE}404.html`);
        if (notFound) return notFound;
        throw error;
      }
    })(),
  );
});
