/**
 * Registers the field app's service worker (built by vite-plugin-pwa into /field/sw.js, scope /field/):
 * it precaches the app so it opens with no network after the first visit. A new version waits until
 * every field tab is closed — never swapped under someone filling in a record.
 */
export function registerFieldServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/field/sw.js', { scope: '/field/' }).catch(() => {
      // No worker (private mode, say): the app still works while online.
    });
  });
}
