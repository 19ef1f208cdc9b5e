/**
 * On every page, inline: registers the offline service worker, and loads the code of the header's
 * search and of the offline copy only when first used (a focus in the box, a press of the button),
 * so a page that is only read ships nothing more.
 *
 * Both are built as stand-alone modules (Vite's `?worker&url` builds a file with everything it
 * imports and gives its hashed address) and imported by that address: this script then holds
 * two strings instead of Vite's module loader, and stays small enough to be written inline.
 */
import headerSearchModule from './search/header-search.ts?worker&url';
import offlineCopyModule from './offline/offline-copy.ts?worker&url';
import { registerOffline } from './offline/register.ts';

registerOffline(import.meta.env.BASE_URL);

const load = (module: string) => import(/* @vite-ignore */ module);

document
  .querySelector('header-search')
  ?.addEventListener('focusin', () => void load(headerSearchModule), { once: true });

const copy = document.querySelector<HTMLElement>('offline-copy');
const button = copy?.querySelector('button');
if (copy && button && 'serviceWorker' in navigator && 'caches' in window) {
  copy.hidden = false;
  // Until the control's code is loaded (the worker keeps it, so offline too): a press that
  // cannot load it says so and leaves this listener for the next press, never a dead button.
  const first = async () => {
    try {
      await load(offlineCopyModule);
    } catch {
      // The sentence is the page's own (data-failed), so that this inline script stays small.
      const status = copy.querySelector<HTMLElement>('[role="status"]');
      if (status) status.textContent = status.dataset.failed ?? '';
      return;
    }
    button.removeEventListener('click', first);
    await (copy as HTMLElement & { onPress(): Promise<void> }).onPress();
  };
  button.addEventListener('click', first);
}
