/**
 * <header-search>: the search box in every page's header, searching in place. Loaded when the
 * box first gets focus (the page ships no code for it before); from then on Pagefind warms up
 * while the person types and the index chunks of the words typed so far are fetched, so that
 * Enter costs one search in Pagefind's worker and the first result's fragment. The results open
 * in a panel over the page (nothing under it moves), with a link to the search page for all of
 * them and the filters. Without JavaScript the form still goes to the search page.
 */
import { normaliseQuery } from '../../lib/search/query.ts';
import { allResultsLink } from '../../lib/search/wording.ts';
import { engineFor, type Result, type SearchEngine } from './engine.ts';
import { ResultsView, moveThroughLinks } from './results.ts';

/** Results in the panel: a first look; the search page has them all. */
const PANEL_RESULTS = 5;
/** A pause in typing this long (ms) starts a search ahead of Enter (it downloads nothing). */
const TYPING_PAUSE_MS = 40;

export class HeaderSearch extends HTMLElement {
  #engine!: SearchEngine;
  #form!: HTMLFormElement;
  #input!: HTMLInputElement;
  #panel!: HTMLElement;
  #all!: HTMLAnchorElement;
  #view!: ResultsView;
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
    [this.#form, this.#input, this.#panel, this.#all] = [form, input, panel, all];
    this.#view = new ResultsView(list, status, template, PANEL_RESULTS);
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
    if (event.key === 'Escape') {
      this.close();
      this.#input.focus();
    } else moveThroughLinks(event, [...this.#panel.querySelectorAll('a')], this.#input, true);
  }

  onOutsideClick(event: MouseEvent): void {
    if (!this.contains(event.target as Node)) this.close();
  }

  close(): void {
    this.#panel.hidden = true;
  }

  async search(): Promise<void> {
    const query = normaliseQuery(this.#input.value);
    if (!query) return this.close();
    const page = new URL(this.#form.action);
    page.search = new URLSearchParams({ q: query }).toString();
    this.#all.href = page.href;
    this.#panel.hidden = false;
    const ahead = this.#ahead?.query === query ? this.#ahead.results : undefined;
    const total = await this.#view.show(query, ahead ?? this.#engine.search(query));
    if (total !== undefined) this.#all.textContent = allResultsLink(total);
  }

  /** Searches what is typed (the index chunks are there: no download), for Enter to use. */
  #searchAhead(): void {
    const query = normaliseQuery(this.#input.value);
    if (!query || this.#ahead?.query === query) return;
    this.#ahead = { query, results: this.#engine.search(query) };
  }
}

customElements.define('header-search', HeaderSearch);
