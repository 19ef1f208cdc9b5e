/**
 * The page pass: every built page visited once in real Chromium, and everything a page-level
 * check needs done on that one visit —
 *   - status 200, lang="vi", a title and exactly one h1;
 *   - axe (WCAG 2.2 A/AA) finds nothing in the light scheme, nor its colour rules in the dark;
 *   - no Content-Security-Policy violation, no request leaves the local server, no console error;
 *   - nothing fetched that the byte budget (page-weight.test.ts, read from dist/) did not count;
 *   - at 390 px: nothing scrolls sideways, nothing is cut outside a labelled, focusable scroll
 *     region, and header and status banner end within 120 px.
 * And an unknown URL gets the 404 page, status 404. Static checks of the same pages (HTML
 * validity, links, wording, the CSP they declare) read the files: see docs/TESTING.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { AXE_COLOUR_RULES, describeBrowser, formatViolations, runAxe } from '../support/browser.ts';
import { firstVisit } from '../support/first-visit.ts';
import { cspViolations, cutRegions, watchCsp } from '../support/page-checks.ts';
import { basePath, distDir, listBuiltPages, siteOrigin } from '../support/site.ts';
import { test } from '../support/site-test.ts';

const pages = listBuiltPages();
const PHONE = { width: 390, height: 844 };
/** Fetched only when someone searches or asks for a PDF: not part of a first visit's weight. */
const ON_DEMAND = /\/pagefind\/|\.pdf$/;

describeBrowser('every page, one visit: axe, CSP, requests, budget files, 390 px', () => {
  // Soft expectations: one run reports every defect of a page, not just the first.
  test.for(pages.map((p) => [p.path, p] as const))('%s', async ([_path, page], { openSite }) => {
    const site = await openSite(null, { colorScheme: 'light' });
    await watchCsp(site.context);
    const response = await site.goto(page.url);
    expect.soft(response?.status(), `HTTP status of ${page.path}`).toBe(200);

    const facts = await site.page.evaluate(() => ({
      lang: document.documentElement.getAttribute('lang'),
      title: document.title.trim(),
      h1s: [...document.querySelectorAll('h1')].map((h) => h.textContent?.trim() ?? ''),
    }));
    expect.soft(facts.lang, '<html lang>').toBe('vi');
    expect.soft(facts.title, '<title> must not be empty').not.toBe('');
    expect.soft(facts.h1s, `exactly one <h1>, found ${JSON.stringify(facts.h1s)}`).toHaveLength(1);

    // Colours differ per scheme (global.css): the colour rules run again in the dark one.
    const light = formatViolations(await runAxe(site.page));
    await site.page.emulateMedia({ colorScheme: 'dark' });
    const dark = formatViolations(await runAxe(site.page, { rules: AXE_COLOUR_RULES }));
    expect.soft(light, `axe (WCAG 2.2 A/AA) on ${page.path}, light scheme:\n${light}`).toBe('');
    expect.soft(dark, `axe (WCAG 2.2 A/AA) on ${page.path}, dark scheme:\n${dark}`).toBe('');

    // No page script probes the width at load, so a resize shows what a phone shows.
    await site.page.setViewportSize(PHONE);
    const width = await site.page.evaluate(() => document.documentElement.scrollWidth);
    expect.soft(width, 'document width at 390 px').toBeLessThanOrEqual(PHONE.width);
    expect.soft(await cutRegions(site.page), 'cut or unlabelled regions at 390 px').toEqual([]);
    const banner = await site.page.evaluate(
      () => document.querySelector('.status-banner')?.getBoundingClientRect().bottom ?? -1,
    );
    expect.soft(banner, 'bottom of the status banner at 390 px').toBeGreaterThan(0);
    expect.soft(banner, 'bottom of the status banner at 390 px').toBeLessThanOrEqual(120);

    expect.soft(await cspViolations(site.page), 'CSP violations').toEqual([]);
    // The page loaded at least its own stylesheet, so the request log is live.
    expect
      .soft(
        site.requests.some((url) => url.endsWith('.css')),
        'a stylesheet was requested',
      )
      .toBe(true);
    const counted = new Set(
      (await firstVisit(distDir, basePath, page.path)).files.map((f) => f.path),
    );
    const uncounted = site.requests
      .filter((url) => url.startsWith(siteOrigin) && !ON_DEMAND.test(url))
      .map((url) => decodeURIComponent(new URL(url).pathname))
      .filter((path) => !counted.has(path));
    expect.soft(uncounted, 'fetched on the visit but left out of the byte budget').toEqual([]);
    expect.soft(site.problems(), 'off-site requests and console errors').toEqual([]);
  });

  test('an unknown URL gets the 404 page with status 404', async ({ openSite }) => {
    const site = await openSite(null);
    const response = await site.goto('/khong-co-trang-nay/');
    expect(response?.status()).toBe(404);
    expect(await response?.text(), 'the body is dist/404.html').toBe(
      readFileSync(join(distDir, '404.html'), 'utf8'),
    );
    expect(await site.page.evaluate(() => document.documentElement.lang)).toBe('vi');
    // Chromium logs the 404 of the document itself; anything else would be a real error.
    expect(site.consoleErrors.filter((m) => !/status of 404/.test(m))).toEqual([]);
    expect(site.offsite).toEqual([]);
  });
});
