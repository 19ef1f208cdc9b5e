import { describe, expect, it } from 'vitest';
import { pagePath, precacheFor, sitemapXml } from '../../src/lib/site/offline.ts';

const file = (path: string, text = path) => ({ path, bytes: new TextEncoder().encode(text) });
const built = [file('index.html'), file('dieu-7/index.html'), file('404.html'), file('_astro/a.css'), file('sw.js'), file('sitemap.xml')];

describe('precache', () => {
  it('maps pages to their directory URL', () => {
    expect(pagePath('index.html')).toBe('');
    expect(pagePath('dieu-7/index.html')).toBe('dieu-7/');
    expect(pagePath('404.html')).toBe('404.html');
    expect(pagePath('bieu-mau/x.pdf')).toBe('bieu-mau/x.pdf');
  });

  it('lists every file under the base path but sw.js and sitemap.xml, with their total size', () => {
    const precache = precacheFor(built, '/so-tay/');
    expect(precache.urls).toEqual(['/so-tay/404.html', '/so-tay/_astro/a.css', '/so-tay/dieu-7/', '/so-tay/']);
    expect(precache.bytes).toBe('index.html'.length + 'dieu-7/index.html'.length + '404.html'.length + '_astro/a.css'.length);
  });

  it('gets a new version when a file changes, and keeps it when nothing does', () => {
    const a = precacheFor(built, '/');
    expect(precacheFor([...built].reverse(), '/').version).toBe(a.version);
    expect(precacheFor(built.map((f) => (f.path === '_astro/a.css' ? file(f.path, 'changed') : f)), '/').version).not.toBe(a.version);
    // The worker itself is not part of what it caches.
    expect(precacheFor(built.map((f) => (f.path === 'sw.js' ? file(f.path, 'other') : f)), '/').version).toBe(a.version);
  });

  it('refuses a base path without its slashes', () => {
    expect(() => precacheFor(built, '/so-tay')).toThrow('base path must start and end with "/": "/so-tay"');
  });
});

describe('sitemap.xml', () => {
  it('lists the pages but the 404 one as absolute URLs under the base path', () => {
    const xml = sitemapXml(built.map((f) => f.path), 'https://intranet.example/ignored/', '/so-tay/');
    expect([...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1])).toEqual([
      'https://intranet.example/so-tay/',
      'https://intranet.example/so-tay/dieu-7/',
    ]);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')).toBe(true);
  });
});
