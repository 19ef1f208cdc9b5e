/**
 * <booklet-print> on /in/: lays a copy of the page's booklet out in pages with Paged.js (A4,
 * or A5 when `?kho=a5` or the choice on the page asks), so that the browser's own print gives
 * a booklet whose contents and citations carry page numbers. The page itself stays the long
 * document it is without JavaScript; the pages are hidden on screen and are all that prints
 * once laid out. `document.documentElement.dataset.booklet` says where it is: "paginating",
 * "ready" (print now) or "failed" (printing gives the long document).
 *
 * The page's Content-Security-Policy refuses inline styles (style-src 'self'), and Paged.js
 * writes its CSS into <style> elements: here the same CSS goes into constructed style sheets
 * (document.adoptedStyleSheets), which the policy leaves alone as it does any CSSOM change.
 * Paged.js's other writes are CSSOM already (element.style, insertRule).
 */
import { Handler, Previewer, registerHandlers, type InsertedStyles } from 'pagedjs';
import baseStyles from 'pagedjs-base-styles';
import pagedCss from '../styles/booklet-paged.css?raw';
import {
  PAPERS,
  pageRule,
  paperFromSearch,
  searchWithPaper,
  type Paper,
} from '../lib/booklet/paper.ts';
import { FAILED, pageOf, paginating, ready } from '../lib/booklet/wording.ts';
import { $, $$, show } from './dom.ts';

/** Ids in the printed copy get this prefix: no id is on the page twice. */
const COPY = 'in-';

/** A style sheet the document adopts, and how to drop it again. */
function adopt(css: string): InsertedStyles & { sheet: CSSStyleSheet } {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return {
    sheet,
    remove: () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    },
  };
}

/**
 * A table that goes on over a page break repeats its header row (a flow's lane names) on the
 * new page. Paged.js starts the new page's part of the table without it; adding it as the
 * first row is laid out lets the page measure it with the rest.
 */
class RepeatTableHead extends Handler {
  renderNode(clone: Node, source: Node): void {
    if (!(clone instanceof HTMLTableRowElement) || !(source instanceof HTMLTableRowElement)) return;
    const table = clone.closest('table');
    const head = source.closest('table')?.tHead;
    if (!table?.hasAttribute('data-split-from') || table.tHead || !head) return;
    const copy = head.cloneNode(true) as HTMLTableSectionElement;
    for (const element of [copy, ...$$('[data-ref]', copy)]) element.removeAttribute('data-ref');
    table.prepend(copy);
  }
}
registerHandlers(RepeatTableHead);

/** A Previewer whose CSS goes into adopted style sheets instead of <style> elements. */
function previewer(): Previewer {
  const paged = new Previewer();
  const polisher = paged.polisher;
  polisher.insert = (css) => {
    const inserted = adopt(css);
    polisher.inserted.push(inserted);
    return inserted;
  };
  // Paged.js's own setup: its base styles, then an empty sheet its handlers add rules to.
  polisher.setup = () => {
    polisher.base = polisher.insert(baseStyles);
    const own = adopt('');
    polisher.styleEl = own;
    polisher.styleSheet = own.sheet;
    return own.sheet;
  };
  return paged;
}

/**
 * The booklet as it goes to paper: a copy whose ids (and the links and labels naming them) carry
 * a prefix, without what only the screen shows (the contents' page numbers, hidden parts).
 */
function paperCopy(booklet: HTMLElement): DocumentFragment {
  const copy = booklet.cloneNode(true) as HTMLElement;
  for (const gone of $$('[hidden], [data-page-of]', copy)) gone.remove();
  for (const element of [copy, ...$$('*', copy)]) {
    if (element.id) element.id = COPY + element.id;
    for (const name of ['aria-labelledby', 'aria-describedby', 'for']) {
      const ids = element.getAttribute(name);
      if (ids)
        element.setAttribute(
          name,
          ids
            .split(/\s+/)
            .map((id) => COPY + id)
            .join(' '),
        );
    }
    const href = element.getAttribute('href');
    if (element instanceof HTMLAnchorElement && href?.startsWith('#'))
      element.setAttribute('href', `#${COPY}${href.slice(1)}`);
  }
  const fragment = document.createDocumentFragment();
  fragment.append(copy);
  return fragment;
}

