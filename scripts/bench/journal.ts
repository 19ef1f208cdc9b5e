/**
 * `npm run bench:journal`: how long a journal takes and how large it is. A benchmark,
 * not a test: it prints medians of several runs, with the machine's load beside them.
 * Targets on a 2-core machine: 1-page blank ≤ 60 KB, each further page ≤ 25 KB, a 365-day
 * batch ≤ 15 s, a 365-day year as one file ≤ 15 s.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { getJournalFonts, getJournalForm } from '../../src/data/journal.ts';
import { buildJournal, dateRange } from '../../src/lib/journal/index.ts';
import { median } from './median.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ms = (value: number) => `${value.toFixed(1)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const verdict = (ok: boolean) => (ok ? 'within target' : 'OVER TARGET');

const form = getJournalForm();
const fonts = getJournalFonts();
console.log(
  `bench:journal — ${RUNS} runs each, ${cpus().length} cores, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);

// Sizes (deterministic).
const one = await buildJournal(form, { pages: 1 }, fonts);
const ten = await buildJournal(form, { pages: 10 }, fonts);
const perPage = (ten.length - one.length) / 9;
console.log(
  `size, 1-page blank:   ${kb(one.length)} (${one.length} bytes; target ≤ 60 KB: ${verdict(one.length <= 60 * 1024)})`,
);
console.log(`size, 10-page blank:  ${kb(ten.length)} (${ten.length} bytes)`);
console.log(
  `size, each further page: ${kb(perPage)} (target ≤ 25 KB: ${verdict(perPage <= 25 * 1024)})`,
);

// Warm, in-process: the module already loaded and its font parsed.
for (const pages of [1, 10]) {
  const times: number[] = [];
  for (let run = 0; run < RUNS * 4; run++) {
    const start = performance.now();
    await buildJournal(
      form,
      { pages, date: '2025-03-04', unit: 'Phòng Giám sát hải quan trực tuyến' },
      fonts,
    );
    times.push(performance.now() - start);
  }
  console.log(`warm, in-process, ${pages}-page journal: median ${ms(median(times))} per document`);
}

// 365 days in-process (the module's share of a batch).
const days = dateRange('2025-01-01', '2025-12-31');
const batchTimes: number[] = [];
const batchCpu: number[] = [];
for (let run = 0; run < Math.min(RUNS, 3); run++) {
  const start = performance.now();
  const cpu = process.cpuUsage();
  for (const date of days) await buildJournal(form, { pages: 1, date }, fonts);
  batchTimes.push(performance.now() - start);
  const used = process.cpuUsage(cpu);
  batchCpu.push((used.user + used.system) / 1000);
}
// CPU time beside wall time: on a shared machine the wall clock also counts other work.
console.log(
  `in-process, 365 one-page journals: median ${(median(batchTimes) / 1000).toFixed(2)} s wall, ${(median(batchCpu) / 1000).toFixed(2)} s CPU`,
);

// A year in one file, in-process: the module's share of `--from … --to … --out FILE`.
const yearTimes: number[] = [];
let yearBytes = 0;
for (let run = 0; run < Math.min(RUNS, 3); run++) {
  const start = performance.now();
  yearBytes = (await buildJournal(form, { pages: 1, dates: days }, fonts)).length;
  yearTimes.push(performance.now() - start);
}
console.log(
  `in-process, a 365-day year as one file (365 pages): median ${(median(yearTimes) / 1000).toFixed(2)} s, ${kb(yearBytes)}`,
);

// Cold processes, as a user runs them: the CLI start-up included.
const cli = ['--prefix', resolve('.'), 'tsx', resolve('scripts/journal.ts')];
const timed = (args: string[], cwd: string) => {
  const start = performance.now();
  const result = spawnSync('npx', [...cli, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, SOURCE_DATE_EPOCH: '' },
  });
  if (result.status !== 0) throw new Error(`journal ${args.join(' ')} failed: ${result.stderr}`);
  return performance.now() - start;
};
const dir = mkdtempSync(join(tmpdir(), 'bench-journal-'));
try {
  const cold: number[] = [];
  for (let run = 0; run < RUNS; run++)
    cold.push(timed(['--out', join(dir, `cold-${run}.pdf`)], dir));
  console.log(`cold process (npm run journal, 1 page): median ${ms(median(cold))} per document`);
  const batch: number[] = [];
  for (let run = 0; run < Math.min(RUNS, 3); run++) {
    const out = join(dir, `batch-${run}`);
    batch.push(timed(['--from', '2025-01-01', '--to', '2025-12-31', '--out-dir', out], dir));
    if (readdirSync(out).length !== 365) throw new Error('the batch did not write 365 files');
  }
  const batchSeconds = median(batch) / 1000;
  console.log(
    `cold process, 365-day batch (--from/--to, 1 page each): median ${batchSeconds.toFixed(2)} s (target ≤ 15 s: ${verdict(batchSeconds <= 15)})`,
  );
  const year: number[] = [];
  let size = 0;
  for (let run = 0; run < Math.min(RUNS, 3); run++) {
    const out = join(dir, `year-${run}.pdf`);
    year.push(timed(['--from', '2025-01-01', '--to', '2025-12-31', '--out', out], dir));
    size = statSync(out).size;
  }
  const yearSeconds = median(year) / 1000;
  console.log(
    `cold process, a 365-day year as one file (--from/--to --out, 365 pages): median ${yearSeconds.toFixed(2)} s, ${kb(size)} (target ≤ 15 s: ${verdict(yearSeconds <= 15)})`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
