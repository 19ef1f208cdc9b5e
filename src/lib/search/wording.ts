/**
 * What the search boxes say, as pure functions (the header's results panel and the search
 * page alike). The person's query is their words, not the law's: it goes in guillemets.
 */

/** Shown while a search runs. */
export const SEARCHING = 'Đang tìm…';

/** The status line once a search has answered: how many results, and how many are shown. */
export function resultsStatus(query: string, total: number, shown: number): string {
  if (total === 0) return `Không có kết quả cho «${query}».`;
  const more = total > shown ? `, hiện ${shown} kết quả đầu` : '';
  return `${total} kết quả cho «${query}»${more}.`;
}

/** The link under the header's results to the search page with every result and the filters. */
export function allResultsLink(total: number): string {
  return total > 0 ? `Xem cả ${total} kết quả, có bộ lọc` : 'Mở trang tìm kiếm';
}

/** The facts line under a result's title: citation, role, kind — those it has, in that order. */
export function resultFacts(citation?: string, role?: string, kind?: string): string {
  return [citation, role, kind].filter((part) => part && part.trim() !== '').join(' · ');
}

/** After «Lọc theo loại và vai trò» on the folded filters: how many are ticked (none: nothing). */
export function filterCount(ticked: number): string {
  return ticked > 0 ? ` (đang chọn ${ticked})` : '';
}
