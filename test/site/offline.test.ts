/**
 * Offline that respects a slow link (issue 18): a first visit caches the few files every page
 * needs and the page itself, no more (counted); the full offline copy is the person's choice,
 * with its size shown before anything is downloaded; visited pages work offline before that
 * choice, and every page and the search after it — under the base path the site was built with.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { OFFLINE_NOW, formatBytes, offerText } from '../../src/lib/site/offline-wording.ts';
import {
  connectBrowser,
  describeBrowser,
  openPage,
  waitForText,
  type SitePage,
} from '../support/browser.ts';
import { basePath, distDir, listBuiltPages, listFiles } from '../support/site.ts';

const KB = 1024;
/** What a first visit may download in the background besides the page itself. */
const FIRST_VISIT_BACKGROUND_BUDGET = 300 * KB;

const read = (path: string) => readFileSync(join(distDir, path), 'utf8');
const pages = listBuiltPages();
const worker = read('sw.js');
const shell = JSON.parse(/^const SHELL = (.*);$/m.exec(worker)?.[1] ?? '[]') as string[];
const copy = JSON.parse(read('offline.json')) as {
  version: string;
  bytes: number;
  pages: number;
  files: { url: string; bytes: number }[];
};

describe('what the service worker caches (static)', () => {
  it("the shell is stylesheets, the 404 page, the page shown offline for a page not saved, the manifest, the icon and the offline control's code: no page of content, no other script, search file or PDF", () => {
    expect(shell).toContain(`${basePath}404.html`);
    expect(shell).toContain(`${basePath}chua-luu/`);
    expect(shell.filter((url) => /\/_astro\/offline-copy-[^/]+\.js$/.test(url))).toHaveLength(1);
    expect(shell.some((url) => url.endsWith('.css'))).toBe(true);
    for (const url of shell)
      expect(url, url).toMatch(
        /(\.css|404\.html|\/chua-luu\/|\.webmanifest|\.svg|\/offline-copy-[^/]+\.js)$/,
      );
    expect(worker).toMatch(/^const VERSION = "[0-9a-f]{16}";$/m);
    expect(copy.version).toBe(/^const VERSION = "([0-9a-f]{16})";$/m.exec(worker)?.[1]);
  });

  it('offline.json lists every built file (pages by their URL) with its size, but sw.js, sitemap.xml and itself', () => {
    const expected = listFiles()
      .map((file) =>
        file
          .slice(distDir.length + 1)
          .split('\\')
          .join('/'),
      )
      .filter((path) => !['sw.js', 'sitemap.xml', 'offline.json'].includes(path))
      .map((path) => basePath + path.replace(/(^|\/)index\.html$/, '$1'))
      .sort();
    expect(copy.files.map((file) => file.url).sort()).toEqual(expected);
    expect(copy.bytes).toBe(copy.files.reduce((sum, file) => sum + file.bytes, 0));
    expect(copy.pages).toBe(
      pages.filter((page) => !['404.html', 'chua-luu/index.html'].includes(page.distPath)).length,
    );
    const pdf = copy.files.find((file) => file.url.endsWith('nhat-ky-truc-ban-1-trang.pdf'));
    expect(pdf?.bytes).toBe(
      readFileSync(join(distDir, 'bieu-mau/nhat-ky-truc-ban-1-trang.pdf')).length,
    );
  });
});

