/**
 * What a first visit to a page costs, as a browser loads it: every response fetched
 * until the network is idle (the search index and PDFs excepted: they load on demand),
 * each counted at its gzip size. Shared by the byte-budget test and `npm run bench`.
 */
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';

export interface PageWeight {
  url: string;
  /** gzip bytes by kind of resource; `js` includes scripts inlined in the HTML (`inlineJs`). */
  html: number;
  css: number;
  js: number;
  /** Each script written inline in the page's HTML (Astro inlines small ones): gzip bytes, and whether it registers the service worker. */
  inlineJs: { gzip: number; serviceWorker: boolean }[];
  other: number;
  total: number;
  /** Each file fetched, for messages. */
  files: { url: string; kind: 'html' | 'css' | 'js' | 'other'; gzip: number }[];
}

const kindOf = (contentType: string, url: string): PageWeight['files'][number]['kind'] =>
  contentType.includes('html')
    ? 'html'
    : contentType.includes('css')
      ? 'css'
      : /javascript|ecmascript/.test(contentType) || /\.m?js$/.test(url)
        ? 'js'
        : 'other';

/** Not part of a page's weight: fetched only when someone searches or asks for a PDF. */
const ON_DEMAND = /\/pagefind\/|\.pdf$/;

export async function measurePageWeight(browser: Browser, url: string): Promise<PageWeight> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const pending: Promise<void>[] = [];
  const files: PageWeight['files'] = [];
  const inlineScripts: string[] = [];
  page.on('response', (response) => {
    if (ON_DEMAND.test(response.url())) return;
    pending.push(
      response
        .body()
        .then((body) => {
          files.push({
            url: response.url(),
            kind: kindOf(response.headers()['content-type'] ?? '', response.url()),
            gzip: gzipSync(body, { level: 9 }).length,
          });
        })
        .catch(() => undefined),
    );
  });
  try {
    await page.goto(url, { waitUntil: 'networkidle' });
    await Promise.all(pending);
    inlineScripts.push(
      ...(await page.$$eval('script:not([src])', (scripts) =>
        scripts
          .map((s) => s.textContent ?? '')
          .filter((code) => code.trim() !== '' && !code.trim().startsWith('{')),
      )),
    );
  } finally {
    await context.close();
  }
  const sum = (kind: PageWeight['files'][number]['kind']) =>
    files.filter((f) => f.kind === kind).reduce((total, f) => total + f.gzip, 0);
  // Inline scripts are JavaScript too: counted as JS, not as HTML (the total is unchanged).
  const inlineJs = inlineScripts.map((code) => ({
    gzip: gzipSync(code, { level: 9 }).length,
    serviceWorker: code.includes('serviceWorker'),
  }));
  const inline = inlineJs.reduce((total, script) => total + script.gzip, 0);
  const weight = {
    url,
    html: Math.max(0, sum('html') - inline),
    css: sum('css'),
    js: sum('js') + inline,
    inlineJs,
    other: sum('other'),
    files,
  };
  return { ...weight, total: sum('html') + weight.css + sum('js') + weight.other };
}
