/**
 * On every page: registers the service worker (dist/sw.js, written by the build) that
 * keeps the whole handbook for offline use, and says so when a new version takes over.
 */
export function startOffline(base: string): void {
  if (!('serviceWorker' in navigator)) return;
  // Only a page already served by an older version gets the notice, not a first visit.
  const hadVersion = navigator.serviceWorker.controller !== null;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (!hadVersion || document.getElementById('ban-moi')) return;
    const notice = document.createElement('p');
    notice.id = 'ban-moi';
    notice.className = 'update-notice';
    notice.setAttribute('role', 'status');
    notice.textContent = 'Sổ tay đã có bản mới: các trang mở từ bây giờ là bản mới. Tải lại trang này để xem bản mới.';
    document.body.prepend(notice);
  });
  // Precaching costs a download of the whole site: after the page has loaded, not during.
  const register = () => {
    navigator.serviceWorker.register(`${base}sw.js`, { scope: base }).catch(() => {
      // No offline copy (private mode, file://, blocked): the site works online as before.
    });
  };
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
}
