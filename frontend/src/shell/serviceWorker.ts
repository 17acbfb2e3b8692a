/**
 * Registers the service worker that keeps the application shell for offline reloads (public/sw.js), in production
 * builds only: the development server's modules change on every edit and must never come from a cache.
 */
export function registerServiceWorker(enabled = import.meta.env.PROD) {
  if (!enabled || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker
      .register('/sw.js')
      .then(async (registration) => {
        await navigator.serviceWorker.ready;
        // What this page loaded before the worker controlled it (its scripts, styles, translations).
        const urls = performance.getEntriesByType('resource').map((entry) => entry.name);
        (registration.active ?? navigator.serviceWorker.controller)?.postMessage({ type: 'cache-shell', urls });
      })
      .catch((error: unknown) => console.warn('Custodia: offline shell unavailable', error));
  });
}
