/**
 * The learning path of a role: read the role's duties → walk the flows it acts in → practise
 * every point it holds until learnt → take the drills it plays in. Each step is done or not;
 * the next step is the first not done. Reading and walking are marked by the learner (only
 * they know); practice is done when every point is learnt; a drill is done when its trainee
 * progress (drills/progress.ts, kept by the drill page) holds a right answer to every inject.
 */
import type { PointState } from './schedule.ts';
import type { LearningState } from './state.ts';

export const STEP_IDS = ['doc', 'flows', 'practice', 'drills'] as const;
export type StepId = (typeof STEP_IDS)[number];

/** "Tất cả" stands for the four roles together. */
export const ALL_ROLES = 'ca-bon-vai-tro';

/** The mark a learner sets for a step of a role's path ("doc:cong-chuc-gshqtt"). */
export const markId = (step: 'doc' | 'flows', role: string): string => `${step}:${role}`;

/** Whether a drill's stored trainee progress has a right answer to every one of `injects`. */
export function drillSolved(raw: string | null, injects: readonly string[]): boolean {
  if (raw === null) return false;
  try {
    const history = (JSON.parse(raw) as { history?: Record<string, unknown> }).history ?? {};
    return injects.every(
      (id) => Array.isArray(history[id]) && (history[id] as unknown[]).includes(true),
    );
  } catch {
    return false;
  }
}

export interface StepStatus {
  id: StepId;
  done: boolean;
}

/** Each step's status for `role`, from the state, its points' states and its drills' progress. */
export function pathStatus(
  state: LearningState,
  role: string,
  points: readonly PointState[],
  drillsDone: readonly boolean[],
): StepStatus[] {
  const marked = (step: 'doc' | 'flows') => state.marks.some((m) => m.step === markId(step, role));
  return [
    { id: 'doc', done: marked('doc') },
    { id: 'flows', done: marked('flows') },
    { id: 'practice', done: points.length > 0 && points.every((s) => s === 'learnt') },
    { id: 'drills', done: drillsDone.every(Boolean) },
  ];
}

/** The first step not done, or null when the path is complete. */
export const nextStep = (steps: readonly StepStatus[]): StepId | null =>
  steps.find((s) => !s.done)?.id ?? null;
