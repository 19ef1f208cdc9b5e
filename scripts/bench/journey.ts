/**
 * The search journey a person takes, measured in Chromium: on an article page, click the
 * site's search control, type the query, press the last key, read the first result. Timed
 * in the page (performance.timeOrigin, so across a navigation too) from the last key down
 * to the frame after the first result link is put on the page; bytes are the responses that
 * started after the first click and ended before that result, gzip as a server would send
 * them. A benchmark: nothing fails on a figure.
 */
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { median } from './median.ts';

/** One site's search controls, as a person meets them. */
export interface JourneySite {
  name: string;
  /** Where the person starts, on the site's origin + base path. */
  origin: string;
  startPath: string;
  /** The first click: the header box (handbook), the search button (Starlight). */
  open: (page: Page) => Promise<void>;
  /** Pressed after the query: "Enter" in the handbook's box; none where results come as one types. */
  lastKey?: string;
  /** What a result link is on this site. */
  resultSelector: string;
}

export interface JourneyRun {
  lastKeyToFirstResultMs: number;
  /** The longest task on the page's main thread from the first click to the first result (0: none ≥ 50 ms). */
  longestTaskMs: number;
  gzipBytes: number;
  requests: number;
  /** gzip bytes per file kind: code (JS, wasm), index (Pagefind's index and metadata), page (HTML, CSS), other. */
  byKind: Record<string, number>;
}

export interface JourneySummary {
  site: string;
  runs: number;
  medianLastKeyToFirstResultMs: number;
  /** The longest main-thread task seen in any run, click to first result. */
  worstLongTaskMs: number;
  medianGzipBytes: number;
  medianRequests: number;
  byKind: Record<string, number>;
}

