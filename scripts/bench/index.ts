/**
 * `npm run bench`: how fast and how heavy the handbook is, on this machine — a benchmark,
 * not a test (medians of several runs; nothing fails). Prints tables and writes JSON to
 * bench-results/.
 *   1. full build (site, search index, forms): time and peak memory for the real content
 *      and synthetic content at 10× and 100×, with the growth factor between scales;
 *   2. first-visit weight per page type (gzip);
 *   3. the search journey in Chromium (journey.ts, as `npm run bench:search` runs it): from an
 *      article page, the header's box, Enter, the first result: time, bytes by kind, longest task;
 *   4. journal PDF: time and size;
 *   5. offline: what a first visit downloads in the background, and the full copy, per scale.
 * Options: --runs N (builds per scale, default 3), --scales 1,10,100, --skip-build.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { getJournalFonts, getJournalForm } from '../../src/data/journal.ts';
import { buildJournal } from '../../src/lib/journal/index.ts';
import { measurePageWeight } from '../../test/support/page-weight.ts';
import { launchChromium } from '../../test/support/chromium.ts';
import { startStaticServer } from '../../test/support/static-server.ts';
import { median } from './median.ts';
import { measureOfflineBytes, type OfflineBytes } from './offline.ts';
import { benchHandbookJourney } from './journey.ts';
import { renderTimeByRoute, routePatterns, type RouteTime } from './routes.ts';
import { writeSyntheticContent } from './synthetic-content.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    scales: { type: 'string', default: '1,10,100' },
    'skip-build': { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const scales = values.scales.split(',').map(Number);
if (!Number.isInteger(runs) || runs < 1 || scales.some((s) => !Number.isInteger(s) || s < 1)) {
  console.error('bench: --runs takes a whole number ≥ 1, --scales a list like 1,10,100');
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'so-tay-bench-'));
const report: Record<string, unknown> = {
  date: new Date().toISOString(),
  machine: {
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    loadAverageAtStart: loadavg(),
  },
};
console.log(
  `npm run bench — ${cpus().length} cores, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);

/**
 * Where a build's time goes. Astro's own phases end when its log prints a milestone line (the
 * log is read as it comes: the times are when the lines arrived); the handbook's build steps
 * log their own "in N ms"; rendering is what is left between bundling and the last step.
 */
const MILESTONES = {
  gate: /\[so-tay:content-gate\] content OK/,
  entrypoints: /\[build\] Building static entrypoints/,
  rendering: /generating static routes/,
  last: /\[so-tay:offline\]/,
};
const SELF_TIMED = {
  'journal PDFs': /\[so-tay:journal-pdfs\] journals written in (\d+) ms/,
  'search index (Pagefind)': /\[so-tay:search-index\] indexed .* in (\d+) ms/,
  'service worker, sitemap': /\[so-tay:offline\] .* in (\d+) ms/,
};

/** Seconds per phase, in build order, from when the milestones arrived and what the steps logged. */
function buildPhases(
  reached: Map<string, number>,
  selfMs: Map<string, number>,
  wallSeconds: number,
) {
  const at = (key: keyof typeof MILESTONES) => reached.get(key) ?? Number.NaN;
  const steps = [...selfMs.values()].reduce((sum, ms) => sum + ms / 1000, 0);
  const round = (seconds: number) => +seconds.toFixed(2);
  return {
    'start-up, config, content gate': round(at('gate')),
    'content sync, types, build info': round(at('entrypoints') - at('gate')),
    'bundling (Vite)': round(at('rendering') - at('entrypoints')),
    'rendering pages': round(at('last') - at('rendering') - steps),
    ...Object.fromEntries([...selfMs].map(([step, ms]) => [step, round(ms / 1000)])),
    exit: round(wallSeconds - at('last')),
  };
}

interface BuildRun {
  seconds: number;
  peakMiB: number;
  pages: number;
  phases: Record<string, number>;
  routes: RouteTime[];
}

const patterns = routePatterns(readdirSync('src/pages', { recursive: true, encoding: 'utf8' }));

/**
 * Milliseconds per page of each route at each scale (median over runs), and how the route's whole
 * time grew from the first scale to the last, divided by how the content grew: about 1 or less is
 * linear, whether a route has a page per item (its pages multiply, each as fast as before) or one
 * page listing everything; far above 1, its pages go through the whole content, each of them.
 */
