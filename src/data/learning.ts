/** The learning path as the pages see it: the questions the content generates, once per build. */
import { getHandbook } from './handbook.ts';
import { drillOf, getDrillEntries } from './drills.ts';
import { generateQuestions, type Question } from '../lib/learning/questions.ts';
import type { DrillWithId } from '../lib/drills/model.ts';
import { ALL_ROLES } from '../lib/learning/path.ts';
import { indexBy, under } from '../lib/group.ts';

export interface Learning {
  questions: Question[];
  drills: DrillWithId[];
  /** The questions that count towards knowing a point, in the questions' order. */
  questionsOf: (point: string) => Question[];
  /** The questions on a point that ask the handbook's arrangement: practised, counted for nothing. */
  layoutQuestionsOf: (point: string) => Question[];
}

let cached: Promise<Learning> | undefined;

export function getLearning(): Promise<Learning> {
  cached ??= getDrillEntries().then((entries) => {
    const drills = entries.map(drillOf);
    const questions = generateQuestions(getHandbook(), drills);
    const byPoint = indexBy(
      questions.filter((q) => !q.layout),
      (q) => [q.point],
    );
    const layoutByPoint = indexBy(
      questions.filter((q) => q.layout),
      (q) => [q.point],
    );
    return {
      questions,
      drills,
      questionsOf: (point) => under(byPoint, point),
      layoutQuestionsOf: (point) => under(layoutByPoint, point),
    };
  });
  return cached;
}

/** The points a path covers: those its role holds, or all of them. */
export function pointsOfPath(role: string): string[] {
  const handbook = getHandbook();
  return (role === ALL_ROLES ? handbook.points : handbook.pointsHeldBy(role)).map((p) => p.eId);
}