class BookletPrint extends HTMLElement {
  /** The paper asked for last; a layout under way finishes, then the next one starts. */
  private wanted: Paper = PAPERS.a4;
  private running = false;
  /** The laid-out pages and their style sheets, removed before the next layout. */
  private done: { holder: HTMLElement; sheets: InsertedStyles[] } | undefined;

  connectedCallback(): void {
    this.wanted = paperFromSearch(location.search);
    const radio = $<HTMLInputElement>(`input[value="${this.wanted.id}"]`, this);
    if (radio) radio.checked = true;
    show($('[data-papers]', this), true);
    this.addEventListener('change', (event) => this.onPaper(event));
    $('[data-print]', this)?.addEventListener('click', () => window.print());
    void this.layOut();
  }

  private onPaper(event: Event): void {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || input.name !== 'kho') return;
    this.wanted = input.value === 'a5' ? PAPERS.a5 : PAPERS.a4;
    history.replaceState(
      history.state,
      '',
      searchWithPaper(location.search, this.wanted) || location.pathname,
    );
    void this.layOut();
  }

  private async layOut(): Promise<void> {
    if (this.running) return;
    const booklet = $('.booklet');
    if (!booklet) return;
    this.running = true;
    try {
      let paper: Paper;
      do {
        paper = this.wanted;
        await this.layOutOnce(booklet, paper);
      } while (paper !== this.wanted);
    } finally {
      this.running = false;
    }
  }

  private async layOutOnce(booklet: HTMLElement, paper: Paper): Promise<void> {
    const root = document.documentElement;
    this.clear();
    root.dataset.booklet = 'paginating';
    show($('[data-print-row]', this), false);
    this.status(paginating(paper, 0));
    const progress = $('[data-progress]', this);
    show(progress, true);

    const holder = document.createElement('div');
    holder.className = 'booklet-paper';
    holder.dataset.paper = paper.id;
    document.body.append(holder);
    const paged = previewer();
    let pages = 0;
    paged.on('page', () => {
      pages += 1;
      if (progress) progress.textContent = paginating(paper, pages);
    });
    try {
      const flow = await paged.preview(
        paperCopy(booklet),
        [{ [location.href]: pagedCss }, { [location.href]: pageRule(paper) }],
        holder,
      );
      this.done = {
        holder,
        sheets: [paged.polisher.base, paged.polisher.styleEl, ...paged.polisher.inserted],
      };
      this.writePageNumbers(holder);
      root.dataset.pages = String(flow.total);
      root.dataset.booklet = 'ready';
      this.status(ready(paper, flow.total));
      show($('[data-print-row]', this), true);
    } catch (error) {
      holder.remove();
      for (const sheet of [paged.polisher.base, paged.polisher.styleEl, ...paged.polisher.inserted])
        sheet?.remove();
      root.dataset.booklet = 'failed';
      this.status(FAILED);
      console.error(error);
    } finally {
      show(progress, false);
    }
  }

  /** The screen's contents get the page each part starts on, as the paper's contents print it. */
  private writePageNumbers(holder: HTMLElement): void {
    for (const span of $$('[data-page-of]')) {
      const target = holder.querySelector(`#${CSS.escape(COPY + (span.dataset.pageOf ?? ''))}`);
      const page = target?.closest<HTMLElement>('.pagedjs_page')?.dataset.pageNumber;
      span.textContent = page ? pageOf(Number(page)) : '';
    }
  }

  /** Drops the pages laid out before, their style sheets and the numbers they gave the contents. */
  private clear(): void {
    if (!this.done) return;
    this.done.holder.remove();
    for (const sheet of this.done.sheets) sheet.remove();
    this.done = undefined;
    for (const span of $$('[data-page-of]')) span.textContent = '';
    delete document.documentElement.dataset.pages;
  }

  private status(text: string): void {
    const status = $('[data-status]', this);
    if (status) status.textContent = text;
  }
}

customElements.define('booklet-print', BookletPrint);
