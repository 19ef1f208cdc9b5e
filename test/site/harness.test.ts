/**
 * The site checks themselves can fail: the static server behaves like a static host, the
 * link checker reports each kind of broken link, and the browser helpers catch an axe
 * violation, an off-site request and a console error. Built on throwaway files, not dist/.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import {
  AXE_COLOUR_RULES,
  describeBrowser,
  connectBrowser,
  openPage,
  runAxe,
} from '../support/browser.ts';
import { checkLink, findLinks, parsePage } from '../support/links.ts';
import { listBuiltPages } from '../support/site.ts';
import { startStaticServer, type StaticServer } from '../support/static-server.ts';

const page = (body: string, head = '') =>
  `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>t</title>${head}</head><body>${body}</body></html>`;

let tmp: string;
let root: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'site-harness-'));
  root = join(tmp, 'dist');
  const files: Record<string, string> = {
    'index.html': page('<h1 id="dau">Trang chủ</h1><a href="/so-tay/muc/#co">ok</a>'),
    '404.html': page('<h1>Không tìm thấy trang</h1>'),
    'muc/index.html': page('<h1 id="co">Mục</h1><a name="ten-cu">cũ</a>'),
    'a.css': 'body{}',
    'x.wasm': '\0asm',
    'pagefind/p.pf_fragment': 'x',
    'tai-lieu.pdf': '%PDF-1.7',
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  writeFileSync(join(tmp, 'secret.txt'), 'outside dist');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('static server', () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await startStaticServer({ root, basePath: 'so-tay' });
  });
  afterAll(() => server?.close());
  const get = (path: string) => fetch(server.origin + path, { redirect: 'manual' });

  it('serves under the base path on 127.0.0.1', async () => {
    expect(server.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/so-tay\/$/);
    const home = await get('/so-tay/');
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Trang chủ');
  });

  it('redirects directories to their trailing slash, and the bare base path too', async () => {
    expect((await get('/so-tay/muc')).headers.get('location')).toBe('/so-tay/muc/');
    expect((await get('/so-tay')).headers.get('location')).toBe('/so-tay/');
  });

  it('answers misses, paths outside the base and escapes from dist/ with 404.html and status 404', async () => {
    for (const path of [
      '/so-tay/khong-co/',
      '/muc/',
      '/so-tay/%2e%2e/secret.txt',
      '/so-tay/..%2fsecret.txt',
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).toContain('Không tìm thấy trang');
    }
  });

  it('sends the content type a static host would', async () => {
    const types: Record<string, string> = {
      '/so-tay/': 'text/html; charset=utf-8',
      '/so-tay/a.css': 'text/css; charset=utf-8',
      '/so-tay/x.wasm': 'application/wasm',
      '/so-tay/tai-lieu.pdf': 'application/pdf',
      '/so-tay/pagefind/p.pf_fragment': 'application/octet-stream',
    };
    for (const [path, type] of Object.entries(types)) {
      expect((await get(path)).headers.get('content-type'), path).toBe(type);
    }
  });
});

describe('page list', () => {
  it('maps every .html file to the URL that serves it', () => {
    const pages = listBuiltPages(root, '/so-tay/', 'http://127.0.0.1:1/so-tay/');
    expect(pages.map((p) => [p.distPath, p.path, p.url])).toEqual([
      ['index.html', '/so-tay/', 'http://127.0.0.1:1/so-tay/'],
      ['404.html', '/so-tay/404.html', 'http://127.0.0.1:1/so-tay/404.html'],
      ['muc/index.html', '/so-tay/muc/', 'http://127.0.0.1:1/so-tay/muc/'],
    ]);
  });
});

describe('link checker', () => {
  const ctx = () => ({ distDir: root, basePath: '/so-tay/', origin: 'http://127.0.0.1:1' });
  const from = 'http://127.0.0.1:1/so-tay/';
  const why = (href: string) => {
    const verdict = checkLink(href, from, ctx());
    return verdict.kind === 'broken' ? verdict.why : verdict.kind;
  };

  it('accepts links that resolve, with their fragments (id or a[name])', () => {
    for (const href of [
      'muc/',
      '/so-tay/muc/#co',
      '/so-tay/muc/#ten-cu',
      '#dau',
      '#',
      '/so-tay/a.css',
      'https://vanban.example/',
    ]) {
      expect(why(href), href).toMatch(/^(ok|external)$/);
    }
  });

  it('reports each kind of broken link with its reason', () => {
    expect(why('/so-tay/khong-co/')).toBe('no file dist/khong-co/index.html');
    expect(why('/so-tay/muc/#khong-co')).toBe(
      'no element with id="khong-co" in dist/muc/index.html',
    );
    expect(why('/so-tay/muc')).toMatch(/directory without its trailing slash/);
    expect(why('/muc/')).toBe('outside the base path /so-tay/');
    expect(why('http://localhost:4321/so-tay/')).toMatch(/localhost:4321/);
    expect(why('javascript:void(0)')).toMatch(/javascript:/);
  });

  it('finds links in attributes only, not in comments or script text, and decodes entities', () => {
    const html = page(
      '<a href="/a?x=1&amp;y=2">a</a><!-- <a href="/comment"> --><script src="/s.js">var s = "<a href=\'/script\'>";</script>' +
        '<img src="/i.png" srcset="/i1.png 1x, /i2.png 2x" alt="">',
    );
    expect(
      findLinks(parsePage(html))
        .map((l) => l.raw)
        .sort(),
    ).toEqual(['/a?x=1&y=2', '/i.png', '/i1.png', '/i2.png', '/s.js']);
  });
});

describeBrowser('browser helpers', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await connectBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('report an axe violation, a blocked off-site request and a console error', async () => {
    const site = await openPage(browser);
    await site.page.setContent(
      page(
        '<main><h1>Thử</h1><img src="https://example.com/pixel.png"><script>console.error("hỏng")</script></main>',
      ),
    );
    const violations = await runAxe(site.page);
    expect(violations.map((v) => v.id)).toContain('image-alt');
    expect(site.offsite).toEqual(['https://example.com/pixel.png']);
    expect(site.consoleErrors.some((m) => m.includes('hỏng'))).toBe(true);
    await expect(site.close()).rejects.toThrow(
      /Requests left the local server:\s+https:\/\/example\.com\/pixel\.png/,
    );
  });

  it('run axe on a page whose CSP forbids inline scripts, and see the CSP refusal as a console error', async () => {
    const site = await openPage(browser);
    onTestFinished(() => site.close());
    await site.page.setContent(
      page(
        '<main><h1>Thử</h1><img src="data:," ><script>document.title = "chạy"</script></main>',
        `<meta http-equiv="Content-Security-Policy" content="script-src 'self'">`,
      ),
    );
    expect((await runAxe(site.page)).map((v) => v.id)).toContain('image-alt');
    expect(await site.page.title()).toBe('t');
    expect(site.consoleErrors.join('\n')).toMatch(/Content Security Policy/);
  });

  it('check contrast in the dark colour scheme too', async () => {
    const site = await openPage(browser, { colorScheme: 'light' });
    onTestFinished(() => site.close());
    await site.page.setContent(
      page(
        '<main><h1>Thử</h1><p>Chữ</p></main>',
        '<style>@media (prefers-color-scheme: dark){body{background:#000;color:#111}}</style>',
      ),
    );
    expect((await runAxe(site.page)).map((v) => v.id)).not.toContain('color-contrast');
    await site.page.emulateMedia({ colorScheme: 'dark' });
    expect((await runAxe(site.page, { rules: AXE_COLOUR_RULES })).map((v) => v.id)).toEqual([
      'color-contrast',
    ]);
  });
});
