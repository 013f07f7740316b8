/// <reference lib="webworker" />
/**
 * Sayso's service worker: after one online visit the whole kiosk (shell, locales,
 * pictograms, built-in surveys) is precached and loads with no network.
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { RangeRequestsPlugin } from 'workbox-range-requests';
import { getOrCreateDefaultRouter } from 'workbox-routing/utils/getOrCreateDefaultRouter.js';
import { CacheFirst, StaleWhileRevalidate } from 'workbox-strategies';
import { CACHE_FILL_HEADER } from '../src/survey/audioCacheFill.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> };

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Any in-app URL (a preview link, a reload on a deep link) opens the cached shell.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//] }));

// The staff web (not precached: tablets do not download it, vite.config.ts globIgnores) stays
// available once loaded, so an inspector's laptop opens paper entry offline after one online
// visit. Hashed file names never change content: cache-first is safe, and a new build's
// files are new names. Files the page loaded before this worker controlled it arrive as a
// CACHE_URLS message (src/inspector/entry/keepPaperOffline.ts), routed through this same handler.
const STAFF_ASSETS_KEPT = 300;
registerRoute(
  ({ url }) => url.origin === self.location.origin && url.pathname.startsWith('/assets/'),
  new CacheFirst({
    cacheName: 'sayso-staff-assets',
    // Old builds' files would pile up: keep the newest ones (keys() lists in insertion order).
    plugins: [{
      cacheDidUpdate: async ({ cacheName }) => {
        const cache = await caches.open(cacheName);
        const keys = await cache.keys();
        await Promise.all(keys.slice(0, Math.max(0, keys.length - STAFF_ASSETS_KEPT)).map((key) => cache.delete(key)));
      },
    }],
  }),
);
getOrCreateDefaultRouter().addCacheListener();

// Surveys published after this build (not precached) stay available offline once seen.
registerRoute(({ url }) => url.origin === self.location.origin && url.pathname.startsWith('/surveys/'), new StaleWhileRevalidate({ cacheName: 'sayso-surveys' }));

// Prompt audio plays from the 'sayso-audio' cache the app fills (src/device/audioCache.ts),
// within its budget; Range requests (seeking, the media element's bytes=0-) get a 206 cut
// from the cached clip. A miss goes to the network and is not stored here: only the app
// decides what fits the budget. The app's own cache-filling fetches pass straight to the
// network (src/survey/audioCacheFill.ts), so they never keep this worker busy.
const AUDIO_CACHE_NAME = 'sayso-audio';
registerRoute(
  ({ url, request }) =>
    url.origin === self.location.origin &&
    (url.pathname.startsWith('/audio/') || url.pathname.startsWith('/api/v1/media/')) &&
    !request.headers.has(CACHE_FILL_HEADER),
  new CacheFirst({
    cacheName: AUDIO_CACHE_NAME,
    plugins: [{ cacheWillUpdate: async () => null }, new RangeRequestsPlugin()],
  }),
);

// A new version waits until the app says no respondent is answering (registerServiceWorker.ts).
self.addEventListener('message', (event: ExtendableMessageEvent) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// The first install takes the open page at once, so it works offline without a second visit.
clientsClaim();

// Background Sync (Chromium): the browser wakes the worker when the network is back; the
// page does the sending (it owns the outbox), so the worker asks open pages to sync.
self.addEventListener('sync', (event: Event) => {
  const syncEvent = event as ExtendableEvent & { tag?: string };
  if (syncEvent.tag !== 'sayso-outbox') return;
  syncEvent.waitUntil(
    self.clients.matchAll({ type: 'window' }).then((clients) => {
      for (const client of clients) client.postMessage({ type: 'SYNC_NOW' });
    }),
  );
});
