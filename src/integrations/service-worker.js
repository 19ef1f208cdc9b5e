// The handbook's service worker. The build (src/integrations/offline-copy.ts) writes it to
// dist/sw.js with VERSION and SHELL (stylesheets, the 404 page, the icon: the same few files
// whatever the content) defined above this line.
//   - Install caches the shell only: a first visit on a slow link downloads a few KB more, not the site.
//   - Whatever a page fetches is cached as it is used: pages opened, PDFs and fonts, the search files.
//   - The full copy (every page, the search index, the blank PDFs) is the person's choice, made on a
//     page ("Lưu để dùng khi mất mạng", src/client/offline/offline-copy.ts), which writes this cache
//     and the COMPLETE marker; a new version then downloads its own full copy when it installs.
/* global VERSION, SHELL, LAZY */
const CACHE = `so-tay-${VERSION}`;
const SCOPE = new URL('./', self.location.href).pathname;
/** Present in a cache once its full offline copy is complete. */
const COMPLETE = `${SCOPE}offline-copy-complete`;
/** Shown offline for a page not saved (src/pages/chua-luu.astro; in the shell). */
const NOT_SAVED = `${SCOPE}chua-luu/`;

/** The URL a response is kept under: a static host ignores queries (?q=, Pagefind's ?ts=), so does the cache. */
const keyOf = (url) => {
  const key = new URL(url, self.location.href);
  key.search = '';
  key.hash = '';
  return key.href;
};
const ours = (url) => url.origin === self.location.origin && url.pathname.startsWith(SCOPE);

/** Fetches `url` into `cache` unless it is there; a failure leaves it out, quietly. */
async function keep(cache, url, init) {
  if (await cache.match(url, { ignoreSearch: true })) return;
  try {
    const response = await fetch(url, init);
    if (response.status === 200 && response.type === 'basic') await cache.put(keyOf(url), response);
  } catch {
    // Offline or gone: it will be cached when it is next used.
  }
}

/**
 * A module kept brings the code it loads on first use (LAZY, from the build: lazyModules in
 * src/lib/site/offline-files.ts), so that a page visited online still opens its review,
 * checks a note or opens its journal offline.
 */
async function keepWithLazy(cache, url, init) {
  await keep(cache, url, init);
  for (const lazy of LAZY[new URL(url, self.location.href).pathname] ?? []) await keep(cache, lazy);
}

/** What the older versions' caches held: whether the full copy was chosen, and the pages visited. */
async function previously() {
  let chosen = false;
  const pages = new Set();
  for (const name of await caches.keys()) {
    if (!name.startsWith('so-tay-') || name === CACHE) continue;
    const old = await caches.open(name);
    if (await old.match(COMPLETE)) chosen = true;
    for (const request of await old.keys())
      if (new URL(request.url).pathname.endsWith('/')) pages.add(request.url);
  }
  return { chosen, pages };
}

async function saveFullCopy(cache) {
  const response = await fetch(`${SCOPE}offline.json`, { cache: 'no-cache' });
  const copy = await response.json();
  for (const file of copy.files) await keep(cache, file.url, { cache: 'no-cache' });
  await cache.put(COMPLETE, new Response(copy.version));
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // no-cache: revalidate with the server, so an older copy in the HTTP cache never enters a new version.
      await cache.addAll(SHELL.map((url) => new Request(url, { cache: 'no-cache' })));
      // A new version keeps what the person had: the pages they visited, and the full copy if they chose it.
      const before = await previously();
      for (const page of before.pages) await keep(cache, page, { cache: 'no-cache' });
      if (before.chosen) await saveFullCopy(cache).catch(() => undefined);
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

// The page the worker first appears on was fetched before it existed: the page sends its own
// address and what it loaded, and they are cached from the browser's HTTP cache where it has them.
self.addEventListener('message', (event) => {
  if (event.data?.type !== 'cache-page' || !Array.isArray(event.data.urls)) return;
  const urls = event.data.urls.filter((url) => typeof url === 'string' && ours(new URL(url)));
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      for (const url of urls) await keepWithLazy(cache, url, { cache: 'force-cache' });
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || !ours(url) || request.headers.has('range')) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const cached = await cache.match(request, { ignoreSearch: true });
      if (cached) return cached;
      try {
        const response = await fetch(request);
        // Cached on use: the next time, with or without the network, it comes from here. Not
        // awaited: the page gets the response as it streams in, the cache its copy alongside.
        if (response.status === 200 && response.type === 'basic') {
          event.waitUntil(cache.put(keyOf(request.url), response.clone()));
          const lazy = LAZY[url.pathname];
          if (lazy) event.waitUntil(Promise.all(lazy.map((more) => keep(cache, more))));
        }
        return response;
      } catch (error) {
        if (request.mode !== 'navigate') throw error;
        // Offline, and the page is not here. With the whole copy saved, every page is: the
        // address is no page of the handbook. Otherwise it is a page not saved (yet): say so.
        const whole = await cache.match(COMPLETE);
        const shown = await cache.match(whole ? `${SCOPE}404.html` : NOT_SAVED);
        if (!shown) throw error;
        return new Response(shown.body, {
          status: whole ? 404 : 503,
          headers: shown.headers,
        });
      }
    })(),
  );
});
