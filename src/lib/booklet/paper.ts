/**
 * The paper sizes the printed booklet (/in/) is laid out for: A4 by default, A5 as a pocket
 * booklet. Paged.js takes the page box from the `@page` rule made here; the type sizes that go
 * with each paper are in src/styles/booklet.css (`[data-paper]`).
 */

export interface Paper {
  id: 'a4' | 'a5';
  /** As people name it, and as CSS `size` takes it. */
  name: 'A4' | 'A5';
  /** CSS `margin` of the page box: top, outer sides, bottom (the running head and the page number sit in it). */
  margin: string;
}

export const PAPERS: Record<Paper['id'], Paper> = {
  a4: { id: 'a4', name: 'A4', margin: '20mm 18mm 20mm' },
  a5: { id: 'a5', name: 'A5', margin: '14mm 12mm 15mm' },
};

/** The query parameter that chooses the paper (`/in/?kho=a5`); anything else is A4. */
export const PAPER_PARAM = 'kho';

/** The paper a page address asks for: `?kho=a5` (any case) is A5, everything else A4. */
export function paperFromSearch(search: string): Paper {
  const wanted = new URLSearchParams(search).get(PAPER_PARAM)?.trim().toLowerCase();
  return wanted === 'a5' ? PAPERS.a5 : PAPERS.a4;
}

/** The address's query with the paper set: A4, the default, leaves no parameter. */
export function searchWithPaper(search: string, paper: Paper): string {
  const params = new URLSearchParams(search);
  if (paper.id === 'a4') params.delete(PAPER_PARAM);
  else params.set(PAPER_PARAM, paper.id);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The `@page` rule Paged.js lays the pages out by. */
export const pageRule = (paper: Paper): string =>
  `@page { size: ${paper.name}; margin: ${paper.margin}; }`;
