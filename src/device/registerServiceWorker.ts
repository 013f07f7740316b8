import { Workbox } from 'workbox-window';

/** How long the old worker may take to step aside before the page reloads onto the new one. */
const TAKEOVER_GRACE_MS = 3000;

/**
 * Registers the service worker and holds a new app version until the kiosk is at its
 * attract screen, so an update never interrupts a respondent.
 */
export function registerServiceWorker(isAtAttract: () => boolean): { atAttract: () => void } {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return { atAttract: () => undefined };
  const workbox = new Workbox('/sw.js');
  let registration: ServiceWorkerRegistration | undefined;
  let applied = false;
  let fallback: ReturnType<typeof setTimeout> | undefined;

  // Reads the registration itself rather than remembering workbox-window's events:
  // those are not sent for every later update of a long-running kiosk page.
  const apply = () => {
    const waiting = registration?.waiting;
    if (!waiting || !isAtAttract()) return;
    applied = true;
    waiting.postMessage({ type: 'SKIP_WAITING' });
    // Chromium activates a skip-waiting worker only once the old one has no work in
    // flight; leaving the page ends that work, and the navigation then gets the new
    // worker. Only while still at the attract screen: never under a respondent.
    clearTimeout(fallback);
    fallback = setTimeout(() => {
      if (isAtAttract() && registration?.waiting) window.location.reload();
    }, TAKEOVER_GRACE_MS);
  };

  workbox.addEventListener('waiting', apply);
  // Reload onto the new version only when this page asked for it.
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (applied) window.location.reload();
  });
  void workbox.register({ immediate: true }).then((registered) => {
    registration = registered;
    apply();
  });
  return { atAttract: apply };
}
