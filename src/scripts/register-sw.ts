/**
 * Enhancement: registers the service worker that keeps visited pages readable offline. Only over
 * http(s) — a page opened from disk (the offline bundle) has nothing to register.
 */
export function registerServiceWorker(base: string): void {
  if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  navigator.serviceWorker.register(`${base}sw.js`, { scope: base }).catch(() => {
    // No worker (e.g. a preview server without the build step): pages still work online.
  });
}
