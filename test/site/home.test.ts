/**
 * The front door in real Chromium: the home page's four ways in, one click each; the
 * disclaimer said once; the status banner opens to its detail in one tap on a phone.
 */
import { expect } from 'vitest';
import { routes } from '../../src/lib/site/routes.ts';
import { describeBrowser } from '../support/browser.ts';
import { basePath, siteUrl } from '../support/site.ts';
import { test } from '../support/site-test.ts';

const PHONE = { width: 390, height: 844 };

describeBrowser('the front door', () => {
  test.for([
    ['vai-tro', routes.roles()],
    ['quy-trinh', routes.flows()],
    ['dien-tap', routes.drills()],
    ['bieu-mau', routes.forms()],
  ] as const)('from the home page, one click reaches %s', async ([way, path], { openSite }) => {
    const site = await openSite('/');
    await Promise.all([
      site.page.waitForURL(siteUrl(path)),
      site.page.click(`main a[data-way="${way}"]`),
    ]);
    expect(new URL(site.page.url()).pathname).toBe(`${basePath}${path.slice(1)}`);
    expect(site.problems()).toEqual([]);
  });

  test('says the disclaimer once on the home page (the footer), not in a callout too', async ({
    openSite,
  }) => {
    const site = await openSite('/');
    const text = await site.page.evaluate(() => document.body.innerText);
    expect(text.match(/Sổ tay (chỉ để tham khảo|không thay thế văn bản pháp luật)/g)).toHaveLength(
      1,
    );
  });

  test('the banner opens to its detail in one tap', async ({ openSite }) => {
    const site = await openSite('/', { viewport: PHONE });
    expect(await site.page.isVisible('.status-banner p')).toBe(false);
    await site.page.click('.status-banner summary');
    expect(await site.page.textContent('.status-banner p')).toContain(
      'Văn bản pháp luật là căn cứ',
    );
  });
});
