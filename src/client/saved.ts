/**
 * The browser side of the one store (src/lib/store/kept.ts), shared by every island that
 * saves: localStorage as its backend (it may be full, or blocked so that even reading
 * throws), and the one way of hearing another tab: its writes merged in the order they
 * come, the code for it loaded on first use, and a tab whose code is gone (a new version)
 * told to reload instead of writing over what it cannot merge. Reading what is stored
 * (src/lib/store/read.ts) and the notices (saved-notices.ts) load only when needed, so a
 * first visit carries the half that writes.
 */
import {
  Kept,
  type Aside,
  type Backend,
  type Heard,
  type Kind,
  type Saved,
} from '../lib/store/kept.ts';

export const localBackend: Backend = {
  get: (key) => localStorage.getItem(key),
  set: (key, value) => localStorage.setItem(key, value),
  keys: () => Object.keys(localStorage),
};

/** Reads a key, or null when there is nothing or the storage is blocked. */
export function readStored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** A notice (role="alert") with one sentence, in `box`. */
export function notify(box: Element | null | undefined, message: string): HTMLElement {
  const notice = document.createElement('div');
  notice.className = 'notice';
  notice.setAttribute('role', 'alert');
  const text = document.createElement('p');
  text.textContent = message;
  notice.append(text);
  box?.append(notice);
  return notice;
}

/**
 * A tab left open across a new version of the handbook asks for code files that the new
 * build has renamed; the import fails. The page says so and offers to reload: runs, notes
 * and journal entries are already stored, and a journal entry being typed is kept as a draft.
 */
export function reloadNotice(message: string, kept = 'những gì đã ghi không mất.'): HTMLElement {
  const notice = notify(null, `${message} Tải lại trang để dùng bản mới; ${kept}`);
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Tải lại trang';
  button.addEventListener('click', () => location.reload());
  notice.append(button);
  return notice;
}

/** What a tab that can no longer merge keeps, and what it does not. */
const STALE_KEPT =
  'những gì đã lưu không mất, nhưng thay đổi làm trên trang này từ giờ sẽ không được lưu.';

const readCode = () => import('../lib/store/read.ts');
const noticeCode = () => import('./saved-notices.ts');

export interface SavedOptions {
  /** Where the notices go. */
  box: () => Element | null;
  /** The names of the downloads: what is on the page, what was set aside. */
  file: string;
  asideFile: string;
  /** Said, with a reload, when code loaded on first use is gone (a new version). */
  codeGone: string;
}

/** One island's saved work: the store (kept.ts), and the notices of what happened to it. */
export class SavedWork<S> extends Kept<S> {
  /** The notice of a save that failed, while it is true (saved-notices.ts). */
  failed: HTMLElement | null = null;
  /** What the last save or merge did. */
  last: Saved = 'unchanged';
  reader: Awaited<ReturnType<typeof readCode>> | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    kind: Kind<S>,
    readonly options: SavedOptions,
  ) {
    super(kind, localBackend);
  }

  /** Code loaded on first use is gone: say so with a reload, once. */
  gone(): void {
    if (this.stale) return;
    this.stale = true;
    // True as said: what is stored stays, and this tab stores nothing more until reloaded.
    this.options.box()?.append(reloadNotice(this.options.codeGone, STALE_KEPT));
  }

  private notices(show: (code: Awaited<ReturnType<typeof noticeCode>>) => void): void {
    noticeCode().then(show, () => this.gone());
  }

  /** Reads what is stored (the reader and the kind's own loader come first, when there is something). */
  async open(load: () => Promise<unknown> = () => Promise.resolve()): Promise<void> {
    if (readStored(this.kind.key) === null) {
      this.ready = true;
      return;
    }
    await load();
    this.reader ??= await readCode();
    this.aside(this.reader.openStore(this));
  }

  /** Says what was wrong with text that could not be used, and where it went. */
  aside(aside: Aside | null): void {
    if (aside) this.notices((code) => code.showAside(this, aside));
  }

  /** Stores a state; a failure is shown (once, until a save succeeds again), with a download. */
  override save(next: S): Saved {
    const saved = super.save(next);
    this.said(saved);
    return saved;
  }

  /** Shows or clears the notice of a save that did not happen. */
  said(saved: Saved): void {
    this.last = saved;
    const ok = saved === 'saved' || saved === 'unchanged';
    if ((ok && !this.failed) || saved === 'refused') return;
    this.notices((code) => code.showSaved(this, saved));
  }

  /** The store's step on hearing another tab (the reader is loaded by then: follow). */
  hear(raw: string | null): Heard<S> {
    const heard = this.reader!.hearStore(this, raw);
    this.said(heard.saved);
    this.aside(heard.aside);
    return heard;
  }

  /**
   * Hears the other tabs: `step(raw)` runs for each write of the store, in order, after
   * `load()` (the code a merge needs, fetched on first use). When that code is gone (a new
   * version), this tab stops writing, since it cannot merge what it would write over, and
   * offers a reload: what the other tabs stored is read back then. Later writes still queue.
   */
  follow(load: () => Promise<unknown>, step: (raw: string | null) => unknown): void {
    const key = this.kind.key;
    window.addEventListener('storage', (event) => {
      if (event.key !== key && event.key !== null) return;
      const raw = event.key === null ? readStored(key) : event.newValue;
      this.queue = this.queue
        .then(load)
        .then(async () => (this.reader ??= await readCode()))
        .then(() => step(raw))
        .catch(() => this.gone());
    });
  }
}
