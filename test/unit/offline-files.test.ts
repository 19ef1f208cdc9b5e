import { describe, expect, it } from 'vitest';
import {
  lazyModules,
  offlineFiles,
  pagePath,
  PREFETCH_MAX,
  sitemapXml,
} from '../../src/lib/site/offline-files.ts';

const file = (path: string, text = path) => ({ path, bytes: new TextEncoder().encode(text) });
const built = [
  file('index.html'),
  file('dieu-7/index.html'),
  file('404.html'),
  file('_astro/a.css'),
  file('_astro/b.js'),
  file('_astro/offline-copy-Xy1.js'),
  file('chua-luu/index.html'),
  file('pagefind/pagefind.js'),
  file('bieu-mau/x.pdf'),
  file('favicon.svg'),
  file('sw.js'),
  file('sitemap.xml'),
  file('offline.json'),
];

describe('offline files', () => {
  it.each([
    ['index.html', ''],
    ['dieu-7/index.html', 'dieu-7/'],
    ['404.html', '404.html'],
    ['bieu-mau/x.pdf', 'bieu-mau/x.pdf'],
  ])('page %s is cached as %j', (path, url) => expect(pagePath(path)).toBe(url));

  it('the copy lists every file under the base path but sw.js, sitemap.xml and offline.json, with sizes', () => {
    const files = offlineFiles(built, '/so-tay/');
    expect(files.copy.map((f) => f.url)).toEqual([
      '/so-tay/404.html',
      '/so-tay/_astro/a.css',
      '/so-tay/_astro/b.js',
      '/so-tay/_astro/offline-copy-Xy1.js',
      '/so-tay/bieu-mau/x.pdf',
      '/so-tay/chua-luu/',
      '/so-tay/dieu-7/',
      '/so-tay/favicon.svg',
      '/so-tay/',
      '/so-tay/pagefind/pagefind.js',
    ]);
    expect(files.copyBytes).toBe(files.copy.reduce((sum, f) => sum + f.bytes, 0));
    expect(files.copy.find((f) => f.url === '/so-tay/dieu-7/')?.bytes).toBe(
      'dieu-7/index.html'.length,
    );
    expect(files.pages).toBe(2);
  });

  it("the shell is stylesheets, the 404 page, the page shown offline for a page not saved, the icon and the offline control's code: no page of content, no other script, search file or PDF", () => {
    const files = offlineFiles(built, '/');
    expect(files.shell).toEqual([
      '/404.html',
      '/_astro/a.css',
      '/_astro/offline-copy-Xy1.js',
      '/chua-luu/',
      '/favicon.svg',
    ]);
    expect(files.shellBytes).toBe(
      [
        '404.html',
        '_astro/a.css',
        '_astro/offline-copy-Xy1.js',
        'chua-luu/index.html',
        'favicon.svg',
      ]
        .map((path) => path.length)
        .reduce((a, b) => a + b),
    );
  });

  it('the shell does not grow with the content', () => {
    const more = Array.from({ length: 500 }, (_, i) => file(`trang-${i}/index.html`));
    expect(offlineFiles([...built, ...more], '/').shell).toEqual(offlineFiles(built, '/').shell);
  });

  it('gets a new version when a file changes, and keeps it when nothing does', () => {
    const a = offlineFiles(built, '/');
    expect(offlineFiles([...built].reverse(), '/').version).toBe(a.version);
    expect(
      offlineFiles(
        built.map((f) => (f.path === '_astro/a.css' ? file(f.path, 'changed') : f)),
        '/',
      ).version,
    ).not.toBe(a.version);
    // The worker itself is not part of what it caches.
    expect(
      offlineFiles(
        built.map((f) => (f.path === 'sw.js' ? file(f.path, 'other') : f)),
        '/',
      ).version,
    ).toBe(a.version);
  });

  it('refuses a base path without its slashes', () => {
    expect(() => offlineFiles(built, '/so-tay')).toThrow(
      'base path must start and end with "/": "/so-tay"',
    );
  });
});

describe('sitemap.xml', () => {
  it('lists the pages but the 404 one and the one shown offline for a page not saved, as absolute URLs under the base path', () => {
    const xml = sitemapXml(
      built.map((f) => f.path),
      'https://intranet.example/ignored/',
      '/so-tay/',
    );
    expect([...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1])).toEqual([
      'https://intranet.example/so-tay/',
      'https://intranet.example/so-tay/dieu-7/',
    ]);
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
      ),
    ).toBe(true);
  });
});

describe('code loaded on first use, cached with the module that loads it', () => {
  it('lists, for each module with an import(), what that code needs, but not a file too big to prefetch', async () => {
    const files = [
      file('_astro/page.js', 'import"./shared.js";const a=()=>import(`./review.js`);'),
      file('_astro/shared.js', 'export const x=1;'),
      file(
        '_astro/review.js',
        'import{x}from"./shared.js";import"./words.js";const p=()=>import("./pdf.js");',
      ),
      file('_astro/words.js', 'export const w=1;'),
      file('_astro/pdf.js', 'import"./huge.js";'),
      file('_astro/huge.js', 'x'.repeat(PREFETCH_MAX + 1)),
      file('_astro/still.js', 'export const s=1;'),
    ];
    expect(await lazyModules(files, '/so-tay/')).toEqual({
      '/so-tay/_astro/page.js': [
        '/so-tay/_astro/pdf.js',
        '/so-tay/_astro/review.js',
        '/so-tay/_astro/shared.js',
        '/so-tay/_astro/words.js',
      ],
      '/so-tay/_astro/review.js': ['/so-tay/_astro/pdf.js'],
    });
  });
});
