/** The learning path as the pages see it: the questions the content generates, once per build. */
import { getHandbook } from './handbook.ts';
import { drillOf, getDrillEntries } from './drills.ts';
import { generateQuestions, type Question } from '../lib/learning/questions.ts';
import type { DrillWithId } from '../lib/drills/model.ts';
import { ALL_ROLES } from '../lib/learning/path.ts';

let cached: Promise<{ questions: Question[]; drills: DrillWithId[] }> | undefined;

export function getLearning(): Promise<{ questions: Question[]; drills: DrillWithId[] }> {
  cached ??= getDrillEntries().then((entries) => {
    const drills = entries.map(drillOf);
    return { questions: generateQuestions(getHandbook(), drills), drills };
  });
  return cached;
}

/** The points a path covers: those its role holds, or all of them. */
export function pointsOfPath(role: string): string[] {
  const handbook = getHandbook();
  return handbook.points
    .filter((p) => role === ALL_ROLES || handbook.holderOf(p.eId).id === role)
    .map((p) => p.eId);
}
