/**
 * The browser side of the one store (src/lib/store/kept.ts), shared by every island that
 * saves: localStorage as its backend (it may be full, or blocked so that even reading
 * throws), the notices that say what happened to saved work where the person acts (each
 * with a download of what it speaks of), and the one way of hearing another tab: its writes
 * merged in the order they come, the code for it loaded on first use, and a tab whose code
 * is gone (a new version) told to reload instead of writing over what it cannot merge.
 */
import { Kept, type Aside, type Backend, type Kind, type Saved } from '../lib/store/kept.ts';
import {
  asideWhere,
  DOWNLOAD_NOW,
  DOWNLOAD_OLD,
  HELD_RELEASED,
  notSaved,
  SAVED_AGAIN,
} from '../lib/store/wording.ts';
import { reloadNotice } from './stale.ts';

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

const el = (tag: string, text = '') => {
  const element = document.createElement(tag);
  element.textContent = text;
  return element;
};

/** A notice (role="alert") in `box`; with `file`, a link that downloads `raw` under that name. */
export function notify(
  box: Element | null,
  message: string,
  file?: { raw: string; name: string; text?: string; onDownload?: () => void },
): HTMLElement {
  const notice = el('div');
  notice.className = 'notice';
  notice.setAttribute('role', 'alert');
  notice.append(el('p', message));
  if (file) {
    const link = el('a', file.text ?? DOWNLOAD_OLD) as HTMLAnchorElement;
    link.href = URL.createObjectURL(new Blob([file.raw], { type: 'application/json' }));
    link.download = file.name;
    if (file.onDownload) link.addEventListener('click', file.onDownload);
    const line = el('p');
    line.append(link);
    notice.append(line);
  }
  box?.append(notice);
  return notice;
}

/**
 * One island's saved work: the store, and the notices it shows in `box()`. `file` and
 * `asideFile` name the downloads of what is on the page and of what was set aside.
 */
export class SavedWork<S> {
  readonly kept: Kept<S>;
  /** The notice of a save that failed, while it is true. */
  failed: HTMLElement | null = null;
  /** What the last save or merge did. */
  last: Saved = 'unchanged';
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    kind: Kind<S>,
    readonly box: () => Element | null,
    readonly file: string,
    readonly asideFile: string,
  ) {
    this.kept = new Kept(kind, localBackend);
  }

  get state(): S {
    return this.kept.state;
  }

  /** Says what was wrong with text that could not be used, and where it went. */
  aside(aside: Aside | null): void {
    if (!aside) return;
    const notice = notify(this.box(), `${aside.message} ${asideWhere(aside.where)}`, {
      raw: aside.raw,
      name: this.asideFile,
      onDownload: () => {
        if (this.kept.held !== aside) return;
        this.kept.release();
        notice.append(el('p', HELD_RELEASED));
        this.save(this.kept.state);
      },
    });
  }

  /** Stores a state; a failure is shown (once, until a save succeeds again), with a download. */
  save(next: S): Saved {
    const saved = this.kept.save(next);
    this.said(saved);
    return saved;
  }

  /** Shows or clears the notice of a save that did not happen. */
  said(saved: Saved): void {
    this.last = saved;
    if (saved === 'saved' || saved === 'unchanged') {
      if (this.failed) {
        this.failed.replaceChildren(el('p', SAVED_AGAIN));
        this.failed = null;
      }
      return;
    }
    if (saved === 'refused' || this.failed) return;
    this.failed = notify(this.box(), notSaved(saved), {
      raw: this.kept.kind.serialise(this.kept.state),
      name: this.file,
      text: DOWNLOAD_NOW,
    });
  }

  /**
   * Hears the other tabs: `step(raw)` runs for each write of `key`, in order, after `load()`
   * (the code a merge needs, fetched on first use). When that code is gone (a new version),
   * this tab stops writing, since it cannot merge what it would write over, and offers a
   * reload: what the other tabs stored is read back then. Later writes are still queued.
   */
  follow(
    key: string,
    load: () => Promise<unknown>,
    step: (raw: string | null) => unknown,
    stale: (notice: HTMLElement) => void,
    staleMessage: string,
  ): void {
    window.addEventListener('storage', (event) => {
      if (event.key !== key && event.key !== null) return;
      const raw = event.key === null ? readStored(key) : event.newValue;
      this.queue = this.queue
        .then(load)
        .then(() => step(raw))
        .catch(() => {
          if (this.kept.stale) return;
          this.kept.stale = true;
          stale(reloadNotice(staleMessage));
        });
    });
  }
}