const kindOf = (url: string): string => {
  const path = new URL(url).pathname;
  if (/\/fragment\//.test(path)) return 'fragments';
  if (/\.(js|mjs|pagefind|wasm)$/.test(path)) return 'code';
  if (/\.pf_(index|meta|filter)$|pagefind.*\.json$/.test(path)) return 'index';
  if (/\.css$|\/$|\.html$/.test(path)) return 'page';
  return 'other';
};

/** Pagefind's index files and its wasm are gzip already: a server sends them as they are. */
const PRECOMPRESSED = /\.pf_(index|fragment|meta|filter)$|\.pagefind$/;

/** Notes, in sessionStorage so that it survives a navigation, the last key and the first result after it. */
function installProbe(context: BrowserContext, resultSelector: string) {
  // A string, not a function: tsx would wrap a function's inner names in helpers the page lacks.
  return context.addInitScript({
    content: `(() => {
      const selector = ${JSON.stringify(resultSelector)};
      const now = () => performance.timeOrigin + performance.now();
      addEventListener('keydown', () => {
        sessionStorage.setItem('bench:lastKey', String(now()));
        sessionStorage.removeItem('bench:firstResult');
      }, true);
      const seen = () => {
        if (sessionStorage.getItem('bench:firstResult') || !sessionStorage.getItem('bench:lastKey')) return;
        if (!document.querySelector(selector)) return;
        requestAnimationFrame(() => {
          if (!sessionStorage.getItem('bench:firstResult')) sessionStorage.setItem('bench:firstResult', String(now()));
        });
      };
      new MutationObserver(seen).observe(document, { childList: true, subtree: true });
      // Long tasks (≥ 50 ms) on the page's main thread, with when they started.
      window.__longTasks = [];
      try {
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) window.__longTasks.push([performance.timeOrigin + entry.startTime, entry.duration]);
        }).observe({ type: 'longtask', buffered: true });
      } catch {}
    })();`,
  });
}

const probed = new WeakSet<BrowserContext>();

export async function runJourney(
  browser: Browser,
  site: JourneySite,
  query: string,
  context?: BrowserContext,
): Promise<JourneyRun> {
  const own = !context;
  const ctx = context ?? (await browser.newContext({ locale: 'vi-VN' }));
  if (!probed.has(ctx)) await installProbe(ctx, site.resultSelector);
  probed.add(ctx);
  const responses: Promise<{
    url: string;
    start: number;
    end: number;
    gzip: number;
    fromServiceWorker: boolean;
  }>[] = [];
  const onResponse = (response: import('playwright-core').Response) => {
    responses.push(
      (async () => {
        const timing = response.request().timing();
        const body = await response.body().catch(() => Buffer.alloc(0));
        const url = response.url();
        return {
          url,
          start: timing.startTime,
          end: timing.startTime + Math.max(timing.responseEnd, 0),
          gzip: PRECOMPRESSED.test(url) ? body.length : gzipSync(body).length,
          fromServiceWorker: response.fromServiceWorker(),
        };
      })(),
    );
  };
  ctx.on('response', onResponse);
  try {
    const page = await ctx.newPage();
    await page.goto(`${site.origin}${site.startPath}`, { waitUntil: 'load' });
    await page.waitForTimeout(800); // the person reads before reaching for search; idle work runs
    const clickedAt = await page.evaluate(() => performance.timeOrigin + performance.now());
    await site.open(page);
    await page.keyboard.type(query, { delay: 60 });
    if (site.lastKey) await page.keyboard.press(site.lastKey);
    await page.waitForFunction(
      () => sessionStorage.getItem('bench:firstResult') !== null,
      undefined,
      { timeout: 20_000 },
    );
    const [lastKey, firstResult] = await page.evaluate(() => [
      Number(sessionStorage.getItem('bench:lastKey')),
      Number(sessionStorage.getItem('bench:firstResult')),
    ]);
    const longTasks = (await page.evaluate('window.__longTasks ?? []')) as [number, number][];
    const longestTaskMs = Math.max(
      0,
      ...longTasks
        .filter(([start]) => start >= clickedAt && start <= firstResult)
        .map(([, duration]) => duration),
    );
    await page.waitForTimeout(300); // let responses in flight settle before reading their bodies
    const fetched = (await Promise.all(responses)).filter(
      (r) =>
        r.start >= clickedAt - 1 &&
        r.end <= firstResult + 1 &&
        !r.fromServiceWorker &&
        !r.url.startsWith('data:'),
    );
    const byKind: Record<string, number> = {};
    for (const file of fetched)
      byKind[kindOf(file.url)] = (byKind[kindOf(file.url)] ?? 0) + file.gzip;
    await page.close();
    return {
      lastKeyToFirstResultMs: firstResult - lastKey,
      longestTaskMs: Math.round(longestTaskMs),
      gzipBytes: fetched.reduce((sum, file) => sum + file.gzip, 0),
      requests: fetched.length,
      byKind,
    };
  } finally {
    ctx.off('response', onResponse);
    if (own) await ctx.close();
  }
}

export function summarise(site: string, runs: JourneyRun[]): JourneySummary {
  const kinds = [...new Set(runs.flatMap((run) => Object.keys(run.byKind)))].sort();
  return {
    site,
    runs: runs.length,
    medianLastKeyToFirstResultMs: Math.round(median(runs.map((run) => run.lastKeyToFirstResultMs))),
    worstLongTaskMs: Math.max(0, ...runs.map((run) => run.longestTaskMs)),
    medianGzipBytes: median(runs.map((run) => run.gzipBytes)),
    medianRequests: median(runs.map((run) => run.requests)),
    byKind: Object.fromEntries(
      kinds.map((kind) => [kind, median(runs.map((run) => run.byKind[kind] ?? 0))]),
    ),
  };
}

/** The handbook's journey: from /dieu-7/, the header's box, Enter. Both benches use it. */
export const handbookJourney = (origin: string): JourneySite => ({
  name: 'handbook',
  origin,
  startPath: '/dieu-7/',
  open: (page) => page.click('#tim-nhanh'),
  lastKey: 'Enter',
  resultSelector: '.result-link',
});

/**
 * The search page's first keystroke: on a page opened and left idle (its search warmed up),
 * click the box and type one letter; the time is from that key to the first result.
 * Run with the query's first letter.
 */
export const handbookSearchPage = (origin: string): JourneySite => ({
  name: 'handbook, search page',
  origin,
  startPath: '/tim-kiem/',
  open: (page) => page.click('#q'),
  resultSelector: '#ket-qua .result-link',
});

/** The handbook's journey `runs` times, each in a fresh browser context, summarised. */
export async function benchHandbookJourney(
  browser: Browser,
  origin: string,
  query: string,
  runs: number,
): Promise<JourneySummary> {
  const measured: JourneyRun[] = [];
  for (let run = 0; run < runs; run++)
    measured.push(await runJourney(browser, handbookJourney(origin), query));
  return summarise('handbook', measured);
}
