/**
 * Byte budgets (issue 10), gzip, of what a first visit to each built page fetches, read from
 * dist/ (test/support/first-visit.ts; the page pass in every-page.test.ts checks on its visit
 * that the browser fetched nothing this list leaves out): pages without interaction ship no
 * JavaScript and weigh ≤ 16 KB in all; checklist, drill, form and search pages ≤ 8 KB of
 * JavaScript, all of it counted, and ≤ 20 KB in all; CSS ≤ 5 KB everywhere.
 *
 * One exception, on purpose: every page carries the inline script that registers the
 * offline service worker (issue 8). It is the only script a page without interaction may
 * carry, and it may not grow past OFFLINE_SCRIPT_BUDGET; on interactive pages it counts
 * against their 8 KB like any other script.
 */
import { describe, expect, it } from 'vitest';
import { firstVisit } from '../support/first-visit.ts';
import { basePath, distDir, listBuiltPages } from '../support/site.ts';

const KB = 1024;
/** The service-worker registration, inline on every page: 463 B gzip when this was written. */
const OFFLINE_SCRIPT_BUDGET = 600;
/** The learning path (issue 19): its pages read progress on the device; practice loads more when it starts. */
const INTERACTIVE = [
  // The page shown offline for a page not saved lists the saved ones from the worker's cache.
  /^chua-luu\/$/,
  /^vai-tro\/[^/]+\/$/,
  /^dien-tap\/.+/,
  /^bieu-mau\/$/,
  /^tim-kiem\/$/,
  /^hoc-tap\//,
];
/**
 * Role pages, the learning path and the trainer's pages had grown past 8 KB / 20 KB (issues 14
 * and 27: the shift's hours and zone, the font check, stamps for two tabs, the one store's
 * writing half; 11 KB, 24.5 KB, 11 KB and 9 KB were allowed for a while). Issue 29 brought them
 * back: Vite's preload helper is a one-line call (src/integrations/lean-preload.ts), and the
 * journal log's markup, styles and loader, the end-of-shift review's dialog, the notes' font
 * check, the learning path's export and import load on first use. Measured then (gzip): role
 * pages 7.9 KB JS and at most 20,445 B in all (the shift leader's, with issue 29's phone layout);
 * learning path 7.9 KB, 17.7 KB;
 * trainer 7.5 KB, 18.5 KB.
 */
/**
 * The printed booklet (/in/, issue 31) lays the whole handbook out in pages in the browser with
 * Paged.js, which no other page loads: 105.3 KB of JavaScript gzip measured, nearly all of it
 * Paged.js (its own minified build is 96.7 KB gzip; the pages' type comes with it, leaving the
 * page 4.1 KB of CSS), and 127.1 KB in all (the page holds the whole handbook: 17.5 KB of HTML).
 * Every other page's budget is as it was.
 */
const BOOKLET = {
  page: /^in\/$/,
  budget: { kind: 'booklet', js: 108 * KB, total: 132 * KB, css: 5 * KB },
};
const budgetFor = (sitePath: string) =>
  BOOKLET.page.test(sitePath)
    ? BOOKLET.budget
    : INTERACTIVE.some((pattern) => pattern.test(sitePath))
      ? { kind: 'interactive', js: 8 * KB, total: 20 * KB, css: 5 * KB }
      : { kind: 'static', js: 0, total: 16 * KB, css: 5 * KB };

const pages = listBuiltPages().map((page) => ({
  ...page,
  sitePath: page.path.slice(basePath.length),
}));

describe('byte budgets of a first visit (gzip, read from the built files)', () => {
  it('covers both kinds of page', () => {
    expect(
      pages.filter((p) => budgetFor(p.sitePath).kind === 'interactive').length,
    ).toBeGreaterThan(4);
    expect(pages.filter((p) => budgetFor(p.sitePath).kind === 'static').length).toBeGreaterThan(4);
  });

  it.for(pages)('$path', async ({ path, sitePath }) => {
    const budget = budgetFor(sitePath);
    const weight = await firstVisit(distDir, basePath, path);
    const detail = weight.files.map((f) => `${f.kind} ${f.gzip} B ${f.path}`).join('\n');
    const offline = weight.inlineJs.filter((script) => script.serviceWorker);
    expect(offline, 'one inline script registers the service worker').toHaveLength(1);
    expect(offline[0]?.gzip ?? 0, 'the offline registration script').toBeLessThanOrEqual(
      OFFLINE_SCRIPT_BUDGET,
    );
    const js = budget.kind === 'static' ? weight.js - (offline[0]?.gzip ?? 0) : weight.js;
    expect(
      js,
      `JS over ${budget.kind} budget (${budget.kind === 'static' ? 'the offline script aside' : 'all of it'}):\n${detail}`,
    ).toBeLessThanOrEqual(budget.js);
    expect(weight.css, `CSS over budget:\n${detail}`).toBeLessThanOrEqual(budget.css);
    expect(weight.total, `total over ${budget.kind} budget:\n${detail}`).toBeLessThanOrEqual(
      budget.total,
    );
  });
});
