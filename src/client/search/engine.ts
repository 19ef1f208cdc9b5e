/**
 * Pagefind, loaded once per page and shared by the header's box and the search page: its
 * worker does the searching (the page's main thread only posts the query), the d/đ
 * vocabulary turns a query into the spellings the index holds, and `preload` fetches the
 * index chunks of the words typed so far, so that Enter costs a search and no download.
 * The search page, which searches as one types, `warm`s it when idle: Pagefind started and,
 * while the index is small, all of it fetched, so that the first letter costs a search only.
 */
import { mergeResults, normaliseQuery, queryVariants } from '../../lib/search/query.ts';
import type { DWordVocabulary } from '../../lib/search/vocabulary.ts';

export interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
}
export interface Result {
  id: string;
  score: number;
  data: () => Promise<ResultData>;
}
export type Filters = Record<string, { any: string[] }>;

interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (query: string, options?: { filters?: Filters }) => Promise<{ results: Result[] }>;
  preload: (term: string, options?: { filters?: Filters }) => Promise<void>;
}

interface Loaded {
  pagefind: Pagefind;
  /** Which d/đ spellings the index has; without it (an older build), both are tried. */
  vocabulary: DWordVocabulary | undefined;
}

/**
 * Up to this many bytes of index chunks (the handbook's is about 30 KB), the search page
 * fetches them all when idle; a larger index is fetched chunk by chunk as words are typed.
 */
const WARM_INDEX_BYTES = 96 * 1024;
/** Every letter a Vietnamese word (or a number) can begin with: preloading each covers every chunk. */
const INITIALS = [...'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz0123456789'];

export class SearchEngine {
  readonly #base: string;
  #loaded: Promise<Loaded> | undefined;
  #warmed: Promise<void> | undefined;

  constructor(base: string) {
    this.#base = base;
  }

  /** Starts Pagefind (script, worker, WebAssembly, index metadata) and the vocabulary; once. */
  load(): Promise<Loaded> {
    this.#loaded ??= Promise.all([this.#startPagefind(), this.#fetchVocabulary()]).then(
      ([pagefind, vocabulary]) => ({
        pagefind,
        vocabulary,
      }),
    );
    return this.#loaded;
  }

  /** Fetches, without searching, the index chunks that the spellings of `raw` will need. */
  async preload(raw: string): Promise<void> {
    const query = normaliseQuery(raw);
    if (!query) return;
    const { pagefind, vocabulary } = await this.load();
    await Promise.all(
      queryVariants(query, vocabulary).map((variant) =>
        pagefind.preload(variant).catch(() => undefined),
      ),
    );
  }

  /** Starts Pagefind and, when the index is small, fetches all of it (for the search page, when idle). */
  warm(): Promise<void> {
    this.#warmed ??= this.#warm();
    return this.#warmed;
  }

  async #warm(): Promise<void> {
    const { pagefind } = await this.load();
    try {
      const response = await fetch(`${this.#base}pagefind/index-size.json`);
      const { indexBytes } = response.ok
        ? ((await response.json()) as { indexBytes?: number })
        : {};
      if (typeof indexBytes !== 'number' || indexBytes > WARM_INDEX_BYTES) return;
    } catch {
      return;
    }
    await Promise.all(INITIALS.map((letter) => pagefind.preload(letter).catch(() => undefined)));
  }

  /** Every spelling of the query searched, merged by best score, best first. */
  async search(raw: string, filters: Filters = {}): Promise<Result[]> {
    const { pagefind, vocabulary } = await this.load();
    const variants = queryVariants(raw, vocabulary);
    const lists = await Promise.all(
      variants.map((variant) => pagefind.search(variant, { filters })),
    );
    return mergeResults(lists.map((found) => found.results));
  }

  async #startPagefind(): Promise<Pagefind> {
    const module = (await import(
      /* @vite-ignore */ `${this.#base}pagefind/pagefind.js`
    )) as Pagefind;
    // Evaluating Pagefind's script is one long task already (its inflate tables): its start-up
    // (options, metadata) runs in a task of its own, so the page can answer input between them.
    await new Promise((resume) => setTimeout(resume, 0));
    // Titles boost a result strongly (a role named in full finds its page); a flow's summary
    // («ai báo cáo ai, … ai phê duyệt») nearly as much, since people ask a flow who does what;
    // citation labels not at all: they hold lone letters ("Điểm d…").
    await module.options({
      baseUrl: this.#base,
      excerptLength: 24,
      ranking: { metaWeights: { title: 12, summary: 10, label: 0, citation: 0, role: 0 } },
    });
    await module.init();
    return module;
  }

  async #fetchVocabulary(): Promise<DWordVocabulary | undefined> {
    try {
      const response = await fetch(`${this.#base}pagefind/d-words.json`);
      return response.ok ? ((await response.json()) as DWordVocabulary) : undefined;
    } catch {
      return undefined;
    }
  }
}

const engines = new Map<string, SearchEngine>();
/** The page's one engine for a base path: the header box and the search page share its downloads. */
export const engineFor = (base: string): SearchEngine => {
  const existing = engines.get(base);
  if (existing) return existing;
  const engine = new SearchEngine(base);
  engines.set(base, engine);
  return engine;
};
