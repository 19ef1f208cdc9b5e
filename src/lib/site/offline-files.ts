/**
 * What the build writes for offline use and intranet hosting, from the list of built files:
 * the service worker's small shell (cached on the first visit, the same size whatever the
 * content), the list of the full offline copy (downloaded only when the person chooses it),
 * and sitemap.xml. Pure: the integration reads the files, this decides what goes in.
 */
import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import { init, parse } from 'es-module-lexer';

/** A built file: its path inside dist/ ("dieu-7/index.html") and its bytes. */
export interface BuiltFile {
  path: string;
  bytes: Uint8Array;
}

/** The service worker, the sitemap and the copy's own list: written by the build, never cached. */
const NOT_CACHED = new Set(['sw.js', 'sitemap.xml', 'offline.json']);

/** Pages that are not the handbook's content: the not-found page and the page shown offline for a page not saved. */
const NOT_CONTENT = new Set(['404.html', 'chua-luu/index.html']);

/**
 * The shell: what any page needs to show offline besides itself. Stylesheets, the page shown
 * offline for a page not saved (chua-luu/) and the 404 page (for an address that is no page of
 * a copy saved whole), the manifest and icon, and the code of «Lưu để dùng khi mất mạng» (so
 * that pressing it offline says so): a fixed set, never the content.
 */
const IN_SHELL = (path: string) =>
  NOT_CONTENT.has(path) ||
  path === 'manifest.webmanifest' ||
  path === 'favicon.svg' ||
  /^_astro\/[^/]+\.css$/.test(path) ||
  /^_astro\/offline-copy-[^/]+\.js$/.test(path);

/** "dieu-7/index.html" → "dieu-7/", "index.html" → "", anything else unchanged. */
export function pagePath(distPath: string): string {
  if (distPath === 'index.html') return '';
  return distPath.endsWith('/index.html') ? distPath.slice(0, -'index.html'.length) : distPath;
}

export interface OfflineFiles {
  /** Changes whenever any cached file's path or bytes change: the cache's name. */
  version: string;
  /** URLs the service worker caches when it installs (base path included), and their bytes. */
  shell: string[];
  shellBytes: number;
  /** The full offline copy: every file by URL with its size, pages by their directory URL. Sorted. */
  copy: { url: string; bytes: number }[];
  copyBytes: number;
  /** How many pages the copy holds. */
  pages: number;
}

export function offlineFiles(files: readonly BuiltFile[], base: string): OfflineFiles {
  if (!base.startsWith('/') || !base.endsWith('/'))
    throw new Error(`base path must start and end with "/": ${JSON.stringify(base)}`);
  const kept = files
    .filter((file) => !NOT_CACHED.has(file.path))
    // Code-point order, not the locale's: the version must not depend on the build machine.
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const hash = createHash('sha256');
  for (const file of kept) hash.update(file.path).update('\0').update(file.bytes).update('\0');
  const copy = kept.map((file) => ({ url: base + pagePath(file.path), bytes: file.bytes.length }));
  const shell = kept.filter((file) => IN_SHELL(file.path));
  const sum = (list: readonly { bytes: number }[]) =>
    list.reduce((total, file) => total + file.bytes, 0);
  return {
    version: hash.digest('hex').slice(0, 16),
    shell: shell.map((file) => base + pagePath(file.path)),
    shellBytes: sum(shell.map((file) => ({ bytes: file.bytes.length }))),
    copy,
    copyBytes: sum(copy),
    pages: kept.filter((file) => file.path.endsWith('.html') && !NOT_CONTENT.has(file.path)).length,
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
    .filter((path) => path.endsWith('.html') && !NOT_CONTENT.has(path))
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

/**
 * Code loaded on first use (a dynamic `import()`) is cached by the service worker with the
 * module that imports it, not only when it runs: a page visited online keeps working offline
 * when the person then opens its review, types a note or opens the journal. For each module
 * under _astro/ that imports code on first use: the URLs of every module that code needs,
 * itself included. Files over `PREFETCH_MAX` (the PDF library, the search engine) are left
 * to the full offline copy or to their first use: a megabyte on every visit is no prefetch.
 */
export const PREFETCH_MAX = 64 * 1024;

export async function lazyModules(
  files: readonly BuiltFile[],
  base: string,
): Promise<Record<string, string[]>> {
  await init;
  const code = new Map(
    files.filter((file) => /^_astro\/.+\.js$/.test(file.path)).map((f) => [f.path, f] as const),
  );
  const edges = new Map<string, { lazy: string[]; all: string[] }>();
  for (const [path, file] of code) {
    const [imports] = parse(new TextDecoder().decode(file.bytes));
    const target = (name: string) => posix.join(posix.dirname(path), name);
    const named = imports.filter((i) => i.n?.startsWith('.'));
    edges.set(path, {
      lazy: named.filter((i) => i.d > -1).map((i) => target(i.n!)),
      all: named.map((i) => target(i.n!)),
    });
  }
  const closure = (start: string[]): string[] => {
    const seen = new Set<string>();
    const queue = [...start];
    while (queue.length > 0) {
      const path = queue.shift()!;
      const file = code.get(path);
      if (seen.has(path) || !file || file.bytes.length > PREFETCH_MAX) continue;
      seen.add(path);
      queue.push(...(edges.get(path)?.all ?? []));
    }
    return [...seen].sort().map((path) => base + path);
  };
  const out: Record<string, string[]> = {};
  for (const [path, { lazy }] of [...edges].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const urls = closure(lazy);
    if (urls.length > 0) out[base + path] = urls;
  }
  return out;
}
