/**
 * The notices of saved work (saved.ts), loaded when there is one to show: where text that
 * could not be used went (with its download, which frees a held original), and a save that
 * did not happen (with a download of what is on the page), cleared once a save succeeds.
 */
import type { Aside, Saved } from '../lib/store/kept.ts';
import {
  asideWhere,
  DOWNLOAD_NOW,
  downloadOld,
  HELD_RELEASED,
  notSaved,
  SAVED_AGAIN,
} from '../lib/store/wording.ts';
import { notify, type SavedWork } from './saved.ts';

/** Adds to a notice a link that downloads `raw` as `name`. */
function download(notice: HTMLElement, raw: string, name: string, text: string): HTMLAnchorElement {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([raw], { type: 'application/json' }));
  link.download = name;
  link.textContent = text;
  const line = document.createElement('p');
  line.append(link);
  notice.append(line);
  return link;
}

export function showAside<S>(saved: SavedWork<S>, aside: Aside): void {
  const notice = notify(saved.options.box(), `${aside.message} ${asideWhere(aside.where)}`);
  const link = download(notice, aside.raw, saved.options.asideFile, downloadOld(aside.where));
  link.addEventListener('click', () => {
    if (saved.held !== aside) return;
    saved.release();
    const line = document.createElement('p');
    line.textContent = HELD_RELEASED;
    notice.append(line);
    saved.save(saved.state);
  });
}

export function showSaved<S>(saved: SavedWork<S>, result: Saved): void {
  if (result === 'saved' || result === 'unchanged') {
    saved.failed?.replaceChildren(SAVED_AGAIN);
    saved.failed = null;
    return;
  }
  if (saved.failed) return;
  saved.failed = notify(saved.options.box(), notSaved(result));
  download(saved.failed, saved.kind.serialise(saved.state), saved.options.file, DOWNLOAD_NOW);
}
