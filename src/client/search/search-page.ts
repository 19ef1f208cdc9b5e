/**
 * <search-page>: the search page. Searches every đ/d spelling of the query (engine.ts), shows
 * the results in rank order from the page's <template>, keeps the query and the filters
 * (rendered by the page, so nothing moves when results arrive, and folded: open when one is
 * ticked) in the URL so a search can be bookmarked or shared, and moves through the results by
 * keyboard. Pagefind (script, worker, WebAssembly, metadata, and a small index whole) is
 * started when the page is idle, so that the first letter typed costs a search, not a start-up.
 */
import { normaliseQuery } from '../../lib/search/query.ts';
import { FILTER_KIND, FILTER_ROLE } from '../../lib/search/records.ts';
import { filterCount } from '../../lib/search/wording.ts';
import { engineFor, type Filters, type SearchEngine } from './engine.ts';
import { ResultsView, moveThroughLinks } from './results.ts';

/** Results shown; each one costs a fragment request, so the first screen is what is fetched. */
const MAX_RESULTS = 10;

export class SearchPage extends HTMLElement {
  #engine!: SearchEngine;
  #form!: HTMLFormElement;
  #input!: HTMLInputElement;
  #list!: HTMLElement;
  #view!: ResultsView;

  connectedCallback(): void {
    const form = this.querySelector('form');
    const input = this.querySelector<HTMLInputElement>('input[type="search"]');
    const status = this.querySelector<HTMLElement>('[role="status"]');
    const list = this.querySelector<HTMLElement>('ol');
    const template = this.querySelector('template');
    if (!form || !input || !status || !list || !template) return;
    [this.#form, this.#input, this.#list] = [form, input, list];
    this.#view = new ResultsView(list, status, template, MAX_RESULTS);
    this.#engine = engineFor(this.dataset.base ?? '/');
    this.#restoreFromUrl();
    this.#renderFilterCount();
    input.addEventListener('input', () => void this.search());
    form.addEventListener('change', (event) => this.onFilterChange(event));
    form.addEventListener('submit', (event) => this.onSubmit(event));
    document.addEventListener('keydown', (event) => this.onKeydown(event));
    if (normaliseQuery(input.value)) void this.search();
    else input.focus();
    // Warm up when the page has nothing else to do, or when the box gets focus, if that comes
    // first (not the focus given above, as the page loads).
    const warm = () => void this.#engine.warm();
    if ('requestIdleCallback' in window) requestIdleCallback(warm, { timeout: 2000 });
    else setTimeout(warm, 200);
    input.addEventListener('focus', warm, { once: true });
  }

  onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    void this.search();
  }

  onFilterChange(event: Event): void {
    if (!(event.target as HTMLElement).matches('fieldset input')) return;
    this.#renderFilterCount();
    void this.search();
  }

  /** How many filters are ticked, on the folded box's summary. */
  #renderFilterCount(): void {
    const count = this.querySelector('[data-filter-count]');
    if (count) count.textContent = filterCount(this.#boxes().filter((b) => b.checked).length);
  }

  /** "/" to the box, arrows through the results, Escape back to the box. */
  onKeydown(event: KeyboardEvent): void {
    const target = event.target as HTMLElement | null;
    const typing = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;
    if (event.key === '/' && !typing) {
      event.preventDefault();
      this.#input.focus();
      this.#input.select();
      return;
    }
    const links = [...this.#list.querySelectorAll<HTMLAnchorElement>('a.result-link')];
    if (moveThroughLinks(event, links, this.#input, target === this.#input)) return;
    if (event.key === 'Escape' && links.includes(document.activeElement as HTMLAnchorElement))
      this.#input.focus();
  }

  async search(): Promise<void> {
    const query = normaliseQuery(this.#input.value);
    const filters = this.#filters();
    this.#syncUrl(query, filters);
    if (!query) return this.#view.clear();
    await this.#view.show(query, this.#engine.search(query, filters));
  }

  /** The query and the ticked filters from the URL, into the form. */
  #restoreFromUrl(): void {
    const params = new URL(location.href).searchParams;
    this.#input.value = (params.get('q') ?? '').normalize('NFC');
    for (const box of this.#boxes()) box.checked = params.getAll(box.name).includes(box.value);
    const folded = this.querySelector<HTMLDetailsElement>('details.filters-box');
    if (folded && this.#boxes().some((b) => b.checked)) folded.open = true;
  }

  #boxes(): HTMLInputElement[] {
    return [
      ...this.#form.querySelectorAll<HTMLInputElement>(
        `input[name="${FILTER_KIND}"], input[name="${FILTER_ROLE}"]`,
      ),
    ];
  }

  #filters(): Filters {
    const filters: Filters = {};
    for (const box of this.#boxes().filter((b) => b.checked))
      (filters[box.name] ??= { any: [] }).any.push(box.value);
    return filters;
  }

  #syncUrl(query: string, filters: Filters): void {
    const next = new URL(location.href);
    next.search = '';
    if (query) next.searchParams.set('q', query);
    for (const [key, { any }] of Object.entries(filters))
      for (const value of any) next.searchParams.append(key, value);
    history.replaceState(null, '', next);
  }
}

customElements.define('search-page', SearchPage);
