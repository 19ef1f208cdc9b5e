/**
 * Every built page in real Chromium: axe (WCAG 2.2 A/AA) finds nothing in the light and
 * the dark colour scheme, no request leaves the local server, no console errors,
 * lang="vi", a title and exactly one h1. And an unknown URL gets the 404 page, status 404.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { AXE_COLOUR_RULES, describeBrowser, formatViolations, runAxe } from '../support/browser.ts';
import { distDir, listBuiltPages } from '../support/site.ts';
import { test } from '../support/site-test.ts';

const pages = listBuiltPages();

describeBrowser('browser sweep', () => {
  // Soft expectations: one run reports every defect of a page, not just the first.
  test.for(pages.map((p) => [p.path, p] as const))(
    '%s: accessible, self-contained, no errors',
    async ([_path, page], { openSite }) => {
      const site = await openSite(null, { colorScheme: 'light' });
      const response = await site.goto(page.url);
      expect.soft(response?.status(), `HTTP status of ${page.path}`).toBe(200);

      const facts = await site.page.evaluate(() => ({
        lang: document.documentElement.getAttribute('lang'),
        title: document.title.trim(),
        h1s: [...document.querySelectorAll('h1')].map((h) => h.textContent?.trim() ?? ''),
      }));
      expect.soft(facts.lang, '<html lang>').toBe('vi');
      expect.soft(facts.title, '<title> must not be empty').not.toBe('');
      expect
        .soft(facts.h1s, `exactly one <h1>, found ${JSON.stringify(facts.h1s)}`)
        .toHaveLength(1);

      // Colours differ per scheme (global.css): the colour rules run again in the dark one.
      const light = formatViolations(await runAxe(site.page));
      await site.page.emulateMedia({ colorScheme: 'dark' });
      const dark = formatViolations(await runAxe(site.page, { rules: AXE_COLOUR_RULES }));
      expect.soft(light, `axe (WCAG 2.2 A/AA) on ${page.path}, light scheme:\n${light}`).toBe('');
      expect.soft(dark, `axe (WCAG 2.2 A/AA) on ${page.path}, dark scheme:\n${dark}`).toBe('');

      // The page loaded at least its own stylesheet, so the request log is live.
      expect
        .soft(
          site.requests.some((url) => url.endsWith('.css')),
          'a stylesheet was requested',
        )
        .toBe(true);
      expect.soft(site.problems(), 'off-site requests and console errors').toEqual([]);
    },
  );

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
