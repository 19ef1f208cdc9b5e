/**
 * A learner's progress as kept on the device (localStorage) and moved as a file:
 *
 *   { "format": "so-tay-truc-ban/hoc-tap", "version": 1,
 *     "learner": { "name": "…", "role": "<role id>" | null, "stamp": <ms> },
 *     "answers": [{ "id", "q": "<question id>", "day": "yyyy-mm-dd", "at": "<instant>", "right": true }],
 *     "marks": [{ "step": "<path step id>", "day": "yyyy-mm-dd" }] }
 *
 * Answers are facts, never changed: the schedule is replayed from them (schedule.ts), so two
 * tabs merge by keeping every answer of both (union by id), and nothing a tab did is lost.
 * The learner's name and role are one field, the later stamp winning; a step marked done
 * keeps its earliest day. Answers to questions the content no longer generates are kept
 * (and saved again) but count for nothing.
 */
import {
  array,
  boolean,
  integer,
  literal,
  matches,
  nullable,
  object,
  string,
  length,
  type Infer,
} from '../checklist/validator.ts';
import type { Answer } from './schedule.ts';

export const LEARNING_FORMAT = 'so-tay-truc-ban/hoc-tap';
export const LEARNING_VERSION = 1;
export const STORAGE_KEY = 'so-tay-truc-ban:hoc-tap';
export const LIMITS = { name: 80, answers: 50_000, marks: 200 } as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const answerSchema = object({
  id: string(matches(/^[\w-]{1,40}$/, 'id')),
  q: string(matches(/^[\w:-]{1,200}$/, 'question')),
  day: string(matches(DAY, 'date')),
  at: string(matches(INSTANT, 'instant')),
  right: boolean(),
});

export const stateSchema = object({
  format: literal(LEARNING_FORMAT),
  version: literal(LEARNING_VERSION),
  learner: object({
    name: string(...length(0, LIMITS.name)),
    role: nullable(string(matches(SLUG, 'slug'))),
    stamp: integer(0, Number.MAX_SAFE_INTEGER),
  }),
  answers: array(answerSchema, LIMITS.answers, (answer) => answer.id),
  marks: array(
    object({ step: string(matches(/^[\w:-]{1,80}$/, 'step')), day: string(matches(DAY, 'date')) }),
    LIMITS.marks,
    (m) => m.step,
  ),
});

export type LearningState = Infer<typeof stateSchema>;
export type Mark = LearningState['marks'][number];

export const emptyState = (): LearningState => ({
  format: LEARNING_FORMAT,
  version: LEARNING_VERSION,
  learner: { name: '', role: null, stamp: 0 },
  answers: [],
  marks: [],
});

/** Adds an answer (ignored if one with its id is there already). */
export const recordAnswer = (state: LearningState, answer: Answer): LearningState =>
  state.answers.some((a) => a.id === answer.id)
    ? state
    : { ...state, answers: [...state.answers, answer] };

/**
 * The instant to record an answer at: `now`, or just after the latest answer kept when the
 * clock has not moved past it (a frozen or set-back clock), so that the replay keeps the
 * order in which this device answered.
 */
export function answerInstant(state: LearningState, now: Date): string {
  const latest = state.answers.reduce((max, a) => Math.max(max, Date.parse(a.at)), 0);
  return new Date(Math.max(now.getTime(), latest + 1)).toISOString();
}

/** Sets the learner's name and role (trimmed, NFC), stamped so that the later change wins in a merge. */
export const setLearner = (
  state: LearningState,
  name: string,
  role: string | null,
  stamp: number,
): LearningState => ({
  ...state,
  learner: {
    // Never cut: the page refuses a longer name where it is typed.
    name: name.normalize('NFC').trim(),
    role,
    stamp: Math.max(stamp, state.learner.stamp + 1),
  },
});

/** Marks a step of the path done on `day` (a step marked before keeps its first day). */
export const markStep = (state: LearningState, step: string, day: string): LearningState =>
  state.marks.some((m) => m.step === step)
    ? state
    : { ...state, marks: [...state.marks, { step, day }] };

const json = (value: unknown): string => JSON.stringify(value) ?? '';

/** The union of two states: every answer and mark of both, the later learner fields. Order-independent. */
export function mergeStates(a: LearningState, b: LearningState): LearningState {
  const answers = new Map<string, Answer>();
  for (const answer of [...a.answers, ...b.answers]) {
    const other = answers.get(answer.id);
    answers.set(answer.id, other && json(other) > json(answer) ? other : answer);
  }
  const marks = new Map<string, Mark>();
  for (const mark of [...a.marks, ...b.marks]) {
    const other = marks.get(mark.step);
    if (!other || mark.day < other.day) marks.set(mark.step, mark);
  }
  const learner =
    a.learner.stamp !== b.learner.stamp
      ? a.learner.stamp > b.learner.stamp
        ? a.learner
        : b.learner
      : json(a.learner) >= json(b.learner)
        ? a.learner
        : b.learner;
  const sorted = [...answers.values()].sort((x, y) =>
    x.at < y.at ? -1 : x.at > y.at ? 1 : x.id < y.id ? -1 : 1,
  );
  return {
    ...emptyState(),
    learner,
    answers: sorted,
    marks: [...marks.values()].sort((x, y) => (x.step < y.step ? -1 : 1)),
  };
}

/** The stored or exported text: indented JSON, readable in any editor. */
export const serialiseState = (state: LearningState): string =>
  `${JSON.stringify(state, null, 2)}\n`;

/** "hoc-tap-nguyen-van-an-2026-11-29.json": the learner's name without tone marks. */
export function stateFileName(state: LearningState, today: string): string {
  const slug = state.learner.name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `hoc-tap-${slug ? `${slug}-` : ''}${today}.json`;
}

export type Loaded =
  | { ok: true; state: LearningState; problem: null }
  | { ok: false; state: LearningState; problem: 'damaged' | 'newer' | 'other-format' };

/**
 * Reads a stored or exported state. What cannot be used gives a fresh state and the reason
 * (the caller keeps the text aside and says so: nothing is lost). Never throws.
 */
export function loadState(raw: string | null): Loaded {
  if (raw === null) return { ok: true, state: emptyState(), problem: null };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, state: emptyState(), problem: 'damaged' };
  }
  const parsed = stateSchema.safeParse(data);
  if (parsed.success) return { ok: true, state: parsed.data, problem: null };
  const { format, version } = (typeof data === 'object' && data !== null ? data : {}) as {
    format?: unknown;
    version?: unknown;
  };
  if (format !== LEARNING_FORMAT)
    return {
      ok: false,
      state: emptyState(),
      problem: format === undefined ? 'damaged' : 'other-format',
    };
  if (typeof version === 'number' && version > LEARNING_VERSION)
    return { ok: false, state: emptyState(), problem: 'newer' };
  return { ok: false, state: emptyState(), problem: 'damaged' };
}

/** Where stored progress that could not be used is kept. */
export const setAsideKey = (now: Date): string => `${STORAGE_KEY}:set-aside:${now.toISOString()}`;
