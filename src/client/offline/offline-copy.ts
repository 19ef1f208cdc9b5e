/**
 * <offline-copy>: "Lưu để dùng khi mất mạng" at the foot of every page. The first press fetches
 * the copy's list (dist/offline.json, a few KB) and shows what it holds and its size; the second
 * downloads it into the service worker's cache with progress, file by file, skipping what is
 * there already (so an interrupted download resumes), and marks the copy complete so that a
 * new version of the handbook downloads its own.
 */
import {
  INTERRUPTED,
  NO_SPACE,
  OFFER_FAILED,
  RESUME_LABEL,
  SAVED,
  confirmLabel,
  offerText,
  progressText,
} from '../../lib/site/offline-wording.ts';

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
    if (!this.#list) {
      // Pressed while offline: say so, and the button stays a button.
      return this.offer().catch(() => void (this.#status.textContent = OFFER_FAILED));
    }
    return this.download();
  }

  async offer(): Promise<void> {
    const base = this.dataset.base ?? '/';
    const response = await fetch(`${base}offline.json`, { cache: 'no-cache' });
    const list = (await response.json()) as CopyList;
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
      // A full storage is not a network fault: saying «mạng bị ngắt?» would send the person
      // to retry what cannot succeed.
      this.#status.textContent =
        (error as DOMException | undefined)?.name === 'QuotaExceededError'
          ? NO_SPACE(list.bytes)
          : INTERRUPTED;
      this.#button.textContent = RESUME_LABEL;
    } finally {
      this.#busy = false;
      this.#button.disabled = false;
      this.#progress.hidden = true;
    }
  }

  async #fetchInto(cache: Cache, url: string): Promise<void> {
    const response = await fetch(url, { cache: 'no-cache' });
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    await cache.put(url, response);
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
