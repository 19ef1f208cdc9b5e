/**
 * `npm run bench:lighthouse`: Lighthouse 12 (fetched by npx for the bench only, never a
 * dependency of the project or of `npm test`) on the search page with a query, default
 * mobile throttling, Debian's Chromium; medians of N runs of performance score, Total
 * Blocking Time and Cumulative Layout Shift — once on a quiet machine and once with a
 * CPU-heavy process spinning beside it. A benchmark: its scores are too unsteady to gate CI.
 *
 * Options: --dist DIR (default dist), --runs N (default 5), --path (default /tim-kiem/?q=lanh%20dao),
 * --busy-only, --quiet-only, --json FILE.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CHROMIUM_ARGS, wantedChromium } from '../../test/support/chromium.ts';
import { startStaticServer } from '../../test/support/static-server.ts';
import { median } from './median.ts';

interface LighthouseRun {
  performance: number;
  totalBlockingTimeMs: number;
  cumulativeLayoutShift: number;
  largestContentfulPaintMs: number;
}

interface LighthouseReport {
  categories: { performance: { score: number } };
  audits: Record<string, { numericValue?: number }>;
}

function lighthouseOnce(url: string, folder: string, index: number): Promise<LighthouseRun> {
  const output = join(folder, `lh-${index}.json`);
  const flags = CHROMIUM_ARGS.filter((flag) => flag !== '--headless')
    .concat('--headless=new')
    .join(' ');
  const args = [
    '--yes',
    'lighthouse@12',
    url,
    '--quiet',
    '--only-categories=performance',
    '--output=json',
    `--output-path=${output}`,
    `--chrome-flags=${flags}`,
  ];
  return new Promise((done, fail) => {
    execFile(
      'npx',
      args,
      { env: { ...process.env, CHROME_PATH: wantedChromium() }, maxBuffer: 64 * 2 ** 20 },
      (error, _out, stderr) => {
        if (error) return fail(new Error(`lighthouse failed: ${stderr.slice(-2000)}`));
        const report = JSON.parse(readFileSync(output, 'utf8')) as LighthouseReport;
        const value = (id: string) => report.audits[id]?.numericValue ?? Number.NaN;
        done({
          performance: Math.round(report.categories.performance.score * 100),
          totalBlockingTimeMs: Math.round(value('total-blocking-time')),
          cumulativeLayoutShift: +value('cumulative-layout-shift').toFixed(3),
          largestContentfulPaintMs: Math.round(value('largest-contentful-paint')),
        });
      },
    );
  });
}

/** A process that keeps one core busy until it is killed: the "other work" of an old office machine. */
const spinner = () =>
  spawn(process.execPath, ['-e', 'for (;;) Math.sqrt(Math.random());'], { stdio: 'ignore' });

export async function benchLighthouse(
  dist: string,
  path: string,
  runs: number,
  modes: ('quiet' | 'busy')[],
) {
  const server = await startStaticServer({ root: resolve(dist) });
  const folder = mkdtempSync(join(tmpdir(), 'so-tay-lighthouse-'));
  const summary: Record<string, Record<string, number>> = {};
  try {
    for (const mode of modes) {
      const busy = mode === 'busy' ? spinner() : undefined;
      try {
        const measured: LighthouseRun[] = [];
        for (let index = 0; index < runs; index++) {
          measured.push(await lighthouseOnce(`${server.origin}${path}`, folder, index));
          console.log(
            `  lighthouse ${mode} ${index + 1}/${runs}: ${JSON.stringify(measured.at(-1))}`,
          );
        }
        summary[mode === 'quiet' ? 'quiet machine' : 'one core kept busy'] = {
          'performance (median)': median(measured.map((r) => r.performance)),
          'Total Blocking Time ms (median)': median(measured.map((r) => r.totalBlockingTimeMs)),
          'Cumulative Layout Shift (median)': median(measured.map((r) => r.cumulativeLayoutShift)),
          'Largest Contentful Paint ms (median)': median(
            measured.map((r) => r.largestContentfulPaintMs),
          ),
          'performance (worst)': Math.min(...measured.map((r) => r.performance)),
        };
      } finally {
        busy?.kill();
      }
    }
  } finally {
    await server.close();
    rmSync(folder, { recursive: true, force: true });
  }
  console.log(`\nLighthouse 12 on ${path} (default mobile throttling, median of ${runs})`);
  console.table(summary);
  return { path, runs, summary };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string', default: 'dist' },
      runs: { type: 'string', default: '5' },
      path: { type: 'string', default: '/tim-kiem/?q=lanh%20dao' },
      'busy-only': { type: 'boolean', default: false },
      'quiet-only': { type: 'boolean', default: false },
      json: { type: 'string' },
    },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) {
    console.error('--runs must be a whole number ≥ 1');
    process.exit(2);
  }
  const modes: ('quiet' | 'busy')[] = values['busy-only']
    ? ['busy']
    : values['quiet-only']
      ? ['quiet']
      : ['quiet', 'busy'];
  const result = await benchLighthouse(values.dist, values.path, runs, modes);
  if (values.json) writeFileSync(values.json, JSON.stringify(result, null, 2));
}
