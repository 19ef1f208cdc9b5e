/**
 * What the search index holds besides the HTML pages: each point of the law as its own
 * result (linking to /dieu-7/#<eId>) and each checklist item (linking to its role page).
 * Filter names and labels live here too, for the build and the search page alike.
 */
import type { Handbook } from '../content/handbook.ts';
import { routes } from '../site/routes.ts';
import { upperFirst } from '../vi.ts';

/** Pagefind filter keys. */
export const FILTER_ROLE = 'vai_tro';
export const FILTER_KIND = 'loai';

/** The kinds of result, as the "loại" filter shows them. */
export const RESULT_KINDS = {
  article: 'Điều khoản',
  checklist: 'Việc cần làm',
  flow: 'Quy trình',
  drill: 'Diễn tập',
  form: 'Biểu mẫu',
  about: 'Giới thiệu',
} as const;
export type ResultKind = keyof typeof RESULT_KINDS;

export interface SearchRecord {
  url: string;
  content: string;
  language: 'vi';
  /** `label`, where set, is what the results show instead of the title. */
  meta: { title: string; label?: string; citation?: string; role?: string };
  filters: Record<string, string[]>;
}

export function searchRecords(handbook: Handbook): SearchRecord[] {
  const points: SearchRecord[] = handbook.points.map((point) => {
    const holder = handbook.holderOf(point.eId);
    const label = upperFirst(point.label);
    const clause = handbook.provision(point.parent ?? point.eId);
    const clauseLabel = upperFirst(clause.label);
    return {
      url: routes.article(point.eId),
      // The point's letter stays out of the content and the title: Pagefind lets a lone
      // "d" match every query word that starts with d ("dieu", "dao"…). "Khoản 1 Điều 7"
      // is enough for "điều 7" or "khoản 3.1" to find the points; the page shows `label`.
      content: `${clauseLabel}. ${point.text ?? ''}`,
      language: 'vi',
      meta: {
        title: `${clauseLabel}: ${clause.heading ?? ''}`,
        label,
        citation: label,
        role: holder.name,
      },
      filters: { [FILTER_KIND]: [RESULT_KINDS.article], [FILTER_ROLE]: [holder.name] },
    };
  });
  const items: SearchRecord[] = handbook.duties.map((duty) => {
    const role = handbook.role(duty.role);
    const label = upperFirst(handbook.provision(duty.point).label);
    return {
      url: routes.role(duty.role, duty.id),
      content: `${duty.action}. ${role.name}.`,
      language: 'vi',
      meta: { title: duty.action, citation: label, role: role.name },
      filters: { [FILTER_KIND]: [RESULT_KINDS.checklist], [FILTER_ROLE]: [role.name] },
    };
  });
  return [...points, ...items];
}

/**
 * The page as Pagefind should read it: Pagefind joins the text of adjacent table parts
 * (caption, cells) without a space, so that the forms page's excerpt ran «trực banPhần của
 * mẫuCăn cứ…». A space after each closing cell, row and caption tag keeps the words apart;
 * the page served is unchanged (only the copy given to the index).
 */
export const spaceTableCells = (html: string): string =>
  html.replace(/<\/(td|th|tr|caption)>/gi, '</$1> ');
