/**
 * Registers the course's service worker (/sw.js, written by the build) once the page has loaded, and
 * shows the update notice when a new deploy's version has cached itself and waits: Reload hands over
 * to it and loads the page again from the new version.
 */
export function registerServiceWorker(notice: HTMLElement): void {
  if (!('serviceWorker' in navigator)) return;
  const container = navigator.serviceWorker;
  const offer = (waiting: ServiceWorker) => {
    notice.hidden = false;
    notice.querySelector('button')!.addEventListener(
      'click',
      () => {
        container.addEventListener('controllerchange', () => location.reload(), { once: true });
        waiting.postMessage({ type: 'skip-waiting' });
      },
      { once: true },
    );
  };
  const register = async () => {
    try {
      const registration = await container.register('/sw.js', { scope: '/' });
      // A version that finished installing while no page was there to offer it.
      if (registration.waiting && container.controller) offer(registration.waiting);
      registration.addEventListener('updatefound', () => {
        const installing = registration.installing;
        installing?.addEventListener('statechange', () => {
          if (installing.state === 'installed' && container.controller) offer(installing);
        });
      });
    } catch {
      // No service worker (a private window, an old browser): the course works online as before.
    }
  };
  // After the page's own loading, so that caching the course never competes with it.
  if (document.readyState === 'complete') void register();
  else addEventListener('load', () => void register(), { once: true });
}
