/**
 * Real-Chromium helpers for site tests (Debian's chromium driven by playwright-core; never a
 * downloaded browser). Tests use them through the fixture of site-test.ts, which connects to
 * the one Chromium of the run and opens a fresh context per site:
 *
 *   describeBrowser('my feature', () => {
 *     test('works', async ({ openSite }) => {
 *       const site = await openSite('/dieu-7/');    // site path without the base path
 *       expect(formatViolations(await runAxe(site.page))).toBe('');
 *       expect(site.problems()).toEqual([]);       // off-site requests, console errors
 *     });                                          // closed after the test; fails if a request left
 *   });
 *
 * Every request not bound for the local test server is blocked and recorded.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, NodeResult, Result } from 'axe-core';
import type {
  Browser,
  BrowserContext,
  BrowserContextOptions,
  Download,
  Page,
  Response,
} from 'playwright-core';
import { describe, inject } from 'vitest';
import { connectChromium } from './chromium.ts';
import { siteOrigin, siteUrl } from './site.ts';

const chromiumPath = inject('chromiumPath');
const chromiumMissing = inject('chromiumMissing');
const browserEndpoint = inject('browserEndpoint');

/** WCAG 2.2 A/AA, as axe-core tags them. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Without Chromium the browser tests skip, loudly; under CI=true they run and fail instead. */
export const skipBrowserTests = chromiumPath === null && process.env.CI !== 'true';

/**
 * `describe` for tests that need Chromium: skipped (with a loud warning) when there is
 * none, except under CI=true, where connectBrowser() then fails the suite.
 */
export function describeBrowser(name: string, body: () => void): void {
  if (skipBrowserTests) {
    console.warn(`!! SKIPPED browser tests "${name}": ${chromiumMissing ?? 'Chromium not found'}`);
  }
  describe.skipIf(skipBrowserTests)(name, body);
}

/**
 * A connection to the one Chromium of the test run (started by site-setup.ts with the flags of
 * chromium.ts). Closing it closes the contexts it opened, never the browser other files use.
 */
export async function connectBrowser(): Promise<Browser> {
  if (chromiumPath === null || browserEndpoint === null) {
    throw new Error(`Browser tests cannot run: ${chromiumMissing ?? 'Chromium not found'}.`);
  }
  return connectChromium(browserEndpoint);
}

/** A page on the local site, with everything it asked for recorded. */
export interface SitePage {
  page: Page;
  context: BrowserContext;
  /** Every URL the page requested, in order (document, CSS, scripts, fetches…). */
  requests: string[];
  /** Requests to anything but the local test server (blocked before they left). */
  offsite: string[];
  /** console.error messages and uncaught exceptions. */
  consoleErrors: string[];
  /** Navigates to a site path given without the base path ("/dieu-7/"), or to a full URL. */
  goto(path: string): Promise<Response | null>;
  /** Off-site requests and console errors, one readable line each; [] when clean. */
  problems(): string[];
  /** Closes the page's context; throws if any request went off the local server. */
  close(): Promise<void>;
}

/** data:, blob: and about: never reach the network; everything else must hit the test server. */
function isLocal(url: string): boolean {
  if (/^(data|blob|about):/i.test(url)) return true;
  try {
    return new URL(url).origin === siteOrigin;
  } catch {
    return false;
  }
}

/** Opens a fresh context (own storage) and page that records and blocks off-site requests. */
export async function openPage(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<SitePage> {
  // The offline service worker caches what pages fetch: only the tests that are about it
  // (test/site/offline.test.ts, intranet.test.ts) let it run, so the others see only their own requests.
  const context = await browser.newContext({
    locale: 'vi-VN',
    serviceWorkers: 'block',
    ...options,
  });
  const page = await context.newPage();
  const requests: string[] = [];
  const offsite: string[] = [];
  const consoleErrors: string[] = [];

  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    offsite.push(url);
    return route.abort('blockedbyclient');
  });
  context.on('request', (request) => requests.push(request.url()));
  page.on('websocket', (socket) => {
    if (!isLocal(socket.url().replace(/^ws/, 'http'))) offsite.push(socket.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const where = message.location().url;
      consoleErrors.push(`console.error: ${message.text()}${where ? ` (${where})` : ''}`);
    }
  });
  page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));

  return {
    page,
    context,
    requests,
    offsite,
    consoleErrors,
    goto: (path) => page.goto(/^[a-z]+:/i.test(path) ? path : siteUrl(path), { waitUntil: 'load' }),
    problems: () => [
      ...offsite.map((url) => `request left the local server: ${url}`),
      ...consoleErrors,
    ],
    close: async () => {
      await context.close();
      if (offsite.length > 0) {
        throw new Error(
          `Requests left the local server:\n${offsite.map((url) => `  ${url}`).join('\n')}`,
        );
      }
    },
  };
}

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  helpUrl: string;
  /** One entry per failing element: its CSS selector path and axe's summary. */
  nodes: { target: string; summary: string }[];
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const targetOf = (node: NodeResult): string =>
  node.target.map((part) => (Array.isArray(part) ? part.join(' >>> ') : String(part))).join(' | ');

