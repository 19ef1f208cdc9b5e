/**
 * A trainee's progress through one drill, as kept in the browser (localStorage, one key
 * per drill), and the pure steps that change it.
 *
 * Format, version 1 (JSON):
 *
 *   { "format": "so-tay-truc-ban/drill", "version": 1, "drill": "<drill id>",
 *     "key": "<fingerprint of the answer key>",   // see answerKeyFingerprint
 *     "round": 1,                                 // 1, then 2, 3… for each retry of the missed
 *     "queue": ["<inject id>", …],                // the injects of this round, in order
 *     "answers": { "<inject id>": { "chosen": ["<option id>", …], "right": true } },  // this round
 *     "history": { "<inject id>": [false, true] } }  // right or not, every answer ever given
 *
 * The score is the first answer of each inject; a retry round asks again only the injects
 * the round before got wrong. No zod here: the page validates stored progress with
 * progress-load.ts, fetched only when there is stored progress to read.
 */

/** The stored progress (validated on load by progress-load.ts). */
export interface Progress {
  format: typeof FORMAT;
  version: typeof VERSION;
  drill: string;
  key: string;
  round: number;
  queue: string[];
  answers: Record<string, { chosen: string[]; right: boolean }>;
  history: Record<string, boolean[]>;
}

export const FORMAT = 'so-tay-truc-ban/drill';
export const VERSION = 1;

/** Fresh progress: round 1 over every inject. */
export const startProgress = (
  drill: string,
  key: string,
  injects: readonly string[],
): Progress => ({
  format: FORMAT,
  version: VERSION,
  drill,
  key,
  round: 1,
  queue: [...injects],
  answers: {},
  history: {},
});

/** The inject to answer next in this round, or null when the round is over. */
export const currentInject = (progress: Progress): string | null =>
  progress.queue.find((id) => !(id in progress.answers)) ?? null;

/** Whether the chosen options are exactly the correct ones (no more, no fewer). */
export const isRight = (chosen: readonly string[], correct: readonly string[]): boolean =>
  chosen.length === correct.length &&
  correct.every((id) => chosen.includes(id)) &&
  new Set(chosen).size === chosen.length;

/** Records the answer to the current inject. */
export function answer(
  progress: Progress,
  inject: string,
  chosen: readonly string[],
  correct: readonly string[],
): Progress {
  if (currentInject(progress) !== inject)
    throw new Error(`Not the inject to answer now: ${inject}`);
  if (chosen.length === 0) throw new Error('No option chosen');
  const right = isRight(chosen, correct);
  return {
    ...progress,
    answers: { ...progress.answers, [inject]: { chosen: [...chosen], right } },
    history: { ...progress.history, [inject]: [...(progress.history[inject] ?? []), right] },
  };
}

/** The injects of this round answered wrong, in order. */
export const missed = (progress: Progress): string[] =>
  progress.queue.filter((id) => progress.answers[id]?.right === false);

/** A new round over the injects this round got wrong. */
export function retryMissed(progress: Progress): Progress {
  const again = missed(progress);
  if (currentInject(progress) !== null || again.length === 0) throw new Error('Nothing to retry');
  return { ...progress, round: progress.round + 1, queue: again, answers: {} };
}

export interface Score {
  /** Injects right at the first answer. */
  first: number;
  /** Injects answered right at least once, retries included. */
  solved: number;
  total: number;
}

/** The score over the drill's injects. */
export function score(progress: Progress, injects: readonly string[]): Score {
  const history = (id: string) => progress.history[id] ?? [];
  return {
    first: injects.filter((id) => history(id)[0] === true).length,
    solved: injects.filter((id) => history(id).includes(true)).length,
    total: injects.length,
  };
}

/** The localStorage key of a drill's progress. */
export const storageKey = (drill: string): string => `so-tay-truc-ban:drill:${drill}`;

/** Where progress that could not be used is kept. */
export const setAsideKey = (drill: string, now: Date): string =>
  `${storageKey(drill)}:set-aside:${now.toISOString()}`;
