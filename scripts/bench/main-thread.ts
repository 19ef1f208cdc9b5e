/**
 * `npm run bench:main-thread`: the long tasks (≥ 50 ms) on a page's main thread while it loads
 * and searches, under a CPU throttled 4× (what Lighthouse's mobile profile does), each one
 * attributed to what ran in it: script (by file and function), style, layout, parsing, paint.
 * A profiling aid for Total Blocking Time, not a test.
 *
 * Options: --dist DIR (default dist), --path (default /tim-kiem/?q=lanh%20dao), --rate N
 * (default 4), --runs N (default 3).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../../test/support/chromium.ts';
import { startStaticServer } from '../../test/support/static-server.ts';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown> };
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface LongTask {
  startMs: number;
  durationMs: number;
  /** Sampled JavaScript (ms) by file:function:line, the heaviest first. */
  functions?: [string, number][];
  /** Self time (ms) by what ran: "script file:function", "style", "layout", "parse HTML"… */
  parts: Record<string, number>;
}

const LABELS: Record<string, string> = {
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  ParseHTML: 'parse HTML',
  ParseAuthorStyleSheet: 'parse CSS',
  Paint: 'paint',
  PrePaint: 'paint',
  Layerize: 'paint',
  'v8.compile': 'compile',
  'v8.compileModule': 'compile',
  'V8.GCCompactor': 'garbage collection',
  MajorGC: 'garbage collection',
  MinorGC: 'garbage collection',
  HitTest: 'hit test',
};

const scriptName = (data: Record<string, unknown> | undefined): string => {
  const url = String(data?.url ?? data?.scriptName ?? '');
  const file = url ? (new URL(url, 'http://x').pathname.split('/').pop() ?? url) : 'inline';
  const fn = String(data?.functionName ?? '');
  return `script ${file}${fn ? `:${fn}` : ''}`;
};

const labelOf = (event: TraceEvent): string | undefined => {
  if (LABELS[event.name]) return LABELS[event.name];
  if (event.name === 'FunctionCall' || event.name === 'EvaluateScript')
    return scriptName(event.args?.data);
  if (event.name === 'v8.evaluateModule') return 'script (module evaluation)';
  if (event.name === 'TimerFire' || event.name === 'FireAnimationFrame') return undefined;
  if (event.name === 'EventDispatch') return `event ${String(event.args?.data?.type ?? '')}`;
  return undefined;
};

/** The long tasks of the renderer's main thread in a trace, each split by self time of its parts. */
export function longTasks(events: TraceEvent[], origin: number): LongTask[] {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return [];
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const tasks = onMain.filter((e) => e.name === 'RunTask' && (e.dur ?? 0) >= 50_000);
  return tasks.map((task) => {
    const end = task.ts + (task.dur ?? 0);
    const inside = onMain
      .filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end && labelOf(e))
      .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    // Self time: each labelled event's duration minus its labelled children's.
    const parts: Record<string, number> = {};
    const stack: { event: TraceEvent; label: string; child: number }[] = [];
    const close = (until: number) => {
      while (
        stack.length &&
        (stack.at(-1)?.event.ts ?? 0) + (stack.at(-1)?.event.dur ?? 0) <= until
      ) {
        const done = stack.pop();
        if (!done) break;
        const self = ((done.event.dur ?? 0) - done.child) / 1000;
        parts[done.label] = (parts[done.label] ?? 0) + self;
        const parent = stack.at(-1);
        if (parent) parent.child += done.event.dur ?? 0;
      }
    };
    for (const event of inside) {
      close(event.ts);
      stack.push({ event, label: labelOf(event) ?? '', child: 0 });
    }
    close(Number.POSITIVE_INFINITY);
    const labelled = Object.values(parts).reduce((sum, ms) => sum + ms, 0);
    parts['other (task overhead, unlabelled)'] = (task.dur ?? 0) / 1000 - labelled;
    for (const key of Object.keys(parts)) parts[key] = Math.round(parts[key] ?? 0);
    for (const key of Object.keys(parts)) if (!parts[key]) delete parts[key];
    return {
      startMs: Math.round((task.ts - origin) / 1000),
      durationMs: Math.round((task.dur ?? 0) / 1000),
      parts,
    };
  });
}

/** The sampled functions of a CPU profile inside [from, to] (µs, the trace's clock). */
function sampledFunctions(profile: CpuProfile, from: number, to: number): [string, number][] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const totals = new Map<string, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index + 1] ?? 0;
    at += profile.timeDeltas[index] ?? 0;
    if (at < from || at > to) return;
    const frame = byId.get(id);
    if (!frame || frame.functionName === '(idle)' || frame.functionName === '(program)') return;
    const file = frame.url ? (frame.url.split('/').pop() ?? frame.url) : '';
    const key = `${file}:${frame.functionName || '(anonymous)'}:${frame.lineNumber}`;
    totals.set(key, (totals.get(key) ?? 0) + delta / 1000);
  });
  return [...totals]
    .map(([key, ms]): [string, number] => [key, Math.round(ms)])
    .filter(([, ms]) => ms >= 3)
    .sort(([, a], [, b]) => b - a)
    .slice(0, 6);
}

export async function traceMainThread(dist: string, path: string, rate: number) {
  const server = await startStaticServer({ root: resolve(dist) });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', ({ value }) =>
      events.push(...(value as unknown as TraceEvent[])),
    );
    const finished = new Promise<void>((done) => cdp.once('Tracing.tracingComplete', () => done()));
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await cdp.send('Tracing.start', {
      transferMode: 'ReportEvents',
      traceConfig: {
        includedCategories: [
          'devtools.timeline',
          'disabled-by-default-devtools.timeline',
          'v8.execute',
          'v8',
          'blink',
          'toplevel',
          '__metadata',
        ],
      },
    });
    await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
    await page.waitForFunction(
      () => /kết quả/.test(document.querySelector('#trang-thai')?.textContent ?? ''),
      undefined,
      { timeout: 30_000 },
    );
    await page.waitForTimeout(1500); // idle work after the results
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    await cdp.send('Tracing.end');
    await finished;
    const navigation = events.find((e) => e.name === 'navigationStart');
    const origin = navigation?.ts ?? Math.min(...events.filter((e) => e.ts > 0).map((e) => e.ts));
    await context.close();
    return longTasks(events, origin).map((task) => {
      const from = origin + task.startMs * 1000;
      return { ...task, functions: sampledFunctions(profile, from, from + task.durationMs * 1000) };
    });
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string', default: 'dist' },
      path: { type: 'string', default: '/tim-kiem/?q=lanh%20dao' },
      rate: { type: 'string', default: '4' },
      runs: { type: 'string', default: '3' },
    },
  });
  for (let run = 1; run <= Number(values.runs); run++) {
    const tasks = await traceMainThread(values.dist, values.path, Number(values.rate));
    console.log(
      `\nRun ${run}: long tasks on ${values.path}, CPU ${values.rate}× slower (start and length in ms)`,
    );
    for (const task of tasks) {
      const parts = Object.entries(task.parts)
        .sort(([, a], [, b]) => b - a)
        .map(([label, ms]) => `${label} ${ms}`)
        .join(', ');
      console.log(`  at ${task.startMs}: ${task.durationMs} ms — ${parts}`);
      if (task.functions?.length)
        console.log(`      JS: ${task.functions.map(([fn, ms]) => `${fn} ${ms}`).join(', ')}`);
    }
    if (tasks.length === 0) console.log('  none ≥ 50 ms');
  }
}