function routeTable(byScale: ReadonlyMap<number, RouteTime[][]>) {
  const scales = [...byScale.keys()];
  const cell = (scale: number, route: string) => {
    const found = (byScale.get(scale) ?? [])
      .map((run) => run.find((t) => t.route === route))
      .filter((t) => t !== undefined);
    return { pages: found[0]?.pages ?? 0, ms: median(found.map((t) => t.ms)) };
  };
  const routes = [
    ...new Set([...byScale.values()].flatMap((runs) => runs[0]?.map((t) => t.route) ?? [])),
  ];
  return Object.fromEntries(
    routes.map((route) => {
      const cells = scales.map((scale) => ({ scale, ...cell(scale, route) }));
      const [first, last] = [cells[0], cells.at(-1)];
      const growth = first && last ? last.ms / first.ms / (last.scale / first.scale) : Number.NaN;
      return [
        route,
        {
          ...Object.fromEntries(
            cells.flatMap((c) => [
              [`${c.scale}× pages`, c.pages],
              [`${c.scale}× ms/page`, +(c.ms / c.pages).toFixed(1)],
            ]),
          ),
          'time ÷ content growth': +growth.toFixed(2),
        },
      ];
    }),
  );
}

/** One full build (site, index, forms) of a content root, timed by GNU time: wall seconds and peak RSS. */
async function build(contentRoot: string, outDir: string): Promise<BuildRun> {
  const start = performance.now();
  const child = spawn(
    '/usr/bin/time',
    ['-f', 'TIME %e %M', resolve('node_modules/.bin/astro'), 'build'],
    {
      env: {
        ...process.env,
        CONTENT_ROOT: contentRoot,
        OUT_DIR: outDir,
        ASTRO_TELEMETRY_DISABLED: '1',
      },
    },
  );
  const reached = new Map<string, number>();
  const selfMs = new Map<string, number>();
  let pages = 0;
  let log = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  for await (const coloured of createInterface({ input: child.stdout })) {
    const line = coloured.replace(/\x1b\[[0-9;]*m/g, ''); // Astro colours its log even into a pipe
    log += `${line}\n`;
    const at = (performance.now() - start) / 1000;
    for (const [key, milestone] of Object.entries(MILESTONES))
      if (!reached.has(key) && milestone.test(line)) reached.set(key, at);
    for (const [step, pattern] of Object.entries(SELF_TIMED)) {
      const ms = pattern.exec(line)?.[1];
      if (ms) selfMs.set(step, Number(ms));
    }
    pages = Number(/(\d+) page\(s\) built/.exec(line)?.[1] ?? pages);
  }
  const status = await new Promise<number | null>((done) =>
    child.exitCode !== null ? done(child.exitCode) : child.on('close', done),
  );
  if (status !== 0) throw new Error(`build of ${contentRoot} failed:\n${log}\n${stderr}`);
  const [seconds, kib] = (/TIME ([\d.]+) (\d+)/.exec(stderr)?.slice(1) ?? []).map(Number);
  const phases = buildPhases(reached, selfMs, seconds ?? Number.NaN);
  const routes = renderTimeByRoute(log, patterns);
  return {
    seconds: seconds ?? Number.NaN,
    peakMiB: Math.round((kib ?? 0) / 1024),
    pages,
    phases,
    routes,
  };
}

try {
  const dist = join(work, 'dist-1');
  // 1. Builds at each scale.
  const builds: {
    scale: number;
    pages: number;
    runs: number;
    medianSeconds: number;
    medianPeakMiB: number;
  }[] = [];
  const phasesByScale: Record<string, Record<string, number>> = {};
  const routesByScale = new Map<number, RouteTime[][]>();
  const offlineByScale: Record<string, OfflineBytes> = {};
  for (const scale of values['skip-build'] ? [] : scales) {
    const root = scale === 1 ? resolve('content') : join(work, `content-${scale}`);
    if (scale !== 1) writeSyntheticContent(root, scale);
    const measuredRuns: BuildRun[] = [];
    const count = scale >= 100 ? Math.min(runs, 2) : runs;
    for (let run = 0; run < count; run++) {
      const out = join(work, `dist-${scale}`);
      rmSync(out, { recursive: true, force: true });
      const measured = await build(root, out);
      measuredRuns.push(measured);
      console.log(
        `  build ${scale}× run ${run + 1}/${count}: ${measured.seconds.toFixed(1)} s, ${measured.peakMiB} MiB`,
      );
    }
    builds.push({
      scale,
      pages: measuredRuns[0]?.pages ?? 0,
      runs: count,
      medianSeconds: +median(measuredRuns.map((r) => r.seconds)).toFixed(2),
      medianPeakMiB: median(measuredRuns.map((r) => r.peakMiB)),
    });
    const phases: Record<string, number> = {};
    for (const phase of Object.keys(measuredRuns[0]?.phases ?? {}))
      phases[phase] = +median(measuredRuns.map((r) => r.phases[phase] ?? 0)).toFixed(2);
    phasesByScale[`${scale}×`] = phases;
    routesByScale.set(
      scale,
      measuredRuns.map((r) => r.routes),
    );
    const offlineBrowser = await launchChromium();
    try {
      offlineByScale[`${scale}×`] = await measureOfflineBytes(
        offlineBrowser,
        join(work, `dist-${scale}`),
      );
    } finally {
      await offlineBrowser.close();
    }
  }
  const growth = builds.slice(1).map((b, i) => {
    const previous = builds[i];
    return previous
      ? {
          from: previous.scale,
          to: b.scale,
          contentFactor: b.scale / previous.scale,
          timeFactor: +(b.medianSeconds / previous.medianSeconds).toFixed(2),
          memoryFactor: +(b.medianPeakMiB / previous.medianPeakMiB).toFixed(2),
        }
      : undefined;
  });
  console.log('\n1. Full build (site, search index, forms)');
  console.table(builds);
  if (growth.length) console.table(growth);
  console.log('Where the build time goes, seconds (median per phase)');
  console.table(phasesByScale);
  const byRoute = routeTable(routesByScale);
  console.log(
    'Rendering by route (Astro’s time per page, median); time ÷ content growth about 1 or less is linear',
  );
  console.table(byRoute);
  report.renderingByRoute = byRoute;
  report.builds = builds;
  report.growth = growth;
  report.buildPhases = phasesByScale;

  if (!existsSync(dist)) await build(resolve('content'), dist);
  // 2. First-visit weight per page type.
  const server = await startStaticServer({ root: dist });
  const browser = await launchChromium();
  const pageTypes: Record<string, string> = {
    'trang chủ': '/',
    'điều khoản (/dieu-7/)': '/dieu-7/',
    'quy trình': '/quy-trinh/tinh-huong-trong-gio/',
    'checklist (vai trò)': '/vai-tro/lanh-dao-ca-truc/',
    'diễn tập': '/dien-tap/nghi-van-trong-gio/',
    'biểu mẫu': '/bieu-mau/',
    'tìm kiếm': '/tim-kiem/',
  };
  const weights: Record<string, { html: number; css: number; js: number; total: number }> = {};
  try {
    for (const [type, path] of Object.entries(pageTypes)) {
      const weight = await measurePageWeight(browser, `${server.origin}${path}`);
      weights[type] = { html: weight.html, css: weight.css, js: weight.js, total: weight.total };
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(
    '\n2. First visit, gzip bytes (search index and PDFs load on demand and are not counted)',
  );
  console.table(weights);
  report.firstVisitGzipBytes = weights;

  // 3. Search.
  const searchServer = await startStaticServer({ root: dist });
  const searchBrowser = await launchChromium();
  const search = await benchHandbookJourney(
    searchBrowser,
    searchServer.origin,
    'lanh dao ca truc',
    5,
  ).finally(async () => {
    await searchBrowser.close();
    await searchServer.close();
  });
  console.log(
    '\n3. Search journey in Chromium on localhost: /dieu-7/, header box, Enter, first result (median of 5)',
  );
  console.table(search);
  report.search = search;

  // 4. Journal PDF (in process, the module warm; `npm run bench:journal` has cold and batch figures).
  const form = getJournalForm();
  const fonts = getJournalFonts();
  const journal: Record<string, { medianMs: number; bytes: number }> = {};
  for (const pages of [1, 10]) {
    const times: number[] = [];
    let bytes = 0;
    for (let run = 0; run < 10; run++) {
      const start = performance.now();
      bytes = (await buildJournal(form, { pages }, fonts)).length;
      times.push(performance.now() - start);
    }
    journal[`${pages} trang`] = { medianMs: +median(times).toFixed(1), bytes };
  }
  console.log('\n4. Journal PDF, blank, warm in-process (median of 10)');
  console.table(journal);
  report.journal = journal;

  if (Object.keys(offlineByScale).length > 0) {
    console.log(
      '\n5. Offline: bytes a first visit to /dieu-7/ downloads in the background, and the full copy (on request)',
    );
    console.table(offlineByScale);
    report.offline = offlineByScale;
  }

  mkdirSync('bench-results', { recursive: true });
  const file = join(
    'bench-results',
    `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
  );
  writeFileSync(file, JSON.stringify(report, null, 2));
  console.log(`\nWrote ${file}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
