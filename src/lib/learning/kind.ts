/**
 * The learner's progress as one of the stores (src/lib/store/kept.ts): how it is loaded,
 * merged and checked, and a file a learner opens. Apart from state.ts, which the class view
 * also loads, so that it carries only what it reads.
 */
import type { Kind } from '../store/kept.ts';
import { FILE_STAMP_MAX, STAMP_BOUND } from '../store/limits.ts';
import {
  emptyState,
  LIMITS,
  loadState,
  mergeStates,
  STORAGE_KEY,
  type LearningState,
  type Loaded,
} from './state.ts';
import { storedProblem } from './wording.ts';

/**
 * Reads a file a learner opens: as stored progress, and its learner stamp no later than a
 * file may bring (one at the highest number would make every later rename unstorable).
 */
export function loadFile(
  raw: string,
): Loaded | { ok: false; state: LearningState; problem: 'far-stamp' } {
  const loaded = loadState(raw);
  return loaded.ok && loaded.state.learner.stamp > FILE_STAMP_MAX
    ? { ok: false, state: emptyState(), problem: 'far-stamp' }
    : loaded;
}

/** What every stored state keeps, checked on every save and merge (the schema checks the forms). */
export const fits = (state: LearningState): boolean =>
  state.answers.length <= LIMITS.answers &&
  state.marks.length <= LIMITS.marks &&
  state.learner.stamp <= STAMP_BOUND;

/** The learner's progress as one of the stores (src/lib/store/kept.ts). */
export const learningKind: Kind<LearningState> = {
  key: STORAGE_KEY,
  empty: emptyState,
  load(raw) {
    const loaded = loadState(raw);
    return loaded.ok
      ? { state: loaded.state, problem: null }
      : {
          state: loaded.state,
          problem: loaded.problem === 'newer' ? 'newer' : 'damaged',
          message: storedProblem(loaded.problem === 'newer' ? 'newer' : 'damaged'),
        };
  },
  // Stored without indentation (the exported file keeps it): a large progress fits better.
  serialise: (state) => JSON.stringify(state),
  merge: mergeStates,
  valid: fits,
};
