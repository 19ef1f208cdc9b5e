/**
 * Spaced repetition (Leitner boxes) over the answers a learner gave, replayed in order: a
 * right answer moves a question up one box and sets it due after that box's interval, a wrong
 * one sends it back to the first box, due again the same day. A point is "learnt" once its
 * questions were answered right on at least two different days and the last answer was right;
 * "not seen" before any answer; "practising" in between. Days are calendar days
 * ("yyyy-mm-dd") of the learner's clock, passed in: nothing here reads the time.
 */

/** Days until a question is due again, by the box a right answer moved it to (1…5). */
export const BOX_INTERVALS = [0, 1, 2, 4, 8, 16] as const;
export const TOP_BOX = BOX_INTERVALS.length - 1;
/** Different days with a right answer before a point counts as learnt. */
export const DAYS_TO_LEARN = 2;

export interface Answer {
  /** Unique per answer (two tabs never make the same one). */
  id: string;
  /** The question id (questions.ts). */
  q: string;
  /** The learner's calendar day. */
  day: string;
  /** The instant, ISO: orders the replay. */
  at: string;
  right: boolean;
}

export interface Card {
  box: number;
  due: string;
}

export type PointState = 'new' | 'practising' | 'learnt';

/** "2026-11-29" + 3 → "2026-12-02" (calendar arithmetic, no time zone involved). */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The calendar day of `now` on the learner's clock (local time). */
export const localDay = (now: Date): string =>
  `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

const byTime = (a: Answer, b: Answer) =>
  a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Each answered question's box and due day, replaying the answers in time order. */
export function cardsOf(answers: readonly Answer[]): Map<string, Card> {
  const cards = new Map<string, Card>();
  for (const answer of [...answers].sort(byTime)) {
    const box = answer.right ? Math.min(TOP_BOX, (cards.get(answer.q)?.box ?? 0) + 1) : 0;
    cards.set(answer.q, { box, due: addDays(answer.day, BOX_INTERVALS[box] ?? 0) });
  }
  return cards;
}

/** The state of one point from the answers to its questions (`questions`: their ids). */
export function pointState(answers: readonly Answer[], questions: ReadonlySet<string>): PointState {
  const own = answers.filter((answer) => questions.has(answer.q)).sort(byTime);
  if (own.length === 0) return 'new';
  const rightDays = new Set(own.filter((answer) => answer.right).map((answer) => answer.day));
  return rightDays.size >= DAYS_TO_LEARN && own[own.length - 1]?.right ? 'learnt' : 'practising';
}

/**
 * Questions by point, for the map: point eId → the ids of the questions that count towards it.
 * A question on the handbook's own arrangement (`layout`) counts for no point.
 */
export function questionsByPoint(
  questions: readonly { id: string; point: string; layout?: true }[],
): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const q of questions)
    if (!q.layout) map.set(q.point, (map.get(q.point) ?? new Set()).add(q.id));
  return map;
}

export interface Queue {
  /** Seen questions due today or earlier, the longest overdue and lowest box first. */
  due: string[];
  /** Questions never answered, in the order given. */
  fresh: string[];
  /** The next day a seen question falls due after today, if any. */
  nextDue: string | null;
}

/** What to practise on `today` among `questions` (ids, in the order to ask new ones). */
export function queueFor(
  answers: readonly Answer[],
  questions: readonly string[],
  today: string,
): Queue {
  const cards = cardsOf(answers);
  const seen = questions.filter((id) => cards.has(id));
  const due = seen
    .filter((id) => (cards.get(id)?.due ?? today) <= today)
    .sort((a, b) => {
      const [x, y] = [cards.get(a)!, cards.get(b)!];
      return x.due < y.due ? -1 : x.due > y.due ? 1 : x.box - y.box;
    });
  const later = seen
    .map((id) => cards.get(id)!.due)
    .filter((day) => day > today)
    .sort();
  return { due, fresh: questions.filter((id) => !cards.has(id)), nextDue: later[0] ?? null };
}
