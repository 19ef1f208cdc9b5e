/**
 * `npm run bench:search`: what the first search costs in Chromium on localhost — bytes
 * fetched for it and the time from the first keystroke to the first result — as medians
 * of several fresh browser contexts. A benchmark, not a test: it prints and writes JSON.
 *
 * `benchSearch` times typing on the search page itself (`npm run bench` uses it); run alone,
 * the file measures the journey side by side with the Starlight peer (side-by-side.ts).
 * Options: --dist DIR (default dist), --runs N (default 5), --query TEXT (default "truc ban"),
 * --peer DIR (default ../shared/peer-starlight), --skip-build, --json FILE.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../../test/support/chromium.ts';
import { median } from './median.ts';
import { startStaticServer } from '../../test/support/static-server.ts';
import { benchSideBySide } from './side-by-side.ts';

export interface SearchBench {
  query: string;
  runs: number;
  medianFirstKeystrokeToFirstResultMs: number;
  medianLastKeystrokeToFinalResultsMs: number;
  medianNavigationToFirstResultMs: number;
  searchBytesRaw: number;
  searchBytesGzip: number;
  searchRequests: number;
  /** The gzip bytes by kind of file: Pagefind's code, its index, the results' fragments. */
  searchGzipRuntime: number;
  searchGzipIndex: number;
  searchGzipFragments: number;
}

type FileKind = 'runtime' | 'index' | 'fragments';
/** Pagefind's code (script, worker, wasm), the index and its metadata, or one result's fragment. */
const fileKind = (url: string): FileKind =>
  /\/fragment\//.test(url)
    ? 'fragments'
    : /\.(js|pagefind)$/.test(new URL(url).pathname)
      ? 'runtime'
      : 'index';

const sumOf = (fetched: { url: string; gzip: number }[], kind: FileKind) =>
  fetched.filter((file) => fileKind(file.url) === kind).reduce((sum, file) => sum + file.gzip, 0);

export async function benchSearch(dist: string, runs: number, query: string): Promise<SearchBench> {
  const values = { query };
  const server = await startStaticServer({ root: resolve(dist) });
  const browser = await launchChromium();

  interface Run {
    firstKeystrokeToFirstResultMs: number;
    lastKeystrokeToFinalResultsMs: number;
    navigationToResultMs: number;
    rawBytes: number;
    gzipBytes: number;
    requests: number;
    byKind: Record<FileKind, number>;
  }
  const results: Run[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      // 1. On the search page: the box has focus (the index preloads), then the user types.
      const context = await browser.newContext();
      const page = await context.newPage();
      // Everything the search fetches lives under /pagefind/ (script, wasm, index, fragments,
      // the d/đ vocabulary), whether it came with the preload on focus or with the query.
      const fetched: { url: string; raw: number; gzip: number }[] = [];
      page.on('response', async (response) => {
        if (!response.url().includes('/pagefind/')) return;
        const body = await response.body().catch(() => Buffer.alloc(0));
        // Pagefind's index files are gzip already; a server would not compress them again.
        const precompressed = /\.pf_(index|fragment|meta|filter)$|\.pagefind$/.test(response.url());
        fetched.push({
          url: response.url(),
          raw: body.length,
          gzip: precompressed ? body.length : gzipSync(body).length,
        });
      });
      await page.goto(`${server.origin}/tim-kiem/`, { waitUntil: 'load' });
      // Type like a quick typist (60 ms a key): the first result may come before the last key.
      await page.focus('#q');
      await page.waitForTimeout(500); // the user reads the page before typing; the preload runs
      // Note the moment the first result is put on the page.
      await page.evaluate(() => {
        const list = document.querySelector('#ket-qua');
        const state = window as unknown as { __firstResult?: number };
        if (list)
          new MutationObserver(() => {
            if (list.childElementCount > 0) state.__firstResult ??= performance.now();
          }).observe(list, { childList: true });
      });
      const start = await page.evaluate(() => performance.now());
      await page.keyboard.type(values.query, { delay: 60 });
      const typed = await page.evaluate(() => performance.now());
      await page.waitForFunction(() => document.querySelector('#ket-qua li') !== null);
      const firstResultAt = await page.evaluate(
        () => (window as unknown as { __firstResult?: number }).__firstResult ?? Number.NaN,
      );
      await page.waitForFunction(
        (q) => (document.querySelector('#trang-thai')?.textContent ?? '').includes(q),
        values.query,
      );
      const end = await page.evaluate(() => performance.now());
      await page.waitForTimeout(300); // let late fragment fetches land in the count
      // 2. From another page's header box: navigation to the first result.
      const page2 = await context.newPage();
      await page2.goto(`${server.origin}/dieu-7/`);
      const t0 = Date.now();
      await page2.goto(`${server.origin}/tim-kiem/?q=${encodeURIComponent(values.query)}`);
      await page2.waitForSelector('#ket-qua li');
      const navigationToResultMs = Date.now() - t0;
      results.push({
        firstKeystrokeToFirstResultMs: firstResultAt - start,
        lastKeystrokeToFinalResultsMs: Math.max(0, end - typed),
        navigationToResultMs,
        rawBytes: fetched.reduce((sum, f) => sum + f.raw, 0),
        gzipBytes: fetched.reduce((sum, f) => sum + f.gzip, 0),
        requests: fetched.length,
        byKind: {
          runtime: sumOf(fetched, 'runtime'),
          index: sumOf(fetched, 'index'),
          fragments: sumOf(fetched, 'fragments'),
        },
      });
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }

  return {
    query: values.query,
    runs,
    medianFirstKeystrokeToFirstResultMs: Math.round(
      median(results.map((r) => r.firstKeystrokeToFirstResultMs)),
    ),
    medianLastKeystrokeToFinalResultsMs: Math.round(
      median(results.map((r) => r.lastKeystrokeToFinalResultsMs)),
    ),
    medianNavigationToFirstResultMs: Math.round(median(results.map((r) => r.navigationToResultMs))),
    searchBytesRaw: median(results.map((r) => r.rawBytes)),
    searchBytesGzip: median(results.map((r) => r.gzipBytes)),
    searchRequests: median(results.map((r) => r.requests)),
    searchGzipRuntime: median(results.map((r) => r.byKind.runtime)),
    searchGzipIndex: median(results.map((r) => r.byKind.index)),
    searchGzipFragments: median(results.map((r) => r.byKind.fragments)),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string', default: 'dist' },
      runs: { type: 'string', default: '5' },
      query: { type: 'string', default: 'truc ban' },
      peer: { type: 'string', default: '../shared/peer-starlight' },
      'skip-build': { type: 'boolean', default: false },
      json: { type: 'string' },
    },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) {
    console.error('--runs must be a whole number ≥ 1');
    process.exit(2);
  }
  const report = await benchSideBySide({
    dist: values.dist,
    runs,
    query: values.query,
    peerSource: values.peer,
    build: !values['skip-build'],
  });
  if (values.json) writeFileSync(values.json, JSON.stringify(report, null, 2));
}
