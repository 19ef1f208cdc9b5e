/**
 * Puts search results on the page from a <template>, in rank order as their fragments
 * arrive: the first does not wait for the tenth, and the previous query's results stay
 * until the first new one is ready (no flash of an empty list).
 */
import { FILTER_KIND, FILTER_ROLE } from '../../lib/search/records.ts';
import { resultFacts } from '../../lib/search/wording.ts';
import type { Result, ResultData } from './engine.ts';

/** One result from the template: title link, facts line, excerpt with Pagefind's <mark>s. */
export function renderResult(template: HTMLTemplateElement, data: ResultData): HTMLLIElement {
  const item = (template.content.firstElementChild as HTMLLIElement).cloneNode(
    true,
  ) as HTMLLIElement;
  const link = item.querySelector<HTMLAnchorElement>('.result-link');
  if (link) {
    link.href = data.url;
    link.textContent = data.meta.label ?? data.meta.title ?? data.url;
  }
  const facts = item.querySelector('.result-meta');
  if (facts) {
    const role = data.meta.role ?? data.filters[FILTER_ROLE]?.join(', ');
    facts.textContent = resultFacts(
      data.meta.citation,
      role,
      data.filters[FILTER_KIND]?.join(', '),
    );
  }
  const excerpt = item.querySelector('.result-excerpt');
  if (excerpt) excerpt.innerHTML = data.excerpt; // Pagefind escapes the text and adds only <mark>
  return item;
}

/**
 * Shows the first `max` results in `list`; stops as soon as `current()` turns false (a newer
 * query has started). Resolves once all shown or abandoned.
 */
export async function showInRankOrder(
  results: readonly Result[],
  max: number,
  list: HTMLElement,
  template: HTMLTemplateElement,
  current: () => boolean,
): Promise<void> {
  if (results.length === 0) {
    list.replaceChildren();
    return;
  }
  const ready: ResultData[] = [];
  let shown = 0;
  await Promise.all(
    results.slice(0, max).map(async (result, rank) => {
      const data = await result.data();
      if (!current()) return;
      ready[rank] = data;
      for (let next = ready[shown]; next; next = ready[shown]) {
        const item = renderResult(template, next);
        if (shown++ === 0) list.replaceChildren(item);
        else list.append(item);
      }
    }),
  );
}
