/**
 * "Ai làm việc này?": a quiz generated from the checklist items — each item's action line
 * is a question, the role that holds it the answer. Nothing is written for the quiz: the
 * questions change when the items do. An item whose line reads almost like another role's
 * item is left out, because from the line alone the answer would not be settled.
 */

export interface QuizSource {
  /** The checklist item id. */
  id: string;
  /** The item's action line (the question). */
  action: string;
  /** The role that holds it (the answer). */
  role: string;
}

/**
 * The items whose role holds the clause of their point: there the text says who does them. An
 * item on another role's list by a reading (3.1 d's unnamed part, read as the officers') is
 * never asked "Ai làm việc này?": the text does not say, so no other role is wrong.
 */
export function itemsTheTextAssigns<T extends { id: string; role: string }>(
  items: readonly T[],
  holders: readonly { id: string; holds?: string | undefined }[],
): T[] {
  const holds = new Map(holders.map((role) => [role.id, role.holds]));
  return items.filter((item) => {
    const clause = holds.get(item.role);
    return clause !== undefined && item.id.split('--')[0]!.startsWith(`${clause}__`);
  });
}

/** How much of the shorter line's words the longer one shares, above which two lines read alike. */
export const CONFUSABLE_OVERLAP = 0.75;

const words = (line: string): Set<string> =>
  new Set(
    line
      .normalize('NFC')
      .toLocaleLowerCase('vi')
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean),
  );

/** The share of the smaller set's words that the other set also has (0…1). */
function sharedShare(first: Set<string>, second: Set<string>): number {
  const [small, large] = first.size <= second.size ? [first, second] : [second, first];
  let shared = 0;
  for (const word of small) if (large.has(word)) shared++;
  return shared / Math.max(1, small.size);
}

/** The share of the shorter line's words that the other line also has (0…1). */
export const overlap = (a: string, b: string): number => sharedShare(words(a), words(b));

export interface QuizPool<T extends QuizSource> {
  /** Items that make a question. */
  pool: T[];
  /** Items left out, each with the other roles' items it reads like. */
  excluded: { item: T; like: T[] }[];
}

/** The article an eId belongs to ("art_7__para_1__point_a--x" → "art_7"). */
export const articleOfEId = (eId: string): string => eId.split('__')[0] ?? eId;

/** The article an item carries out, from its id. */
export const articleOf = (item: QuizSource): string => articleOfEId(item.id);

/**
 * Splits the items into those the quiz asks and those it leaves out as confusable. Lines are
 * compared within their article only (a question names its article's roles): with a articles
 * of k items, a·k² comparisons, linear in the content, where all pairs would be (a·k)². Each
 * line is split into words once.
 */
export function quizPool<T extends QuizSource>(
  items: readonly T[],
  threshold = CONFUSABLE_OVERLAP,
): QuizPool<T> {
  const byArticle = new Map<string, { item: T; words: Set<string> }[]>();
  for (const item of items) {
    const group = byArticle.get(articleOf(item)) ?? [];
    group.push({ item, words: words(item.action) });
    byArticle.set(articleOf(item), group);
  }
  const likeOf = new Map<T, T[]>();
  for (const lines of byArticle.values()) {
    for (const { item, words: own } of lines) {
      const like = lines.filter(
        (other) => other.item.role !== item.role && sharedShare(own, other.words) >= threshold,
      );
      likeOf.set(
        item,
        like.map((other) => other.item),
      );
    }
  }
  const pool: T[] = [];
  const excluded: QuizPool<T>['excluded'] = [];
  for (const item of items) {
    const like = likeOf.get(item) ?? [];
    if (like.length > 0) excluded.push({ item, like });
    else pool.push(item);
  }
  return { pool, excluded };
}

/**
 * `count` items of the pool in random order, each at most once (Fisher–Yates on a copy).
 * `random` returns numbers in [0, 1), like Math.random; tests pass a seeded one.
 */
export function drawQuiz<T>(
  pool: readonly T[],
  count: number,
  random: () => number = Math.random,
): T[] {
  const items = [...pool];
  const n = Math.min(Math.max(0, Math.floor(count)), items.length);
  for (let i = 0; i < n; i++) {
    const j = Math.min(items.length - 1, i + Math.floor(random() * (items.length - i)));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items.slice(0, n);
}

/** Questions in one round of the quiz. */
export const QUIZ_LENGTH = 10;

/** One article's part of the quiz: its questions, and its duty holders as every question's options. */
export interface QuizArticle<T, R> {
  article: string;
  questions: T[];
  options: R[];
}

/**
 * The pool by article, in the order the items come, each with the roles that hold a clause of
 * that article (`holds`, an eId) as its options. A question offers its own article's duty
 * holders only: the page grows with questions × roles of one article, linearly with the
 * content, where every role of every article would make it grow with its square.
 */
export function quizArticles<T extends QuizSource, R extends { holds?: string | undefined }>(
  pool: readonly T[],
  holders: readonly R[],
): QuizArticle<T, R>[] {
  const byArticle = new Map<string, T[]>();
  for (const item of pool) {
    const article = articleOf(item);
    const questions = byArticle.get(article) ?? [];
    questions.push(item);
    byArticle.set(article, questions);
  }
  return [...byArticle].map(([article, questions]) => ({
    article,
    questions,
    options: holders.filter((role) => role.holds && articleOfEId(role.holds) === article),
  }));
}

/**
 * A round of the quiz: one article, then up to `count` of its questions in random order
 * (drawQuiz). The article is drawn by its share of all questions, so that every question is
 * as likely to be asked; with one article nothing is drawn for it, and the round is
 * drawQuiz's over that article's questions.
 */
export function drawRound<T>(
  articles: readonly (readonly T[])[],
  count: number,
  random: () => number = Math.random,
): T[] {
  const asked = articles.filter((questions) => questions.length > 0);
  let chosen = asked[0] ?? [];
  if (asked.length > 1) {
    const total = asked.reduce((sum, questions) => sum + questions.length, 0);
    let at = Math.floor(random() * total);
    for (const questions of asked) {
      chosen = questions;
      if (at < questions.length) break;
      at -= questions.length;
    }
  }
  return drawQuiz(chosen, count, random);
}
