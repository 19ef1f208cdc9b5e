/**
 * What a first visit to a built page fetches, read from dist/ without a browser: the HTML,
 * its stylesheets (and their @imports), the images and icons it names, its module scripts
 * and every module they import statically (never a dynamic `import()`: that code loads on
 * first use). Each file is counted at its gzip size, as test/support/page-weight.ts counts
 * what Chromium really fetched; the page pass (every-page.test.ts) checks, on its one visit,
 * that nothing fetched escaped this list, so a budget read here cannot undercount.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { init, parse } from 'es-module-lexer';

export type FileKind = 'html' | 'css' | 'js' | 'other';

export interface FirstVisit {
  /** Site paths with the base path ("/so-tay/_astro/x.js"), the page's own HTML first. */
  files: { path: string; kind: FileKind; gzip: number }[];
  /** Each inline script (JSON data aside): gzip bytes, and whether it registers the service worker. */
  inlineJs: { gzip: number; serviceWorker: boolean }[];
  html: number;
  css: number;
  /** Module files and inline scripts. */
  js: number;
  other: number;
  total: number;
}

const gzip = (bytes: Uint8Array | string) => gzipSync(bytes, { level: 9 }).length;

const attr = (tag: string, name: string) =>
  new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag)?.[1]?.replace(/&amp;/g, '&');

const kindOf = (path: string): FileKind =>
  /\.html?$/.test(path)
    ? 'html'
    : /\.css$/.test(path)
      ? 'css'
      : /\.m?js$/.test(path)
        ? 'js'
        : 'other';

/** The files an HTML page names for its first paint: stylesheets, icons, images, scripts. */
function namedByHtml(html: string): string[] {
  const found: string[] = [];
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attr(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
    const href = attr(tag, 'href');
    if (href && rel.some((r) => ['stylesheet', 'icon', 'modulepreload', 'preload'].includes(r)))
      found.push(href);
  }
  for (const [tag] of html.matchAll(/<(?:script|img|source)\b[^>]*>/gi)) {
    const src = attr(tag, 'src');
    if (src) found.push(src);
  }
  return found;
}

/** What a stylesheet pulls in when it applies: @imports and url()s (fonts, images). */
const namedByCss = (css: string): string[] =>
  [...css.matchAll(/@import\s+(?:url\()?["']?([^"')\s;]+)|url\(\s*["']?([^"')]+)["']?\s*\)/g)]
    .map((m) => m[1] ?? m[2] ?? '')
    .filter((url) => url !== '' && !/^(data|blob):/i.test(url));

/** The modules a module imports statically (`import … from`, `export … from`, `import "x"`). */
async function staticImports(code: string): Promise<string[]> {
  await init;
  const [imports] = parse(code);
  return imports.filter((i) => i.d === -1 && i.n !== undefined).map((i) => i.n as string);
}

/** Scripts written inline in the page, JSON data aside. */
const inlineScripts = (html: string): string[] =>
  [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attrs]) => !/\ssrc=/i.test(attrs ?? ''))
    .map(([, , code]) => code ?? '')
    .filter((code) => code.trim() !== '' && !code.trim().startsWith('{'));

/**
 * The first visit to `pagePath` ("/so-tay/dieu-7/") of a site built into `distDir` under
 * `basePath`. Only same-site files are followed; an absolute URL elsewhere is the page
 * pass's business (it blocks and reports them).
 */
export async function firstVisit(
  distDir: string,
  basePath: string,
  pagePath: string,
): Promise<FirstVisit> {
  const fileOf = (sitePath: string) => {
    const inside = sitePath.slice(basePath.length);
    return join(distDir, inside === '' || inside.endsWith('/') ? `${inside}index.html` : inside);
  };
  const origin = 'http://site.invalid';
  const resolve = (ref: string, from: string): string | null => {
    const url = new URL(ref, origin + from);
    if (url.origin !== origin || !url.pathname.startsWith(basePath)) return null;
    return decodeURIComponent(url.pathname);
  };

  const seen = new Map<string, { path: string; kind: FileKind; gzip: number }>();
  const queue: string[] = [pagePath];
  let pageHtml = '';
  while (queue.length > 0) {
    const path = queue.shift() as string;
    if (seen.has(path)) continue;
    const bytes = readFileSync(fileOf(path));
    const kind = path === pagePath ? 'html' : kindOf(path);
    seen.set(path, { path, kind, gzip: gzip(bytes) });
    const text = kind === 'other' ? '' : bytes.toString('utf8');
    const refs =
      kind === 'html'
        ? namedByHtml(text)
        : kind === 'css'
          ? namedByCss(text)
          : kind === 'js'
            ? await staticImports(text)
            : [];
    if (kind === 'html') pageHtml = text;
    for (const ref of refs) {
      const next = resolve(ref, path);
      if (next && !seen.has(next)) queue.push(next);
    }
  }

  const files = [...seen.values()];
  const inlineJs = inlineScripts(pageHtml).map((code) => ({
    gzip: gzip(code),
    serviceWorker: code.includes('serviceWorker'),
  }));
  const sum = (kind: FileKind) =>
    files.filter((f) => f.kind === kind).reduce((total, f) => total + f.gzip, 0);
  const inline = inlineJs.reduce((total, script) => total + script.gzip, 0);
  // Inline scripts count as JavaScript, not HTML; the total is the files' own sizes.
  return {
    files,
    inlineJs,
    html: Math.max(0, sum('html') - inline),
    css: sum('css'),
    js: sum('js') + inline,
    other: sum('other'),
    total: sum('html') + sum('css') + sum('js') + sum('other'),
  };
}
