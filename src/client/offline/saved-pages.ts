/**
 * On the page shown offline for a page not saved (/chua-luu/): the address asked for, and the
 * pages this device has saved, by their titles, read from the service worker's cache.
 */
import { savedPagesText } from '../../lib/site/offline-wording.ts';

const SUFFIX = ' · Sổ tay trực ban';

/** A page's <title>, as text (entities decoded), without the site's name. */
const titleOf = (html: string): string => {
  const raw = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
  const text = new DOMParser().parseFromString(raw, 'text/html').documentElement.textContent;
  return text.replace(SUFFIX, '').trim();
};

export async function listSavedPages(base: string): Promise<void> {
  const address = document.querySelector('[data-address]');
  if (address) {
    try {
      address.textContent = decodeURI(location.pathname);
    } catch {
      address.textContent = location.pathname;
    }
  }
  const count = document.querySelector('[data-saved-count]');
  const list = document.querySelector('[data-saved-list]');
  if (!count || !list || !('caches' in window)) return;
  const pages = new Map<string, string>();
  for (const name of await caches.keys()) {
    if (!name.startsWith('so-tay-')) continue;
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const { pathname } = new URL(request.url);
      if (!pathname.startsWith(base) || !pathname.endsWith('/') || pages.has(pathname)) continue;
      if (pathname === `${base}chua-luu/`) continue; // this page itself (routes.notSaved())
      const response = await cache.match(request);
      if (response) pages.set(pathname, titleOf(await response.text()) || pathname);
    }
  }
  count.textContent = savedPagesText(pages.size);
  list.replaceChildren(
    ...[...pages]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([pathname, title]) => {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = pathname;
        link.textContent = title;
        item.append(link);
        return item;
      }),
  );
}
