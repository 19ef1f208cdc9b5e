/**
 * globalSetup of the `site` test project: serves the built dist/ on 127.0.0.1 (under
 * BASE_PATH when the site was built with one), starts Chromium once as a server that every
 * test file connects to (files run in parallel, one browser serves them all), and hands
 * both to the tests through vitest's provide/inject (read them via test/support/site.ts).
 * Env: BASE_PATH (as for the build), CHROMIUM_PATH, SITE_DIST_DIR (default dist), CI.
 */
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { launchChromiumServer, wantedChromium } from './chromium.ts';
import { normaliseBasePath, startStaticServer } from './static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Absolute path of the built site. */
    distDir: string;
    /** The base path the site was built with ("/" or "/so-tay/"). */
    basePath: string;
    /** http://127.0.0.1:PORT, no base path. */
    siteOrigin: string;
    /** origin + base path, ending in "/": the home page. */
    siteBaseUrl: string;
    /** Chromium's executable, or null when none was found. */
    chromiumPath: string | null;
    /** Why Chromium is missing (null when found). */
    chromiumMissing: string | null;
    /** The WebSocket endpoint of the one Chromium all test files share (null without Chromium). */
    browserEndpoint: string | null;
  }
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** CHROMIUM_PATH when set (and then only that), else Debian's /usr/bin/chromium. */
async function findChromium(): Promise<{ path: string | null; missing: string | null }> {
  const wanted = wantedChromium();
  if (await isExecutable(wanted)) return { path: wanted, missing: null };
  const from = process.env.CHROMIUM_PATH?.trim() ? `CHROMIUM_PATH=${wanted}` : wanted;
  return {
    path: null,
    missing: `no executable Chromium at ${from} (apt-get install -y chromium, or set CHROMIUM_PATH)`,
  };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // SITE_DIST_DIR points the tests at another build (e.g. a copy with a deliberate defect).
  const distDir = resolve(project.config.root, process.env.SITE_DIST_DIR ?? 'dist');
  const index = await stat(resolve(distDir, 'index.html')).catch(() => null);
  if (!index?.isFile()) {
    throw new Error(`No built site at ${distDir} (index.html missing): run npm run build first.`);
  }

  const basePath = normaliseBasePath(process.env.BASE_PATH);
  const server = await startStaticServer({ root: distDir, basePath });
  const chromium = await findChromium();

  if (chromium.missing) {
    const line = '!'.repeat(78);
    const verdict =
      process.env.CI === 'true'
        ? 'CI=true: the browser tests will FAIL, since CI must run them.'
        : 'The browser tests (axe, requests, console) will be SKIPPED. Set CI=true to make this a failure.';
    console.warn(
      `\n${line}\n!! Chromium not found: ${chromium.missing}.\n!! ${verdict}\n${line}\n`,
    );
  }

  project.provide('distDir', distDir);
  project.provide('basePath', basePath);
  project.provide('siteOrigin', server.origin);
  project.provide('siteBaseUrl', server.baseUrl);
  project.provide('chromiumPath', chromium.path);
  project.provide('chromiumMissing', chromium.missing);
  const browser = chromium.path ? await launchChromiumServer(chromium.path) : null;
  project.provide('browserEndpoint', browser?.wsEndpoint() ?? null);

  return async () => {
    await browser?.close();
    await server.close();
  };
}
