/**
 * What the build writes for intranet hosting, from the list of built files: the service
 * worker's precache (URLs under the base path, one version for the whole set) and
 * sitemap.xml. Pure: the integration reads the files, this decides what goes in.
 */
import { createHash } from 'node:crypto';

/** A built file: its path inside dist/ ("dieu-7/index.html") and its bytes. */
export interface BuiltFile {
  path: string;
  bytes: Uint8Array;
}

/** Files the service worker writes itself or that a visitor never needs offline. */
const NOT_PRECACHED = new Set(['sw.js', 'sitemap.xml']);

/** "dieu-7/index.html" → "dieu-7/", "index.html" → "", anything else unchanged. */
export function pagePath(distPath: string): string {
  if (distPath === 'index.html') return '';
  return distPath.endsWith('/index.html') ? distPath.slice(0, -'index.html'.length) : distPath;
}

export interface Precache {
  /** Changes whenever any precached file's path or bytes change. */
  version: string;
  /** URLs with the base path ("/so-tay/dieu-7/"), pages by their directory URL. Sorted. */
  urls: string[];
  /** Total bytes a first visit downloads into the cache. */
  bytes: number;
}

export function precacheFor(files: readonly BuiltFile[], base: string): Precache {
  if (!base.startsWith('/') || !base.endsWith('/')) throw new Error(`base path must start and end with "/": ${JSON.stringify(base)}`);
  const kept = files.filter((file) => !NOT_PRECACHED.has(file.path))
    // Code-point order, not the locale's: the version must not depend on the build machine.
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const hash = createHash('sha256');
  let bytes = 0;
  for (const file of kept) {
    hash.update(file.path).update('\0').update(file.bytes).update('\0');
    bytes += file.bytes.length;
  }
  return {
    version: hash.digest('hex').slice(0, 16),
    urls: kept.map((file) => base + pagePath(file.path)),
    bytes,
  };
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * sitemap.xml for the built pages: every *.html but the 404 page, as absolute URLs on
 * `site` (the public origin, e.g. "https://intranet.example/") under `base`.
 */
export function sitemapXml(distPaths: readonly string[], site: string, base: string): string {
  const origin = new URL(site).origin;
  const urls = distPaths
    .filter((path) => path.endsWith('.html') && path !== '404.html')
    .map((path) => new URL(base + pagePath(path), origin).href)
    .sort();
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls.map((url) => `  <url><loc>${escapeXml(url)}</loc></url>`),
    '</urlset>',
    '',
  ].join('\n');
}
