/**
 * <offline-copy>: "Lưu để dùng khi mất mạng" at the foot of every page. The first press fetches
 * the copy's list (dist/offline.json, a few KB) and shows what it holds and its size; the second
 * downloads it into the service worker's cache with progress, file by file, skipping what is
 * there already (so an interrupted download resumes), and marks the copy complete so that a
 * new version of the handbook downloads its own. A press without a connection, a full disk
 * and a lost connection each say what happened; the button stays usable to try again.
 */
import {
  OFFLINE_NOW,
  RESUME_LABEL,
  SAVED,
  confirmLabel,
  failureText,
  offerText,
  progressText,
  type CopyFailure,
} from '../../lib/site/offline-wording.ts';

/** A file the server would not send (its status), as opposed to a connection that failed. */
class ServerError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

const isQuota = (error: unknown) =>
  error instanceof DOMException && error.name === 'QuotaExceededError';

/** Room the browser still gives this site, when it says. */
async function freeBytes(): Promise<number | undefined> {
  try {
    const { quota, usage } = (await navigator.storage?.estimate?.()) ?? {};
    return quota === undefined || usage === undefined ? undefined : quota - usage;
  } catch {
    return undefined;
  }
}

interface CopyList {
  version: string;
  bytes: number;
  pages: number;
  files: { url: string; bytes: number }[];
}

export class OfflineCopy extends HTMLElement {
  #button!: HTMLButtonElement;
  #progress!: HTMLProgressElement;
  #status!: HTMLElement;
  #list: CopyList | undefined;
  #busy = false;

  connectedCallback(): void {
    const button = this.querySelector('button');
    const progress = this.querySelector('progress');
    const status = this.querySelector<HTMLElement>('[role="status"]');
    if (!button || !progress || !status) return;
    [this.#button, this.#progress, this.#status] = [button, progress, status];
    button.addEventListener('click', () => void this.onPress());
  }

  /** First press: the offer with its size. Later presses: download (or resume). */
  async onPress(): Promise<void> {
    if (this.#busy) return;
    if (!this.#list) return this.offer();
    return this.download();
  }

  async offer(): Promise<void> {
    const base = this.dataset.base ?? '/';
    let list: CopyList;
    try {
      const response = await fetch(`${base}offline.json`, { cache: 'no-cache' });
      if (!response.ok) throw new ServerError(response.status);
      list = (await response.json()) as CopyList;
    } catch (error) {
      // Saved already (this version's list is not at hand offline, but its mark is)?
      if (await this.#savedBefore(base)) {
        this.#status.textContent = SAVED;
        this.#button.hidden = true;
      } else
        this.#status.textContent =
          error instanceof ServerError
            ? failureText({ kind: 'server', status: error.status })
            : OFFLINE_NOW;
      return;
    }
    this.#list = list;
    if (await (await caches.open(this.#cacheName(list))).match(`${base}offline-copy-complete`)) {
      this.#status.textContent = SAVED;
      this.#button.hidden = true;
      return;
    }
    this.#status.textContent = offerText(list.pages, list.bytes);
    this.#button.textContent = confirmLabel(list.bytes);
  }

  async download(): Promise<void> {
    const list = this.#list;
    if (!list) return;
    this.#busy = true;
    this.#button.disabled = true;
    this.#progress.hidden = false;
    const cache = await caches.open(this.#cacheName(list));
    let done = 0;
    try {
      for (const file of list.files) {
        if (!(await cache.match(file.url, { ignoreSearch: true })))
          await this.#fetchInto(cache, file.url);
        done += file.bytes;
        this.#showProgress(done, list.bytes);
      }
      await cache.put(
        `${this.dataset.base ?? '/'}offline-copy-complete`,
        new Response(list.version),
      );
      this.#status.textContent = SAVED;
      this.#button.hidden = true;
    } catch (error) {
      this.#status.textContent = failureText(await this.#failure(error, done, list.bytes));
      this.#button.textContent = RESUME_LABEL;
    } finally {
      this.#busy = false;
      this.#button.disabled = false;
      this.#progress.hidden = true;
    }
  }

  async #fetchInto(cache: Cache, url: string): Promise<void> {
    const response = await fetch(url, { cache: 'no-cache' });
    if (!response.ok) throw new ServerError(response.status);
    await cache.put(url, response);
  }

  /** What stopped the download: the disk, the server or the connection. */
  async #failure(error: unknown, done: number, total: number): Promise<CopyFailure> {
    if (isQuota(error)) return { kind: 'quota', needed: total - done, free: await freeBytes() };
    if (error instanceof ServerError) return { kind: 'server', status: error.status };
    return { kind: 'network', done, total };
  }

  /** Whether some version's full copy is complete in this browser. */
  async #savedBefore(base: string): Promise<boolean> {
    try {
      for (const name of await caches.keys()) {
        if (!name.startsWith('so-tay-')) continue;
        if (await (await caches.open(name)).match(`${base}offline-copy-complete`)) return true;
      }
    } catch {
      // No cache storage: nothing saved.
    }
    return false;
  }

  #showProgress(done: number, total: number): void {
    this.#progress.max = total;
    this.#progress.value = done;
    this.#status.textContent = progressText(done, total);
  }

  /** The service worker's cache for this version (src/integrations/service-worker.js). */
  #cacheName(list: CopyList): string {
    return `so-tay-${list.version}`;
  }
}

customElements.define('offline-copy', OfflineCopy);
