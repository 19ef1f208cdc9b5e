/**
 * "A built site in Chromium" as vitest fixtures, for every browser test of test/site/:
 *
 *   describeBrowser('my feature', () => {
 *     test('works', async ({ openSite }) => {
 *       const site = await openSite('/dieu-7/', { at: new Date('2026-11-27T15:10:00Z') });
 *       expect(site.problems()).toEqual([]);
 *     });
 *   });
 *
 * `browser` is a connection to the one Debian Chromium of the run (started by site-setup.ts),
 * made once per test file on first use and closed after it: files run in parallel and share
 * the browser, each test in contexts of its own. `openSite` opens a fresh context (its own storage, off-site requests blocked and
 * recorded; see openPage), sets the page's clock first when `at` is given, and goes to the
 * path; every site a test opened is closed after it, and the test fails if a request left
 * the local server.
 */
import type { BrowserContextOptions } from 'playwright-core';
import { test as base } from 'vitest';
import { connectBrowser, openPage, type SitePage } from './browser.ts';

export interface OpenSiteOptions extends BrowserContextOptions {
  /** The page's clock, fixed before the first navigation. */
  at?: Date;
}

/** Opens a site path (without the base path) in a fresh context; `null` opens no page yet. */
export type OpenSite = (path: string | null, options?: OpenSiteOptions) => Promise<SitePage>;

export const test = base
  // eslint-disable-next-line no-empty-pattern -- vitest reads a fixture's dependencies from this pattern
  .extend('browser', { scope: 'file' }, async ({}, { onCleanup }) => {
    const browser = await connectBrowser();
    onCleanup(() => browser.close());
    return browser;
  })
  .extend('openSite', async ({ browser }, { onCleanup }) => {
    const opened: SitePage[] = [];
    onCleanup(async () => {
      for (const site of opened) await site.close();
    });
    const openSite: OpenSite = async (path, { at, ...options } = {}) => {
      const site = await openPage(browser, options);
      opened.push(site);
      if (at) await site.page.clock.setFixedTime(at);
      if (path !== null) await site.goto(path);
      return site;
    };
    return openSite;
  });
