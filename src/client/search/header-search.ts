/**
 * <header-search>: the search box in every page's header, searching in place. Loaded when the
 * box first gets focus (the page ships no code for it before); from then on Pagefind warms up
 * while the person types and the index chunks of the words typed so far are fetched, so that
 * Enter costs one search in Pagefind's worker and the first result's fragment. The results open
 * in a panel over the page (nothing under it moves), with a link to the search page for all of
 * them and the filters. Without JavaScript the form still goes to the search page.
 */
import { normaliseQuery } from '../../lib/search/query.ts';
import { SEARCHING, allResultsLink, resultsStatus } from '../../lib/search/wording.ts';
import { engineFor, type Result, type SearchEngine } from './engine.ts';
import { showInRankOrder } from './results.ts';

/** Results in the panel: a first look; the search page has them all. */
const PANEL_RESULTS = 5;
/** A pause in typing this long (ms) starts a search ahead of Enter (it downloads nothing). */
const TYPING_PAUSE_MS = 40;

export class HeaderSearch extends HTMLElement {
  #engine!: SearchEngine;
  #form!: HTMLFormElement;
  #input!: HTMLInputElement;
  #panel!: HTMLElement;
  #status!: HTMLElement;
  #list!: HTMLElement;
  #all!: HTMLAnchorElement;
  #template!: HTMLTemplateElement;
  #latest = 0;
  /** The search of what is typed, started while typing: Enter reuses it when the query is the same. */
  #ahead: { query: string; results: Promise<Result[]> } | undefined;
  #typingPause: ReturnType<typeof setTimeout> | undefined;

  connectedCallback(): void {
    const form = this.querySelector('form');
    const input = this.querySelector<HTMLInputElement>('input[type="search"]');
    const panel = this.querySelector<HTMLElement>('.header-results');
    const status = panel?.querySelector<HTMLElement>('[role="status"]');
    const list = panel?.querySelector<HTMLElement>('ol');
    const all = panel?.querySelector<HTMLAnchorElement>('a.all-results');
    const template = this.querySelector('template');
    if (!form || !input || !panel || !status || !list || !all || !template) return;
    [this.#form, this.#input, this.#panel, this.#status, this.#list, this.#all, this.#template] = [
      form,
      input,
      panel,
      status,
      list,
      all,
      template,
    ];
    this.#engine = engineFor(this.dataset.base ?? '/');
    void this.#engine.load();
    void this.#engine.preload(input.value);
    input.addEventListener('input', () => this.onInput());
    form.addEventListener('submit', (event) => this.onSubmit(event));
    this.addEventListener('keydown', (event) => this.onKeydown(event));
    document.addEventListener('click', (event) => this.onOutsideClick(event));
  }

  /** While typing: fetch what the words typed so far need; at a pause, search ahead. Nothing is shown yet. */
  onInput(): void {
    void this.#engine.preload(this.#input.value);
    if (!normaliseQuery(this.#input.value)) this.close();
    clearTimeout(this.#typingPause);
    this.#typingPause = setTimeout(() => this.#searchAhead(), TYPING_PAUSE_MS);
  }

  onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    void this.search();
  }

  /** Escape closes the panel and returns to the box; arrows go through the results. */
  onKeydown(event: KeyboardEvent): void {
    if (this.#panel.hidden) return;
    const links = [...this.#panel.querySelectorAll<HTMLAnchorElement>('a')];
    const index = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'Escape') {
      this.close();
      this.#input.focus();
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      links[Math.min(index + 1, links.length - 1)]?.focus();
    } else if (event.key === 'ArrowUp' && index >= 0) {
      event.preventDefault();
      if (index === 0) this.#input.focus();
      else links[index - 1]?.focus();
    }
  }

  onOutsideClick(event: MouseEvent): void {
    if (!this.contains(event.target as Node)) this.close();
  }

  close(): void {
    this.#panel.hidden = true;
  }

  async search(): Promise<void> {
    const run = ++this.#latest;
    const query = normaliseQuery(this.#input.value);
    if (!query) return this.close();
    const page = new URL(this.#form.action);
    page.search = new URLSearchParams({ q: query }).toString();
    this.#all.href = page.href;
    this.#status.textContent = SEARCHING;
    this.#panel.hidden = false;
    const results = await (this.#ahead?.query === query
      ? this.#ahead.results
      : this.#engine.search(query));
    if (run !== this.#latest) return;
    await showInRankOrder(
      results,
      PANEL_RESULTS,
      this.#list,
      this.#template,
      () => run === this.#latest,
    );
    if (run !== this.#latest) return;
    this.#status.textContent = resultsStatus(
      query,
      results.length,
      Math.min(results.length, PANEL_RESULTS),
    );
    this.#all.textContent = allResultsLink(results.length);
  }

  /** Searches what is typed (the index chunks are there: no download), for Enter to use. */
  #searchAhead(): void {
    const query = normaliseQuery(this.#input.value);
    if (!query || this.#ahead?.query === query) return;
    this.#ahead = { query, results: this.#engine.search(query) };
  }
}

customElements.define('header-search', HeaderSearch);
