/**
 * Two tabs of one drill: merging what another tab stored with what this tab holds, so that
 * neither loses work.
 *
 * - Trainee progress (progress.ts): answers are facts, never undone. Every answer given in
 *   either tab is kept: per inject, the answer histories are joined (a shared beginning
 *   once, then both tabs' later answers); the later round wins the queue, and within one
 *   round each tab's answers are kept.
 * - A trainer's report draft (aar.ts): merged field by field against the last draft this tab
 *   read from the other tab (`base`). A field only one side changed takes that side's value;
 *   a field this tab wrote before and the other tab merely echoes back keeps this tab's newer
 *   value; a field both changed to different values keeps the same value in both tabs (the
 *   larger), and the tab whose text lost reports it, with its text, for the page to show both.
 */
import type { Report } from './aar.ts';
import type { Progress } from './progress.ts';

const json = (value: unknown): string => JSON.stringify(value) ?? 'undefined';
const larger = <T>(a: T, b: T): T => (json(a) >= json(b) ? a : b);

/** Two answer histories as one: the common beginning, then the rest of each (in a fixed order). */
function joinHistory(a: readonly boolean[], b: readonly boolean[]): boolean[] {
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common += 1;
  const [first, second] = json(a.slice(common)) <= json(b.slice(common)) ? [a, b] : [b, a];
  return [...a.slice(0, common), ...first.slice(common), ...second.slice(common)];
}

export function mergeProgress(a: Progress, b: Progress): Progress {
  if (a.drill !== b.drill || a.key !== b.key) return larger(a, b);
  const history: Progress['history'] = {};
  for (const id of [...new Set([...Object.keys(a.history), ...Object.keys(b.history)])].sort()) {
    history[id] = joinHistory(a.history[id] ?? [], b.history[id] ?? []);
  }
  if (a.round !== b.round) {
    const later = a.round > b.round ? a : b;
    return { ...later, history };
  }
  const queue = larger(a.queue, b.queue);
  const answers: Progress['answers'] = {};
  for (const id of queue) {
    const [x, y] = [a.answers[id], b.answers[id]];
    const kept = x && y ? larger(x, y) : (x ?? y);
    if (kept) answers[id] = kept;
  }
  return { ...a, queue, answers, history };
}

type Leaves = Map<string, unknown>;

/** The leaves of a JSON value by path ("exercise.place", "actions.0.owner"). */
function leaves(value: unknown, path = '', out: Leaves = new Map()): Leaves {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value)
      ? value.map((item, index) => [String(index), item] as const)
      : Object.entries(value);
    if (entries.length === 0) out.set(path, Array.isArray(value) ? [] : {});
    for (const [key, inner] of entries) leaves(inner, path ? `${path}.${key}` : key, out);
  } else out.set(path, value);
  return out;
}

/** Builds a JSON value back from its leaves; numeric path parts make arrays (holes closed up). */
function build(map: Leaves): unknown {
  const root: Record<string, unknown> = {};
  const paths = [...map.keys()];
  for (const [path, value] of map) {
    if (value === undefined) continue;
    // An empty list or object stands for its path only when nothing else is under it.
    if (
      typeof value === 'object' &&
      value !== null &&
      paths.some((other) => other.startsWith(`${path}.`))
    )
      continue;
    const parts = path.split('.');
    let node = root;
    parts.forEach((part, index) => {
      if (index === parts.length - 1) node[part] = value;
      else node = (node[part] ??= {}) as Record<string, unknown>;
    });
  }
  const arrays = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    const entries = Object.entries(value as Record<string, unknown>).map(
      ([key, inner]) => [key, arrays(inner)] as const,
    );
    if (entries.length > 0 && entries.every(([key]) => /^\d+$/.test(key))) {
      return entries.sort(([x], [y]) => Number(x) - Number(y)).map(([, inner]) => inner);
    }
    return Object.fromEntries(entries);
  };
  return arrays(root);
}

/** A field both tabs changed: the value kept (the other tab's) and this tab's. */
export interface DraftConflict {
  path: string;
  kept: unknown;
  mine: unknown;
}

/**
 * Merges the other tab's draft (`theirs`) into this tab's (`mine`), against `base` (the last
 * draft this tab read from storage) and `written` (the drafts this tab stored since then).
 */
export function mergeDraft(
  base: Report,
  mine: Report,
  theirs: Report,
  written: readonly Report[],
): { report: Report; conflicts: DraftConflict[] } {
  const [b, m, t] = [leaves(base), leaves(mine), leaves(theirs)];
  const writes = written.map((draft) => leaves(draft));
  const wrote = (path: string, value: string) => writes.some((w) => json(w.get(path)) === value);
  const merged: Leaves = new Map();
  const conflicts: DraftConflict[] = [];
  for (const path of new Set([...m.keys(), ...t.keys(), ...b.keys()])) {
    const [was, ours, other] = [json(b.get(path)), json(m.get(path)), json(t.get(path))];
    if (ours === other || ours === was) merged.set(path, t.get(path));
    else if (other === was || wrote(path, other)) merged.set(path, m.get(path));
    else {
      // Both changed it: both tabs keep the same one (the larger), and the tab whose text lost says so.
      const keepMine = ours > other;
      merged.set(path, keepMine ? m.get(path) : t.get(path));
      if (!keepMine) conflicts.push({ path, kept: t.get(path), mine: m.get(path) });
    }
  }
  // The report's own fields (format, drill, savedAt…) are the same in both: keep the other tab's shape.
  return { report: { ...theirs, ...(build(merged) as Report) }, conflicts };
}
