/**
 * Ready for an intranet: a strict CSP declared on every page (read from the files) and no
 * violation of it by a search, a checklist tick, a drill answer, a journal generation (each
 * page's own load is checked by the page pass, every-page.test.ts); printing without
 * navigation; a new version of the service worker taking over; the web manifest and
 * sitemap.xml.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, onTestFinished } from 'vitest';
import { describeBrowser } from '../support/browser.ts';
import { cspViolations, watchCsp } from '../support/page-checks.ts';
import { basePath, distDir, listBuiltPages } from '../support/site.ts';
import { startStaticServer } from '../support/static-server.ts';
import { test } from '../support/site-test.ts';

const pages = listBuiltPages();
const read = (path: string) => readFileSync(join(distDir, path), 'utf8');

/** The CSP a page declares in its <meta http-equiv>, as directive → sources. */
function cspOf(html: string): Map<string, string[]> {
  const content = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html)?.[1];
  if (!content) return new Map();
  return new Map(
    content
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name ?? '', sources]),
  );
}

describe('content security policy (static)', () => {
  test.each(pages.map((p) => [p.distPath, p] as const))(
    '%s declares a strict CSP',
    (_name, page) => {
      const html = readFileSync(page.file, 'utf8');
      const csp = cspOf(html);
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      const scripts = csp.get('script-src') ?? [];
      expect(scripts).toContain("'self'");
      expect(scripts).not.toContain("'unsafe-inline'");
      expect(scripts).not.toContain("'unsafe-eval'");
      expect(csp.get('style-src') ?? []).not.toContain("'unsafe-inline'");
      // No inline event handlers or javascript: URLs, which no hash could allow.
      expect(html.match(/<[a-z][^>]*\son[a-z]+\s*=[^>]*>/gi) ?? [], 'inline handlers').toEqual([]);
      expect(
        html.match(/<[a-z][^>]*=\s*["']?\s*javascript:[^>]*>/gi) ?? [],
        'javascript: URLs',
      ).toEqual([]);
    },
  );
});

describe('manifest and sitemap (what the service worker caches: offline.test.ts)', () => {
  test('every page links the web manifest, whose name is Vietnamese and whose icon exists', () => {
    for (const page of pages) {
      expect(readFileSync(page.file, 'utf8'), page.path).toContain(
        `<link rel="manifest" href="${basePath}manifest.webmanifest">`,
      );
    }
    const manifest = JSON.parse(read('manifest.webmanifest')) as {
      name: string;
      lang: string;
      icons: { src: string }[];
    };
    expect(manifest.name).toBe('Sổ tay trực ban');
    expect(manifest.lang).toBe('vi');
    for (const icon of manifest.icons) expect(read(icon.src).length).toBeGreaterThan(0);
  });

  test('sitemap.xml lists every page but the 404 one and the one shown offline for a page not saved, under the base path', () => {
    const locs = [...read('sitemap.xml').matchAll(/<loc>([^<]*)<\/loc>/g)].map(
      (m) => new URL(m[1] ?? '').pathname,
    );
    const expected = pages
      .filter((p) => !['404.html', 'chua-luu/index.html'].includes(p.distPath))
      .map((p) => p.path);
    expect(locs.sort()).toEqual(expected.sort());
  });
});

describeBrowser('intranet in Chromium', () => {
  // Each page's own visit is checked by the page pass (every-page.test.ts); here, what people do on them.
  test('a search, a checklist tick, a drill answer and a journal generation violate no CSP', async ({
    openSite,
  }) => {
    const site = await openSite(null);
    await watchCsp(site.context);
    const found: string[] = [];

    await site.goto('/tim-kiem/?q=nhat%20ky');
    await site.page.waitForFunction(() =>
      /kết quả/.test(document.querySelector('#trang-thai')?.textContent ?? ''),
    );
    expect(
      await site.page.locator('#ket-qua a').count(),
      'the search found something',
    ).toBeGreaterThan(0);
    found.push(...(await cspViolations(site.page)).map((v) => `search: ${v}`));

    const role = pages.find((p) => /\/vai-tro\/[^/]+\/$/.test(p.path));
    if (!role) throw new Error('no role page');
    await site.goto(role.url);
    if (!(await site.page.isVisible('#ca-ten'))) await site.page.click('[data-start] summary');
    await site.page.fill('#ca-tu', '22:00');
    await site.page.fill('#ca-den', '06:00');
    await site.page.fill('#ca-ten', 'Ca đêm');
    await site.page.fill('#ca-nguoi', 'Nguyễn Văn An');
    await site.page.click('[data-start-form] button[type=submit]');
    await site.page.waitForSelector('[data-item] .tick:enabled');
    const tick = site.page.locator('[data-item] .tick:enabled').first();
    await tick.check();
    expect(await tick.isChecked()).toBe(true);
    found.push(...(await cspViolations(site.page)).map((v) => `checklist: ${v}`));

    const drill = pages.find(
      (p) => /\/dien-tap\/[^/]+\/$/.test(p.path) && !p.path.endsWith('/ai-lam-viec-nay/'),
    );
    if (!drill) throw new Error('no drill page');
    await site.goto(drill.url);
    const inject = site.page.locator('[data-inject]:visible').first();
    await inject.locator('input').first().check();
    await inject.locator('[data-answer]').click();
    await inject.locator('[data-key-box]').waitFor({ state: 'visible' });
    found.push(...(await cspViolations(site.page)).map((v) => `drill: ${v}`));

    await site.goto('/bieu-mau/');
    await site.page.waitForSelector('#tao-nhat-ky:not([hidden])');
    await site.page.fill('#don-vi', 'Phòng Giám sát hải quan trực tuyến');
    await site.page.fill('#tu-ngay', '2025-03-04');
    await site.page.click('#tao-nhat-ky button[type=submit]');
    await site.page.locator('#tep-da-tao a').waitFor({ timeout: 30_000 });
    expect(await site.page.locator('#tep-da-tao a').count()).toBe(1);
    found.push(...(await cspViolations(site.page)).map((v) => `journal: ${v}`));

    expect(found).toEqual([]);
    expect(site.problems()).toEqual([]);
    // Guards the guard: an inline script the policy does not list is refused and reported.
    await site.page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'document.title = "x";';
      document.head.append(script);
    });
    await expect
      .poll(() => cspViolations(site.page))
      .toEqual([expect.stringMatching(/^script-src/)]);
    expect(await site.page.title()).not.toBe('x');
  });

  test('prints without navigation, with the address of each site link but not of in-page anchors', async ({
    openSite,
  }) => {
    const site = await openSite(null);
    await site.goto('/vai-tro/');
    await site.page.emulateMedia({ media: 'print' });
    const printed = await site.page.evaluate(() => {
      const after = (el: Element | null) =>
        el ? getComputedStyle(el, '::after').content : 'missing';
      const cite = document.querySelector('main a[href*="/dieu-7/#"]');
      return {
        header: getComputedStyle(document.querySelector('.site-header') ?? document.body).display,
        cite: after(cite),
        href: cite?.getAttribute('href'),
        skip: after(document.querySelector('a[href="#noi-dung"]')),
      };
    });
    expect(printed.header).toBe('none');
    expect(printed.href).toMatch(new RegExp(`^${basePath}dieu-7/#`));
    // Chromium gives the resolved text ' (/…/dieu-7/#…)' or the declaration with attr(href): either names the address.
    expect(
      printed.cite.includes(printed.href ?? '') || printed.cite.includes('attr(href)'),
      printed.cite,
    ).toBe(true);
    expect(printed.skip).toBe('none');
  });

  test('a new version takes over with a notice on a page the old one served, and the old cache goes', async ({
    browser,
  }) => {
    // A copy of the site on a server of its own, so that the test can publish a "next build" in it.
    const copy = mkdtempSync(join(tmpdir(), 'so-tay-sw-'));
    cpSync(distDir, copy, { recursive: true });
    const server = await startStaticServer({ root: copy, basePath });
    const context = await browser.newContext({ locale: 'vi-VN' });
    onTestFinished(async () => {
      await context.close();
      await server.close();
      rmSync(copy, { recursive: true, force: true });
    });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}dieu-7/`);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // A first visit gets no notice: there was nothing to update.
    expect(await page.locator('#ban-moi').textContent()).toBe('');
    await page.reload();
    expect(
      await page.evaluate(() => navigator.serviceWorker.controller !== null),
      'served by the worker',
    ).toBe(true);

    // The next build: same files, another version.
    const worker = join(copy, 'sw.js');
    writeFileSync(
      worker,
      readFileSync(worker, 'utf8').replace(
        /^const VERSION = "[0-9a-f]+";$/m,
        'const VERSION = "0000000000000000";',
      ),
    );
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    const notice = page.locator('#ban-moi[role="status"]');
    await notice.waitFor({ state: 'visible' });
    expect(await notice.textContent()).not.toBe('');
    expect(await notice.textContent()).toBe(
      'Sổ tay đã có bản mới: các trang mở từ bây giờ là bản mới. Tải lại trang này để xem bản mới.',
    );
    // The old cache goes once the new worker activates, after it has cached its shell and the pages visited:
    // seconds on a busy machine, not the poll's default second.
    await expect
      .poll(() => page.evaluate(() => caches.keys()), { timeout: 15_000 })
      .toEqual(['so-tay-0000000000000000']);
  });
});
