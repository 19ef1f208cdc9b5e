/**
 * A trainer's view of a class: the learners' exported progress files read in the browser
 * (nothing leaves it), each point's state per learner, and per point the share of the class
 * that has learnt it, worst first. A file that is not a learner's progress, or that repeats a
 * learner already read (the same name, or the very same answers), is refused with its file
 * named; the others are still read. Points an after-action report rated "chưa đạt" can be
 * added (class-reports.ts, loaded when a report is opened).
 */
import { pointState, questionsByPoint, type PointState } from './schedule.ts';
import { loadState, type LearningState } from './state.ts';

export interface LearnerFile {
  /** The file's name, as the trainer chose it. */
  name: string;
  text: string;
}

export type Refusal =
  | { file: string; why: 'damaged' | 'newer' | 'other-format' | 'no-name' }
  | { file: string; why: 'duplicate'; of: string };

export interface Learner {
  file: string;
  name: string;
  role: string | null;
  /** First and last day with an answer (null before any). */
  from: string | null;
  to: string | null;
  states: Record<string, PointState>;
}

export interface PointShare {
  point: string;
  learnt: number;
  total: number;
}

export interface ClassView {
  learners: Learner[];
  refused: Refusal[];
  /** Every point, the smallest share learnt first (ties: the law's order). */
  shares: PointShare[];
}

const sameName = (a: string, b: string) =>
  a.normalize('NFC').toLocaleLowerCase('vi') === b.normalize('NFC').toLocaleLowerCase('vi');
const answerKey = (state: LearningState) =>
  state.answers
    .map((a) => a.id)
    .sort()
    .join(',');

/** Each point's state for one learner. */
export function learnerStates(
  state: LearningState,
  questions: readonly { id: string; point: string }[],
  points: readonly string[],
): Record<string, PointState> {
  const byPoint = questionsByPoint(questions);
  return Object.fromEntries(
    points.map((point) => [point, pointState(state.answers, byPoint.get(point) ?? new Set())]),
  );
}

/** Reads the files, in the order given, and aggregates the learners kept. */
export function aggregateClass(
  files: readonly LearnerFile[],
  questions: readonly { id: string; point: string }[],
  points: readonly string[],
): ClassView {
  const learners: (Learner & { key: string })[] = [];
  const refused: Refusal[] = [];
  for (const file of files) {
    const loaded = loadState(file.text);
    if (!loaded.ok) {
      refused.push({ file: file.name, why: loaded.problem });
      continue;
    }
    const { state } = loaded;
    if (state.learner.name.trim() === '') {
      refused.push({ file: file.name, why: 'no-name' });
      continue;
    }
    const key = answerKey(state);
    const twin = learners.find(
      (l) => sameName(l.name, state.learner.name) || (key !== '' && l.key === key),
    );
    if (twin) {
      refused.push({ file: file.name, why: 'duplicate', of: twin.file });
      continue;
    }
    const days = state.answers.map((a) => a.day).sort();
    learners.push({
      key,
      file: file.name,
      name: state.learner.name,
      role: state.learner.role,
      from: days[0] ?? null,
      to: days[days.length - 1] ?? null,
      states: learnerStates(state, questions, points),
    });
  }
  const order = new Map(points.map((point, index) => [point, index]));
  const shares = points
    .map((point) => ({
      point,
      learnt: learners.filter((l) => l.states[point] === 'learnt').length,
      total: learners.length,
    }))
    .sort(
      (a, b) =>
        a.learnt * b.total - b.learnt * a.total || order.get(a.point)! - order.get(b.point)!,
    );
  return { learners: learners.map(({ key: _key, ...learner }) => learner), refused, shares };
}

/**
 * The class on paper: one row per learner (however many, rows go on to the next page under
 * the same heading) and one column per point, worst first as on screen, so that every
 * learner prints; the last row gives each point's share. Points an after-action report rated
 * «Chưa đạt» are flagged.
 */
export interface PaperTable {
  columns: { point: string; label: string; failed: boolean }[];
  rows: { name: string; states: PointState[] }[];
  shares: { learnt: number; total: number }[];
}

export function paperTable(
  view: ClassView,
  labelOf: (point: string) => string,
  failed: ReadonlySet<string> = new Set(),
): PaperTable {
  const columns = view.shares.map(({ point }) => ({
    point,
    label: labelOf(point),
    failed: failed.has(point),
  }));
  return {
    columns,
    rows: view.learners.map((learner) => ({
      name: learner.name,
      states: columns.map(({ point }) => learner.states[point] ?? 'new'),
    })),
    shares: view.shares.map(({ learnt, total }) => ({ learnt, total })),
  };
}
