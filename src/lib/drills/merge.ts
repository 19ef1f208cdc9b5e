/**
 * Two tabs of one drill: merging what another tab stored with what this tab holds, so that
 * neither loses work.
 *
 * - Trainee progress (progress.ts): answers are facts, never undone. Every answer given in
 *   either tab is kept: per inject, the answer histories are joined (a shared beginning
 *   once, then both tabs' later answers); the later round wins the queue, and within one
 *   round each tab's answers are kept.
 * - A trainer's report draft: stamped per field, merged in draft.ts and draft-merge.ts.
 */
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
