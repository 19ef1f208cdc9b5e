/**
 * The search journey on the handbook and on a stock Starlight site with the same content, in
 * one run on one machine: the peer is copied from its source folder (which may be read-only)
 * to a scratch folder, installed and built there; both sites are served on 127.0.0.1 and
 * measured in turn, run by run, so that both meet the same load. Without the peer's folder the
 * handbook is measured alone and the bench says so loudly.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchChromium } from '../../test/support/chromium.ts';
import { startStaticServer } from '../../test/support/static-server.ts';
import {
  handbookJourney,
  handbookSearchPage,
  runJourney,
  summarise,
  type JourneyRun,
  type JourneySite,
  type JourneySummary,
} from './journey.ts';

export interface SideBySideOptions {
  dist: string;
  runs: number;
  query: string;
  /** The peer's source folder; skipped (loudly) when absent. */
  peerSource: string;
  /** Build the handbook into `dist` first. */
  build: boolean;
}

const run = (command: string, args: string[], cwd: string) =>
  execFileSync(command, args, {
    cwd,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });

/** Copies the peer to a scratch folder, installs it when its lock file changed, builds it; its dist/. */
export function preparePeer(source: string): string | undefined {
  if (!existsSync(join(source, 'package.json'))) {
    console.warn(
      `\n!!! PEER SKIPPED: no Starlight peer at ${resolve(source)}; only the handbook is measured.\n`,
    );
    return undefined;
  }
  const scratch = join(tmpdir(), 'so-tay-bench-peer');
  const lock = readFileSync(join(source, 'package-lock.json'), 'utf8');
  const installed = join(scratch, '.installed-lock');
  const fresh = !existsSync(installed) || readFileSync(installed, 'utf8') !== lock;
  for (const entry of ['src', 'astro.config.mjs', 'package.json', 'package-lock.json']) {
    rmSync(join(scratch, entry), { recursive: true, force: true });
  }
  mkdirSync(scratch, { recursive: true });
  cpSync(source, scratch, {
    recursive: true,
    filter: (path) => !/\/(node_modules|dist)(\/|$)/.test(path.slice(source.length)),
  });
  if (fresh) {
    console.log(`peer: npm ci in ${scratch}`);
    run('npm', ['ci', '--no-audit', '--no-fund'], scratch);
    writeFileSync(installed, lock);
  }
  console.log('peer: npm run build');
  run('npm', ['run', 'build'], scratch);
  return join(scratch, 'dist');
}

const ratio = (ours: number, theirs: number) => +(theirs / Math.max(ours, 1)).toFixed(2);

export async function benchSideBySide(options: SideBySideOptions) {
  if (options.build) {
    console.log('handbook: npm run build');
    run('npm', ['run', 'build'], process.cwd());
  }
  const peerDist = preparePeer(options.peerSource);
  const handbookServer = await startStaticServer({ root: resolve(options.dist) });
  const peerServer = peerDist ? await startStaticServer({ root: peerDist }) : undefined;
  const browser = await launchChromium();
  const sites: JourneySite[] = [handbookJourney(handbookServer.origin)];
  // The first keystroke: the handbook's search page (it searches as one types), and
  // Starlight's search, which is its modal on every page (it has no search page).
  const firstKey: JourneySite[] = [handbookSearchPage(handbookServer.origin)];
  if (peerServer) {
    const starlight: JourneySite = {
      name: 'Starlight',
      origin: peerServer.origin,
      startPath: '/dieu-7/',
      open: async (page) => {
        await page.click('site-search button[data-open-modal]');
        await page.waitForSelector('.pagefind-ui__search-input');
        await page.focus('.pagefind-ui__search-input');
      },
      resultSelector: '.pagefind-ui__result-link',
    };
    sites.push(starlight);
    firstKey.push({ ...starlight, name: 'Starlight, search modal' });
  }
  const measured = new Map<string, JourneyRun[]>(
    [...sites, ...firstKey].map((site) => [site.name, []]),
  );
  const RETURNING = 'handbook, returning visit';
  measured.set(RETURNING, []);
  const firstLetter = [...options.query][0] ?? 't';
  try {
    for (let index = 0; index < options.runs; index++) {
      for (const site of sites)
        measured.get(site.name)?.push(await runJourney(browser, site, options.query));
      for (const site of firstKey)
        measured.get(site.name)?.push(await runJourney(browser, site, firstLetter));
      // A returning visit: the service worker installed and the search used before, so that
      // everything the journey needs comes from its cache (the bytes column counts the network).
      const handbook = sites[0];
      if (handbook) {
        const context = await browser.newContext({ locale: 'vi-VN', serviceWorkers: 'allow' });
        try {
          for (let warm = 0; warm < 2; warm++)
            await runJourney(browser, handbook, options.query, context);
          measured
            .get(RETURNING)
            ?.push(await runJourney(browser, handbook, options.query, context));
        } finally {
          await context.close();
        }
      }
    }
  } finally {
    await browser.close();
    await handbookServer.close();
    await peerServer?.close();
  }
  const summaries: JourneySummary[] = [...measured].map(([name, runs]) => summarise(name, runs));
  const firstKeyNames = new Set(firstKey.map((site) => site.name));
  const table = (rows: JourneySummary[]) =>
    console.table(
      Object.fromEntries(
        rows.map((s) => [
          s.site,
          {
            'last key → first result, ms': s.medianLastKeyToFirstResultMs,
            'longest task, ms': s.worstLongTaskMs,
            'gzip bytes': s.medianGzipBytes,
            requests: s.medianRequests,
            ...s.byKind,
          },
        ]),
      ),
    );
  console.log(
    `\nSearch journey "${options.query}": article page → click the search control → type → last key → first result` +
      ` (median of ${options.runs}; handbook's last key is Enter, Starlight's the last letter: it searches as one types)`,
  );
  table(summaries.filter((s) => !firstKeyNames.has(s.site)));
  console.log(
    `\nFirst keystroke "${firstLetter}": a page opened and left idle → click the search box → one letter → first result` +
      ` (median of ${options.runs}; the handbook's search page, Starlight's search modal)`,
  );
  table(summaries.filter((s) => firstKeyNames.has(s.site)));
  const ours = summaries.find((s) => s.site === 'handbook');
  const peer = summaries.find((s) => s.site === 'Starlight');
  const ratios =
    ours && peer
      ? {
          'time: Starlight ÷ handbook (× faster)': ratio(
            ours.medianLastKeyToFirstResultMs,
            peer.medianLastKeyToFirstResultMs,
          ),
          'bytes: Starlight ÷ handbook (× lighter)': ratio(
            ours.medianGzipBytes,
            peer.medianGzipBytes,
          ),
        }
      : undefined;
  if (ratios) console.table(ratios);
  const page = summaries.find((s) => s.site === 'handbook, search page');
  const modal = summaries.find((s) => s.site === 'Starlight, search modal');
  const firstKeyRatio =
    page && modal
      ? {
          'first keystroke: Starlight ÷ handbook (× faster)': ratio(
            page.medianLastKeyToFirstResultMs,
            modal.medianLastKeyToFirstResultMs,
          ),
        }
      : undefined;
  if (firstKeyRatio) console.table(firstKeyRatio);
  return {
    query: options.query,
    runs: options.runs,
    journeys: summaries,
    ratios: ratios && firstKeyRatio ? { ...ratios, ...firstKeyRatio } : ratios,
  };
}