/** axe's rules whose outcome depends on colours: enough for a second pass in another colour scheme. */
export const AXE_COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * Injects axe-core into the page once (no network request, no <script>) and runs the WCAG 2.2 A/AA
 * rules, or only the given rule ids (e.g. AXE_COLOUR_RULES after emulateMedia).
 */
export async function runAxe(
  page: Page,
  options: { rules?: string[] } = {},
): Promise<AxeViolation[]> {
  // Evaluated through DevTools, not as a <script>: the site's CSP (no inline scripts) stays on and untouched.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const runOnly = options.rules
    ? { type: 'rule', values: options.rules }
    : { type: 'tag', values: AXE_TAGS };
  const results = await page.evaluate(async (only) => {
    const axe = (
      window as unknown as { axe: { run(ctx: Document, opts: object): Promise<AxeResults> } }
    ).axe;
    return axe.run(document, { runOnly: only, resultTypes: ['violations'] });
  }, runOnly);
  return results.violations.map((v: Result) => ({
    id: v.id,
    impact: v.impact ?? 'unknown',
    help: v.help,
    helpUrl: v.helpUrl,
    nodes: v.nodes.map((node) => ({
      target: targetOf(node),
      summary: (node.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
    })),
  }));
}

/** Violations as readable text ("" when there are none), for assertion messages. */
export function formatViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) =>
      [
        `${v.id} [${v.impact}] ${v.help} (${v.helpUrl})`,
        ...v.nodes.map(
          (node) => `    at ${node.target}${node.summary ? ` — ${node.summary}` : ''}`,
        ),
      ].join('\n'),
    )
    .join('\n');
}

/** A download's bytes (streamed: the browser is remote, so the download has no local path). */
export async function downloadedBytes(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Clicks what downloads a file; the file's suggested name and its bytes. */
export async function clickToDownload(
  page: Page,
  selector: string,
): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: file.suggestedFilename(), bytes: await downloadedBytes(file) };
}

/**
 * Waits, inside the page (no round trip per look), until `selector`'s text — white space
 * squashed — is `expected` or matches it, and returns that text. On timeout, the error says
 * what the element said instead.
 */
export async function waitForText(
  page: Page,
  selector: string,
  expected: string | RegExp,
  { timeout = 15_000 }: { timeout?: number } = {},
): Promise<string> {
  const want =
    typeof expected === 'string'
      ? { text: expected, source: null, flags: '' }
      : { text: null, source: expected.source, flags: expected.flags };
  const read = (s: string) =>
    page.evaluate(
      (sel) => (document.querySelector(sel)?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      s,
    );
  try {
    const found = await page.waitForFunction(
      ({ sel, text, source, flags }) => {
        const seen = (document.querySelector(sel)?.textContent ?? '').replace(/\s+/g, ' ').trim();
        const ok = source === null ? seen === text : new RegExp(source, flags).test(seen);
        return ok ? seen : false;
      },
      { sel: selector, ...want },
      { timeout },
    );
    return (await found.jsonValue()) as string;
  } catch (error) {
    const seen = await read(selector).catch(() => '(page gone)');
    throw new Error(
      `${selector}: waited ${timeout} ms for ${String(expected)}; it says «${seen}»`,
      {
        cause: error,
      },
    );
  }
}

/**
 * axe in the state the page is in now, in both colour schemes: every WCAG rule in the light
 * one, then the colour rules again in the dark one (the others do not depend on colours); the
 * page is left light. "" when both are clean, else the violations of each, labelled.
 */
export async function axeInBothSchemes(page: Page): Promise<string> {
  await page.emulateMedia({ colorScheme: 'light' });
  const light = formatViolations(await runAxe(page));
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = formatViolations(await runAxe(page, { rules: AXE_COLOUR_RULES }));
  await page.emulateMedia({ colorScheme: 'light' });
  return [light && `light:\n${light}`, dark && `dark:\n${dark}`].filter(Boolean).join('\n');
}
