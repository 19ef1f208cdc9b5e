/**
 * The search page: loads Pagefind only when someone starts to search (focus or a query
 * in the URL), searches every đ/d spelling of the query and merges the results, and
 * keeps the query and filters in the URL so a search can be bookmarked or shared.
 */
import { mergeResults, normaliseQuery, queryVariants } from '../lib/search/query.ts';
import { FILTER_KIND, FILTER_ROLE } from '../lib/search/records.ts';
import type { DWordVocabulary } from '../lib/search/vocabulary.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
}
interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindResultData>;
}
interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (query: string, options?: { filters?: Record<string, { any: string[] }> }) => Promise<{ results: PagefindResult[] }>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  preload: (term: string) => Promise<void>;
}

const FILTER_LEGENDS: Record<string, string> = { [FILTER_KIND]: 'Loại', [FILTER_ROLE]: 'Vai trò' };
/** Results shown; each one costs a fragment request, so the first screen is what is fetched. */
const MAX_RESULTS = 10;
/**
 * One prefix per first character a word can have (Pagefind folds tone marks and ă, â, ê, ô,
 * ơ, ư before it looks a word up; đ stays): preloading them fetches every index chunk.
 */
const INDEX_PRELOAD = [...'abcdđefghijklmnopqrstuvwxyz0123456789'].join(' ');

