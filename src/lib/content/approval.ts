/**
 * Who the law's words name, and whose consent a carried span waits for: the facts the
 * generated practice questions and their gate (src/lib/learning/question-gate.ts) hold to,
 * and the words a checklist item's approval line shows («sự đồng ý» where 3.1 e says only
 * that, never «đồng ý, phê duyệt»).
 */
import { canonical } from '../vi.ts';
import type { Role } from './schema.ts';

/** The consent a span waits for, in the law's words, and whose it is. */
export interface ApprovalClause {
  /** "sự đồng ý, phê duyệt", "sự đồng ý" or "sự phê duyệt", as the span says it. */
  consent: string;
  /** The words after "của" that name whose consent: "lãnh đạo ca trực", "lãnh đạo". */
  of: string;
}

const CONSENT = /(sự đồng ý, phê duyệt|sự đồng ý|sự phê duyệt) của ([\p{L} ]+?)[.;,]?$/u;

/** The consent the first span that states one waits for ("… chỉ thực hiện khi có sự đồng ý của lãnh đạo ca trực"). */
export function approvalClause(spans: readonly string[]): ApprovalClause | undefined {
  for (const span of spans) {
    const match = CONSENT.exec(canonical(span));
    if (match) return { consent: match[1]!, of: match[2]!.toLocaleLowerCase('vi') };
  }
  return undefined;
}

const lower = (text: string) => canonical(text).toLocaleLowerCase('vi');

/**
 * The roles an article names (those holding one of its clauses, or mentioned in it): a phrase
 * of that article's law can only mean one of them. "art_7__para_1__point_a" → Article 7's.
 */
export function rolesOfArticle<R extends Pick<Role, 'holds' | 'mentionedIn'>>(roles: readonly R[], eId: string): R[] {
  const article = eId.split('__')[0]!;
  const inArticle = (id: string) => id === article || id.startsWith(`${article}__`);
  return roles.filter((role) => (role.holds !== undefined && inArticle(role.holds)) || role.mentionedIn?.some(inArticle));
}

/** A phrase begins a name as whole words: "lãnh đạo" begins "Lãnh đạo ca trực", not "Lãnh đạo cấp…"'s "lãnh đạo c". */
const begins = (name: string, phrase: string) => {
  const [n, p] = [lower(name), lower(phrase)];
  return n === p || n.startsWith(`${p} `);
};

/** The role a phrase of the law names exactly (its name or short name), if one does. */
export function roleNamedExactly(phrase: string, roles: readonly Role[]): Role | undefined {
  return roles.find((role) => [role.name, role.shortName].some((name) => name !== undefined && lower(name) === lower(phrase)));
}

/**
 * Every role a phrase of the law may mean: those whose name or short name begins with it
 * («lãnh đạo» may mean any «Lãnh đạo …»), and the roles that are one of those (`within`: the
 * Trưởng phòng is one of the lãnh đạo phòng). A generated question never grades them wrong.
 */
export function rolesNamedBy(phrase: string, roles: readonly Role[]): Set<string> {
  const named = new Set(
    roles
      .filter((role) => [role.name, role.shortName].some((name) => name !== undefined && begins(name, phrase)))
      .map((role) => role.id),
  );
  // `within` may chain (a deputy within a division's leaders within «lãnh đạo»): add until nothing changes.
  for (let grew = true; grew; ) {
    grew = false;
    for (const role of roles) {
      if (!named.has(role.id) && role.within?.some((group) => named.has(group))) {
        named.add(role.id);
        grew = true;
      }
    }
  }
  return named;
}

/**
 * The lines a checklist item with an approval shows, in its point's words: what it waits for
 * («Cần sự đồng ý của»), and the mark once given («Đã có sự đồng ý của Lãnh đạo ca trực»,
 * «Đã được Lãnh đạo ca trực phê duyệt»).
 */
export function approvalLines(spans: readonly string[], approver: string): { needs: string; given: string } {
  const consent = approvalClause(spans)?.consent ?? 'sự đồng ý, phê duyệt';
  return {
    needs: `Cần ${consent} của:`,
    given: consent === 'sự phê duyệt' ? `Đã được ${approver} phê duyệt` : `Đã có ${consent} của ${approver}`,
  };
}