describeBrowser('offline in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await connectBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Opens a page with the service worker allowed, waits until it holds the page; the bytes the worker fetched. */
  async function firstVisit(path: string) {
    const site = await openPage(browser, { serviceWorkers: 'allow' });
    onTestFinished(() => site.close());
    const background: Promise<number>[] = [];
    const count = (response: Response) => {
      const request = response.request();
      if (request.serviceWorker() || /\/sw\.js$/.test(request.url())) {
        background.push(
          request
            .sizes()
            .then((sizes) => sizes.responseBodySize + sizes.responseHeadersSize)
            .catch(() => 0),
        );
      }
    };
    site.context.on('response', count);
    await site.goto(path);
    await cached(site, path);
    await site.page.waitForTimeout(500); // anything still in flight lands in the count
    site.context.off('response', count);
    const bytes = (await Promise.all(background)).reduce((sum, size) => sum + size, 0);
    return { site, bytes };
  }

  /** Waits until the worker's cache holds `path`. */
  const cached = (site: SitePage, path: string) =>
    expect
      .poll(
        () =>
          site.page.evaluate(
            async (url) => {
              for (const name of await caches.keys())
                if (await (await caches.open(name)).match(url, { ignoreSearch: true })) return true;
              return false;
            },
            new URL(path.replace(/^\//, ''), new URL(basePath, site.page.url())).href,
          ),
        { timeout: 15_000 },
      )
      .toBe(true);

  const h1Of = (path: string) => {
    const page = pages.find((p) => p.path === basePath + path.slice(1));
    if (!page) throw new Error(`no page ${path}`);
    return /<h1[^>]*>([\s\S]*?)<\/h1>/
      .exec(readFileSync(page.file, 'utf8'))?.[1]
      ?.replace(/<[^>]+>/g, '')
      .trim();
  };

  it.each(['/dieu-7/', '/tim-kiem/', '/bieu-mau/'])(
    'a first visit to %s downloads at most 300 KB besides the page',
    async (path) => {
      const { bytes } = await firstVisit(path);
      expect(bytes, `${bytes} bytes in the background`).toBeGreaterThan(0);
      expect(bytes, `${bytes} bytes in the background`).toBeLessThanOrEqual(
        FIRST_VISIT_BACKGROUND_BUDGET,
      );
      expect(bytes, 'far less than the full copy').toBeLessThan(copy.bytes / 4);
    },
  );

  it('before the full copy is chosen, the pages visited open with the network off', async () => {
    const { site } = await firstVisit('/dieu-7/');
    await site.goto('/vai-tro/');
    await cached(site, '/vai-tro/');
    await site.context.setOffline(true);
    for (const path of ['/dieu-7/', '/vai-tro/']) {
      const response = await site.goto(path);
      expect(response?.ok(), path).toBe(true);
      expect((await site.page.textContent('h1'))?.trim(), path).toBe(h1Of(path));
      expect(
        await site.page.evaluate(() => getComputedStyle(document.body).fontFamily),
        'styled from the shell',
      ).not.toBe('');
    }
    expect(site.offsite).toEqual([]);
  });

  it('offline, a page not saved says so (not «not found»), names the address and lists the pages saved', async () => {
    const { site } = await firstVisit('/dieu-7/');
    await site.context.setOffline(true);
    const response = await site.goto('/vai-tro/');
    expect(response?.status()).toBe(503);
    expect((await site.page.textContent('h1'))?.trim()).toBe('Trang này chưa được lưu trên máy');
    await waitForText(site.page, '[data-address]', `${basePath}vai-tro/`);
    await waitForText(site.page, '[data-saved-count]', /^\d+ trang đã lưu trên máy này/);
    const saved = await site.page.$$eval('[data-saved-list] a', (links) =>
      links.map((a) => [a.getAttribute('href'), a.textContent]),
    );
    expect(saved).toContainEqual([`${basePath}dieu-7/`, expect.stringContaining('Điều 7')]);
    expect(saved.map(([href]) => href)).not.toContain(`${basePath}vai-tro/`);
    expect(await site.page.textContent('main')).not.toContain('Địa chỉ bạn nhập có thể sai');
    // A saved page, from that list, opens offline.
    await site.page.click(`[data-saved-list] a[href="${basePath}dieu-7/"]`);
    await site.page.waitForURL(/\/dieu-7\/$/);
    expect((await site.page.textContent('h1'))?.trim()).toBe(h1Of('/dieu-7/'));
    expect(site.offsite).toEqual([]);
  });

  it('«Lưu để dùng khi mất mạng» pressed offline says the device is offline, and works once the network is back', async () => {
    const { site } = await firstVisit('/dieu-7/');
    const button = site.page.locator('offline-copy button');
    await site.context.setOffline(true);
    await button.click();
    await waitForText(site.page, 'offline-copy [role="status"]', OFFLINE_NOW);
    expect(await button.isEnabled()).toBe(true);
    await site.context.setOffline(false);
    await button.click();
    await waitForText(site.page, 'offline-copy [role="status"]', offerText(copy.pages, copy.bytes));
  });

  it('a full disk is named as a full disk, not a lost connection, and the download resumes once there is room', async () => {
    const { site } = await firstVisit('/');
    // The browser refuses to store more after a few files, as when its quota is reached.
    await site.page.evaluate(() => {
      const put = Cache.prototype.put;
      let stored = 0;
      const w = window as unknown as { __diskFull: boolean };
      w.__diskFull = true;
      Cache.prototype.put = function (...args: Parameters<Cache['put']>) {
        if (w.__diskFull && ++stored > 3)
          return Promise.reject(new DOMException('Quota exceeded.', 'QuotaExceededError'));
        return put.apply(this, args);
      };
      navigator.storage.estimate = () =>
        Promise.resolve({ quota: 50 * 2 ** 20, usage: 49 * 2 ** 20 });
    });
    const button = site.page.locator('offline-copy button');
    await button.click();
    await waitForText(site.page, 'offline-copy [role="status"]', offerText(copy.pages, copy.bytes));
    await button.click();
    await waitForText(site.page, 'offline-copy [role="status"]', /^Máy không còn đủ chỗ để lưu/);
    const said = (await site.page.textContent('offline-copy [role="status"]')) ?? '';
    expect(said).toContain('khoảng 1,0 MB');
    expect(said).not.toContain('mạng');
    expect(await button.textContent()).toBe('Tải tiếp');
    await site.page.evaluate(() => {
      (window as unknown as { __diskFull: boolean }).__diskFull = false;
    });
    await button.click();
    await waitForText(
      site.page,
      'offline-copy [role="status"]',
      'Đã lưu: mọi trang, tìm kiếm và biểu mẫu trống dùng được khi mất mạng.',
      { timeout: 30_000 },
    );
  });

  it('a connection lost during the download is named as that, with what is saved so far', async () => {
    const { site } = await firstVisit('/');
    await site.context.route('**/*.pdf', (route) => route.abort('internetdisconnected'));
    const button = site.page.locator('offline-copy button');
    await button.click();
    await waitForText(site.page, 'offline-copy [role="status"]', offerText(copy.pages, copy.bytes));
    await button.click();
    await waitForText(
      site.page,
      'offline-copy [role="status"]',
      new RegExp(`^Mất mạng khi đang tải: đã lưu .+ / ${formatBytes(copy.bytes)}\\.`),
    );
    expect(await button.textContent()).toBe('Tải tiếp');
  });

  it('a role page visited online keeps its code used on first use: offline, a run starts, a note is kept and the review opens', async () => {
    const path = '/vai-tro/lanh-dao-ca-truc/';
    const { site } = await firstVisit(path);
    const { page } = site;
    // The module that loads it brought that code into the cache with it (LAZY in sw.js); and
    // every script the page fetched is stored (the worker stores as responses come: under load
    // one may still be on its way, and the page would then have no script offline).
    // run-shown: what a run needs once shown (the notes' check, the «không phát sinh» marks).
    const lazy = ['shift-actions', 'run-shown', 'journal-loader'];
    await expect
      .poll(
        () =>
          page.evaluate(async (stems) => {
            const urls = (
              await Promise.all(
                (await caches.keys()).map(async (name) => (await caches.open(name)).keys()),
              )
            )
              .flat()
              .map((request) => request.url);
            const scripts = performance
              .getEntriesByType('resource')
              .map((entry) => entry.name)
              .filter((url) => url.endsWith('.js') && !url.endsWith('/sw.js'));
            return [
              ...stems.filter((stem) => urls.some((url) => url.includes(`/_astro/${stem}.`))),
              ...scripts.filter((url) => !urls.includes(url)).map((url) => `not stored: ${url}`),
            ];
          }, lazy),
        { timeout: 15_000 },
      )
      .toEqual(lazy);
    await site.context.setOffline(true);
    await site.goto(path);
    await page.fill('#ca-tu', '07:30');
    await page.fill('#ca-den', '16:30');
    await page.click('[data-start-form] button[type=submit]');
    await page.waitForSelector('[data-item] .tick:enabled');
    await page.check('[data-item] .tick >> nth=0');
    await page.fill('[data-note] >> nth=0', 'ghi khi mất mạng');
    await expect
      .poll(() =>
        page.evaluate(
          () => localStorage.getItem('so-tay-truc-ban:checklist:lanh-dao-ca-truc') ?? '',
        ),
      )
      .toContain('ghi khi mất mạng');
    await page.click('[data-end]');
    await page.waitForSelector('[data-review][open]');
    expect(await page.textContent('[data-notices]')).toBe('');
    expect(site.offsite).toEqual([]);
  });

  it('the full copy shows its size first, downloads with progress, then every page and the search work offline', async () => {
    const { site } = await firstVisit('/');
    const control = site.page.locator('offline-copy');
    const button = control.locator('button');
    expect(await button.textContent()).toBe('Lưu để dùng khi mất mạng');
    const downloads: string[] = [];
    site.context.on('request', (request) => downloads.push(request.url()));
    await button.click();
    await waitForText(site.page, 'offline-copy [role="status"]', offerText(copy.pages, copy.bytes));
    expect(await button.textContent()).toBe(`Tải về (${formatBytes(copy.bytes)})`);
    expect(
      downloads.filter((url) => !/offline\.json$|offline-copy.*\.js$/.test(url)),
      'nothing downloaded before the second press',
    ).toEqual([]);
    const progress: string[] = [];
    await site.page.exposeFunction('__progress', (text: string) => progress.push(text));
    await site.page.evaluate(() => {
      const status = document.querySelector('offline-copy [role="status"]');
      if (status)
        new MutationObserver(() =>
          (window as unknown as { __progress: (t: string) => void }).__progress(
            status.textContent ?? '',
          ),
        ).observe(status, { childList: true, characterData: true, subtree: true });
    });
    await button.click();
    await waitForText(
      site.page,
      'offline-copy [role="status"]',
      'Đã lưu: mọi trang, tìm kiếm và biểu mẫu trống dùng được khi mất mạng.',
      { timeout: 30_000 },
    );
    expect(
      progress.some((text) => /^Đang tải: .+ \/ .+\.$/.test(text)),
      progress.join(' | '),
    ).toBe(true);

    await site.context.setOffline(true);
    for (const path of ['/dieu-7/', '/bieu-mau/', '/dien-tap/', '/quy-trinh/']) {
      const response = await site.goto(path);
      expect(response?.ok(), path).toBe(true);
      expect((await site.page.textContent('h1'))?.trim(), path).toBe(h1Of(path));
    }
    const pdf = await site.page.evaluate(
      async (href) => (await fetch(href)).status,
      `${basePath}bieu-mau/nhat-ky-truc-ban-1-trang.pdf`,
    );
    expect(pdf).toBe(200);
    // With the whole copy saved, an address not in it is no page of the handbook.
    const missing = await site.goto('/khong-co-trang-nay/');
    expect(missing?.status()).toBe(404);
    expect((await site.page.textContent('h1'))?.trim()).toBe('Không tìm thấy trang');
    await site.goto('/tim-kiem/?q=nhat%20ky');
    await site.page.waitForFunction(() =>
      /kết quả cho/.test(document.querySelector('#trang-thai')?.textContent ?? ''),
    );
    expect(
      await site.page.locator('#ket-qua a').count(),
      'offline search finds something',
    ).toBeGreaterThan(0);
    expect(site.offsite).toEqual([]);
  });
});