export function startSearchPage(): void {
  const found = {
    form: document.querySelector<HTMLFormElement>('#tim-kiem'),
    input: document.querySelector<HTMLInputElement>('#q'),
    filterBox: document.querySelector<HTMLElement>('#bo-loc'),
    status: document.querySelector<HTMLElement>('#trang-thai'),
    list: document.querySelector<HTMLOListElement>('#ket-qua'),
  };
  if (!found.form || !found.input || !found.filterBox || !found.status || !found.list) return;
  // Named once more so that the functions below see them as present.
  const form: HTMLFormElement = found.form;
  const input: HTMLInputElement = found.input;
  const filterBox: HTMLElement = found.filterBox;
  const status: HTMLElement = found.status;
  const list: HTMLOListElement = found.list;
  const base = form.dataset.base ?? '/';

  interface Engine {
    pagefind: Pagefind;
    /** Which d/đ spellings the index has; without it (an older build), both are tried. */
    vocabulary: DWordVocabulary | undefined;
  }
  let engine: Promise<Engine> | undefined;
  const load = (): Promise<Engine> => {
    engine ??= (async () => {
      const [pagefind, vocabulary] = await Promise.all([
        (async () => {
          const module = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
          // Titles boost a result strongly (a role named in full finds its page); citation
          // labels not at all: they hold lone letters ("Điểm d…").
          await module.options({
            baseUrl: base,
            // The index is small: searching on the main thread spares a 12 KB worker and its start-up.
            noWorker: true,
            excerptLength: 24,
            ranking: { metaWeights: { title: 12, label: 0, citation: 0, role: 0 } },
          });
          await module.init();
          // Someone on this page is about to search: fetch the whole index now rather than chunk
          // by chunk as words are typed. Not awaited: a search reuses the chunks on their way.
          module.preload(INDEX_PRELOAD).catch(() => undefined);
          return module;
        })(),
        fetch(`${base}pagefind/d-words.json`)
          .then((response) => (response.ok ? (response.json() as Promise<DWordVocabulary>) : undefined))
          .catch(() => undefined),
      ]);
      await renderFilters(pagefind);
      return { pagefind, vocabulary };
    })();
    return engine;
  };

  const params = new URL(location.href).searchParams;
  const selected = (key: string) => new Set(params.getAll(key));

  async function renderFilters(module: Pagefind) {
    const available = await module.filters();
    filterBox.replaceChildren();
    for (const key of [FILTER_KIND, FILTER_ROLE]) {
      const values = Object.keys(available[key] ?? {}).sort((a, b) => a.localeCompare(b, 'vi'));
      if (values.length === 0) continue;
      const fieldset = document.createElement('fieldset');
      const legend = document.createElement('legend');
      legend.textContent = FILTER_LEGENDS[key] ?? key;
      fieldset.append(legend);
      const chosen = selected(key);
      values.forEach((value, index) => {
        const id = `loc-${key}-${index}`;
        const box = Object.assign(document.createElement('input'), { type: 'checkbox', id, name: key, value, checked: chosen.has(value) });
        const label = Object.assign(document.createElement('label'), { htmlFor: id, textContent: value });
        const row = document.createElement('div');
        row.className = 'filter-option';
        row.append(box, label);
        fieldset.append(row);
      });
      filterBox.append(fieldset);
    }
    filterBox.hidden = filterBox.childElementCount === 0;
  }

  const currentFilters = (): Record<string, { any: string[] }> => {
    const filters: Record<string, { any: string[] }> = {};
    for (const key of [FILTER_KIND, FILTER_ROLE]) {
      const values = [...form.querySelectorAll<HTMLInputElement>(`input[name="${key}"]:checked`)].map((box) => box.value);
      if (values.length > 0) filters[key] = { any: values };
    }
    return filters;
  };

  let latest = 0;
  async function search() {
    const run = ++latest;
    const query = normaliseQuery(input.value);
    if (!query) {
      syncUrl(query, currentFilters());
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    status.textContent = 'Đang tìm…';
    const { pagefind, vocabulary } = await load();
    // The filter boxes exist once the index has loaded (they list what it holds).
    const filters = currentFilters();
    syncUrl(query, filters);
    const lists = await Promise.all(queryVariants(query, vocabulary).map((variant) => pagefind.search(variant, { filters })));
    // A newer keystroke has started its own search: fetch no fragments for this one.
    if (run !== latest) return;
    const merged = mergeResults(lists.map((found) => found.results));
    if (merged.length === 0) list.replaceChildren();
    // Results go on the page in rank order as their fragments arrive: the first does not wait
    // for the tenth, and the previous query's results stay until the first new one is ready.
    const ready: PagefindResultData[] = [];
    let shown = 0;
    await Promise.all(
      merged.slice(0, MAX_RESULTS).map(async (result, rank) => {
        const data = await result.data();
        if (run !== latest) return;
        ready[rank] = data;
        for (let next = ready[shown]; next; next = ready[shown]) {
          const item = renderResult(next);
          if (shown++ === 0) list.replaceChildren(item);
          else list.append(item);
        }
      }),
    );
    if (run !== latest) return;
    status.textContent =
      merged.length === 0
        ? `Không có kết quả cho “${query}”.`
        : `${merged.length} kết quả cho “${query}”${merged.length > MAX_RESULTS ? `, hiện ${MAX_RESULTS} kết quả đầu` : ''}.`;
  }

  function syncUrl(query: string, filters: Record<string, { any: string[] }>) {
    const next = new URL(location.href);
    next.search = '';
    if (query) next.searchParams.set('q', query);
    for (const [key, { any }] of Object.entries(filters)) for (const value of any) next.searchParams.append(key, value);
    history.replaceState(null, '', next);
  }

  function renderResult(data: PagefindResultData): HTMLLIElement {
    const item = document.createElement('li');
    item.className = 'result';
    const link = Object.assign(document.createElement('a'), { href: data.url, textContent: data.meta.label ?? data.meta.title ?? data.url });
    link.className = 'result-link';
    const heading = document.createElement('h2');
    heading.className = 'result-title';
    heading.append(link);
    const facts = [data.meta.citation, data.meta.role ?? data.filters[FILTER_ROLE]?.join(', '), data.filters[FILTER_KIND]?.join(', ')]
      .filter(Boolean)
      .join(' · ');
    const meta = Object.assign(document.createElement('p'), { className: 'result-meta', textContent: facts });
    const excerpt = document.createElement('p');
    excerpt.className = 'result-excerpt';
    excerpt.innerHTML = data.excerpt; // Pagefind escapes the text and adds only <mark>
    item.append(heading, meta, excerpt);
    return item;
  }

  // Keyboard: "/" to the box, arrows through the results, Escape back to the box.
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement | null;
    const typing = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;
    if (event.key === '/' && !typing) {
      event.preventDefault();
      input.focus();
      input.select();
      return;
    }
    const links = [...list.querySelectorAll<HTMLAnchorElement>('a.result-link')];
    const index = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'ArrowDown' && (target === input || index >= 0)) {
      event.preventDefault();
      links[Math.min(index + 1, links.length - 1)]?.focus();
    } else if (event.key === 'ArrowUp' && index >= 0) {
      event.preventDefault();
      if (index === 0) input.focus();
      else links[index - 1]?.focus();
    } else if (event.key === 'Escape' && index >= 0) {
      input.focus();
    }
  });

  // Focus preloads; one throwaway search then starts the wasm and Pagefind's segmenter, so
  // that the first keystroke costs a search, not a start-up (unless typing has begun).
  input.addEventListener(
    'focus',
    () => void load().then(({ pagefind }) => (normaliseQuery(input.value) ? undefined : pagefind.search('a'))),
    { once: true },
  );
  input.addEventListener('input', () => void search());
  form.addEventListener('change', (event) => {
    if ((event.target as HTMLElement).matches('#bo-loc input')) void search();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void search();
  });

  const initial = params.get('q');
  if (initial) {
    input.value = initial.normalize('NFC');
    void search();
  } else {
    input.focus();
  }
}
