/**
 * What a first visit downloads in the background for offline use: the service worker, its
 * shell and the page handed to it — measured in Chromium on a built site, beside the size of
 * the full offline copy that the person may choose (offline.json). Run at 1×, 10× and 100×
 * content by `npm run bench`: the first must not grow with the content, the second does.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Response } from 'playwright-core';
import { startStaticServer } from '../../test/support/static-server.ts';

export interface OfflineBytes {
  /** Bytes (body and headers, as served: no compression) fetched by the service worker and for sw.js. */
  firstVisitBackgroundBytes: number;
  /** The full offline copy, downloaded only on request. */
  fullCopyBytes: number;
}

export async function measureOfflineBytes(
  browser: Browser,
  dist: string,
  path = '/dieu-7/',
): Promise<OfflineBytes> {
  const server = await startStaticServer({ root: dist });
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  try {
    const sizes: Promise<number>[] = [];
    context.on('response', (response: Response) => {
      const request = response.request();
      if (request.serviceWorker() || /\/sw\.js$/.test(request.url()))
        sizes.push(
          request
            .sizes()
            .then((s) => s.responseBodySize + s.responseHeadersSize)
            .catch(() => 0),
        );
    });
    const page = await context.newPage();
    await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
    // Done once the worker holds the page it was handed, and a moment for anything in flight.
    await page.waitForFunction(
      async (url) => {
        for (const name of await caches.keys())
          if (await (await caches.open(name)).match(url)) return true;
        return false;
      },
      `${server.origin}${path}`,
      { timeout: 30_000, polling: 100 },
    );
    await page.waitForTimeout(500);
    const firstVisitBackgroundBytes = (await Promise.all(sizes)).reduce(
      (sum, size) => sum + size,
      0,
    );
    const copy = JSON.parse(readFileSync(join(dist, 'offline.json'), 'utf8')) as { bytes: number };
    return { firstVisitBackgroundBytes, fullCopyBytes: copy.bytes };
  } finally {
    await context.close();
    await server.close();
  }
}
