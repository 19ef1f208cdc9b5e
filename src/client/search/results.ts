/**
 * Puts search results on the page from a <template>, in rank order as their fragments
 * arrive: the first does not wait for the tenth, and the previous query's results stay
 * until the first new one is ready (no flash of an empty list).
 */
import { FILTER_KIND, FILTER_ROLE } from '../../lib/search/records.ts';
import { SEARCHING, resultFacts, resultsStatus } from '../../lib/search/wording.ts';
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

/**
 * A results list and its status line, shared by the header's panel and the search page: each
 * query gets a turn, and an answer that arrives after a newer query started is dropped.
 */
export class ResultsView {
  readonly #list: HTMLElement;
  readonly #status: HTMLElement;
  readonly #template: HTMLTemplateElement;
  readonly #max: number;
  #latest = 0;

  constructor(list: HTMLElement, status: HTMLElement, template: HTMLTemplateElement, max: number) {
    [this.#list, this.#status, this.#template, this.#max] = [list, status, template, max];
  }

  /** Empties the list and the status (no query). Ends any query still answering. */
  clear(): void {
    this.#latest++;
    this.#list.replaceChildren();
    this.#status.textContent = '';
  }

  /**
   * Says a search runs, then shows the first results in rank order and the count. Resolves to
   * the number of results, or undefined when a newer query took over.
   */
  async show(query: string, results: Promise<Result[]>): Promise<number | undefined> {
    const run = ++this.#latest;
    const current = () => run === this.#latest;
    this.#status.textContent = SEARCHING;
    const found = await results;
    if (!current()) return undefined;
    await showInRankOrder(found, this.#max, this.#list, this.#template, current);
    if (!current()) return undefined;
    this.#status.textContent = resultsStatus(
      query,
      found.length,
      Math.min(found.length, this.#max),
    );
    return found.length;
  }
}

/**
 * Arrow keys through a list of links: down from `input` (when `fromInput`) or a link to the
 * next link, up to the previous one or back to `input`. True when the key was used.
 */
export function moveThroughLinks(
  event: KeyboardEvent,
  links: readonly HTMLAnchorElement[],
  input: HTMLInputElement,
  fromInput: boolean,
): boolean {
  const index = links.indexOf(document.activeElement as HTMLAnchorElement);
  if (event.key === 'ArrowDown' && (fromInput || index >= 0)) {
    links[Math.min(index + 1, links.length - 1)]?.focus();
  } else if (event.key === 'ArrowUp' && index >= 0) {
    (index === 0 ? input : links[index - 1])?.focus();
  } else return false;
  event.preventDefault();
  return true;
}
