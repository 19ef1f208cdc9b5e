/**
 * What a base path changes, checked on a site built under one (npm run test:base builds it
 * under /so-tay/; at "/" there is nothing to check here and the file skips): a page of every
 * kind opens with status 200, everything it fetches answers and stays under the base path,
 * and nothing logs an error; a search finds pages under the base path and its results open.
 * The rest of what a base path changes runs in the same build: every link and asset URL
 * (links.test.ts), the service worker's scope and the offline copy (offline.test.ts), the
 * manifest, sitemap, printed addresses and CSP under interaction (intranet.test.ts).
 */
import { describe, expect } from 'vitest';
import { routes } from '../../src/lib/site/routes.ts';
import { describeBrowser } from '../support/browser.ts';
import { basePath, siteOrigin } from '../support/site.ts';
import { test } from '../support/site-test.ts';

/** One page of each kind the site builds. */
const KINDS: [kind: string, path: string][] = [
  ['home', routes.home()],
  ['article', routes.article()],
  ['roles', routes.roles()],
  ['role checklist', routes.role('lanh-dao-ca-truc')],
  ['flows', routes.flows()],
  ['flow', routes.flow('tinh-huong-trong-gio')],
  ['flow question', routes.flowAnswers('tinh-huong-trong-gio', ['co'])],
  ['flow annex', routes.flowCases('tinh-huong-trong-gio')],
  ['drills', routes.drills()],
  ['drill', routes.drill('nghi-van-trong-gio')],
  ['trainer view', routes.drillTrainer('nghi-van-trong-gio')],
  ['inject cards', routes.drillCards('nghi-van-trong-gio')],
  ['quiz', routes.quiz()],
  ['learning', routes.learning()],
  ['learning path', routes.learning('lanh-dao-ca-truc')],
  ['practice', routes.practice()],
  ['class view', routes.learningClass()],
  ['forms', routes.forms()],
  ['search', routes.search('lanh dao')],
  ['introduction', routes.page('gioi-thieu')],
];

describe.skipIf(basePath === '/')(`under the base path ${basePath}`, () => {
  describeBrowser('a page of each kind', () => {
    test.for(KINDS)('%s (%s)', async ([_kind, path], { openSite }) => {
      const site = await openSite(null);
      const answers: string[] = [];
      site.page.on('response', (response) => {
        if (response.status() >= 400) answers.push(`${response.status()} ${response.url()}`);
      });
      const response = await site.goto(path);
      expect(response?.status(), path).toBe(200);
      await site.page.waitForLoadState('networkidle');
      expect(answers, 'requests that failed').toEqual([]);
      const outside = site.requests
        .filter((url) => url.startsWith(siteOrigin))
        .filter((url) => !new URL(url).pathname.startsWith(basePath));
      expect(outside, `requests outside ${basePath}`).toEqual([]);
      expect(site.problems()).toEqual([]);
    });
  });

  describeBrowser('search', () => {
    test('finds pages under the base path, and its results open', async ({ openSite }) => {
      const site = await openSite(routes.search('lanh dao ca truc'));
      await site.page.waitForFunction(() =>
        /kết quả/.test(document.querySelector('#trang-thai')?.textContent ?? ''),
      );
      const hrefs = await site.page.$$eval('#ket-qua a.result-link', (links) =>
        links.map((a) => a.getAttribute('href') ?? ''),
      );
      expect(hrefs.length).toBeGreaterThan(0);
      expect(hrefs.filter((href) => !href.startsWith(basePath))).toEqual([]);
      const first = await site.goto(new URL(hrefs[0] ?? '', siteOrigin).href);
      expect(first?.status()).toBe(200);
      expect(site.problems()).toEqual([]);
    });
  });
});
