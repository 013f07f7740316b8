/**
 * Makes this page open again with no network: registers the service worker (the staff web
 * does not, src/main.tsx registers it for the kiosk) and hands it the staff web's files this
 * page loaded before the worker controlled it, so its runtime cache holds them (sw/sw.ts).
 */
export async function keepPaperOffline(): Promise<void> {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  await navigator.serviceWorker.register('/sw.js');
  const registration = await navigator.serviceWorker.ready;
  const loaded = performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name, location.href))
    .filter((url) => url.origin === location.origin && url.pathname.startsWith('/assets/'))
    .map((url) => url.pathname);
  const linked = [...document.querySelectorAll<HTMLScriptElement | HTMLLinkElement>('script[src], link[rel="stylesheet"], link[rel="modulepreload"]')]
    .map((el) => new URL('src' in el && el.src ? el.src : (el as HTMLLinkElement).href, location.href))
    .filter((url) => url.origin === location.origin && url.pathname.startsWith('/assets/'))
    .map((url) => url.pathname);
  const urlsToCache = [...new Set([...loaded, ...linked])];
  if (!urlsToCache.length || !registration.active) return;
  // Answered once every file is cached (workbox-routing's CACHE_URLS listener).
  await new Promise<void>((done) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done();
    registration.active!.postMessage({ type: 'CACHE_URLS', payload: { urlsToCache } }, [channel.port2]);
    setTimeout(done, 10_000);
  });
}
