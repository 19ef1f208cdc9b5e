/**
 * Which checklist items apply only when something arises, read from the point's own words
 * (checklists.yaml `notArising`, the handbook's reading `khong-phat-sinh-trong-ca`): the
 * officer may mark such an item «không phát sinh trong ca». Never a list of items: a change of
 * the law or of an item's carried words changes the answer.
 *
 * A point is read clause by clause (a clause ends at «;» or at «.» before the next sentence).
 * An item is conditional when one of the law's condition words stands in the clause of its
 * carried words before they end: within them (3.1 b «… khi có thông tin, tình huống phát
 * sinh»), or earlier in the clause, which the condition then governs (1 d «Khi có thông tin,
 * tình huống phát sinh thì …, và có phương án chỉ đạo phù hợp»). A condition said after an
 * item's words is another duty's (3.1 d: «Phân công … ngoài giờ hành chính» does not wait for
 * «khi có thông tin, tình huống phát sinh», which closes the point), and one in another clause
 * too (1 b: only «xử lý khi phát hiện vi phạm» waits for a finding).
 */
import { canonical } from '../vi.ts';
import { occurrences } from './spans.ts';

/** Where the clauses of a canonical text start: at 0, after «;», and after «.» that ends a sentence. */
const clauseStarts = (body: string): number[] => [
  0,
  ...[...body.matchAll(/;|\.(?=\s)/g)].map((match) => match.index + 1),
];

/**
 * The condition words that make an item conditional, as the point says them and in its order
 * (["Khi có thông tin, tình huống phát sinh", "khi có sự đồng ý"]); none when its carried words
 * apply whatever arises. `words` are the law's condition words (checklists.yaml), `carries`
 * the item's spans.
 */
export function arisingWords(
  pointText: string,
  carries: readonly string[],
  words: readonly string[],
): string[] {
  const body = canonical(pointText);
  const starts = clauseStarts(body);
  const found = new Map<number, string>();
  for (const span of carries) {
    const length = canonical(span).length;
    for (const start of occurrences(body, span)) {
      const end = start + length;
      const clauseStart = starts.filter((at) => at <= start).at(-1) ?? 0;
      for (const condition of words)
        for (const at of occurrences(body, condition))
          if (at >= clauseStart && at < end)
            found.set(at, body.slice(at, at + canonical(condition).length));
    }
  }
  return [...found].sort(([a], [b]) => a - b).map(([, said]) => said);
}
