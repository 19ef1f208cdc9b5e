/**
 * Registers the service worker (dist/sw.js, written by the build), says so when a new version
 * takes over (the words are in the page: #ban-moi's data-text), and hands the worker the page it
 * first appears on (fetched before the worker existed) so that this page, too, opens without
 * the network next time.
 */
export function registerOffline(base: string): void {
  if (!('serviceWorker' in navigator)) return;
  const container = navigator.serviceWorker;
  // Only a page already served by an older version gets the notice, not a first visit.
  const hadVersion = container.controller !== null;
  container.addEventListener('controllerchange', () => {
    const notice = document.getElementById('ban-moi');
    if (hadVersion && notice) notice.textContent = notice.dataset.text ?? '';
  });
  // After the page has loaded, not during.
  addEventListener('load', () => {
    container.register(`${base}sw.js`, { scope: base }).catch(() => {
      // No offline use (private mode, file://, blocked): the site works online as before.
    });
    if (!hadVersion)
      void container.ready.then(({ active }) => {
        const loaded = performance.getEntriesByType('resource').map((entry) => entry.name);
        active?.postMessage({ type: 'cache-page', urls: [location.href, ...loaded] });
      });
  });
}
