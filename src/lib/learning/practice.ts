/**
 * What practice asks and says, as pure functions: the questions in a scope (a role's points,
 * one point, or all), the round to ask today, and the lines around a question.
 */
import type { Question } from './questions.ts';
import { queueFor, type Answer } from './schedule.ts';

/** Questions asked in one round at most. */
export const ROUND_LENGTH = 10;

/** The data practice loads when it starts (/hoc-tap/cau-hoi.json). */
export interface PracticeData {
  questions: Question[];
  provisions: Record<string, { label: string; text: string; href: string }>;
  readings: Record<string, string>;
  /** Point eId → the role that holds it. */
  holders: Record<string, string>;
  /** Role id → name. */
  roles: Record<string, string>;
}

export type Scope = { role: string } | { point: string } | null;

/** The scope a practice URL asks for (?vai-tro=… or ?diem=…), if it names a known one. */
export function scopeOf(search: string, data: Pick<PracticeData, 'holders' | 'roles'>): Scope {
  const params = new URLSearchParams(search);
  const point = params.get('diem');
  if (point && point in data.holders) return { point };
  const role = params.get('vai-tro');
  if (role && Object.values(data.holders).includes(role)) return { role };
  return null;
}

/** The questions of a scope, in the order new ones are asked. */
export const questionsIn = (data: PracticeData, scope: Scope): Question[] =>
  data.questions.filter((q) =>
    scope === null
      ? true
      : 'point' in scope
        ? q.point === scope.point
        : data.holders[q.point] === scope.role,
  );

/** Today's round: the due questions first, then new ones, at most ROUND_LENGTH. */
export function roundFor(
  answers: readonly Answer[],
  questions: readonly Question[],
  today: string,
): string[] {
  const queue = queueFor(
    answers,
    questions.map((q) => q.id),
    today,
  );
  return [...queue.due, ...queue.fresh].slice(0, ROUND_LENGTH);
}

/** "Luyện tập: Công chức …", "Luyện tập: điểm c khoản 3.2 Điều 7", "Luyện tập: cả bốn vai trò". */
export function scopeTitle(data: PracticeData, scope: Scope): string {
  if (scope === null) return 'Luyện tập: cả bốn vai trò';
  if ('point' in scope) return `Luyện tập: ${data.provisions[scope.point]?.label ?? scope.point}`;
  return `Luyện tập: ${data.roles[scope.role] ?? scope.role}`;
}

/** "Câu 3/10". */
export const questionHead = (index: number, total: number): string => `Câu ${index + 1}/${total}`;

/** The right answer(s), as the feedback states them. */
export const rightLine = (q: Pick<Question, 'options' | 'correct'>): string =>
  `Đáp án: ${q.options
    .filter((o) => q.correct.includes(o.id))
    .map((o) => o.text)
    .join('; ')}.`;

/** The handbook's line a question is about, in guillemets (its own words, not the law's). */
export const subjectLine = (subject: string): string => `Việc: «${subject}»`;
