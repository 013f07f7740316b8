import { Workbox } from 'workbox-window';

/**
 * Registers the service worker and holds a new app version until the kiosk is at its
 * attract screen, so an update never interrupts a respondent.
 */
export function registerServiceWorker(isAtAttract: () => boolean): { atAttract: () => void } {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return { atAttract: () => undefined };
  const workbox = new Workbox('/sw.js');
  let waiting = false;
  const apply = () => {
    if (waiting && isAtAttract()) {
      waiting = false;
      workbox.messageSkipWaiting();
    }
  };
  workbox.addEventListener('waiting', () => {
    waiting = true;
    apply();
  });
  workbox.addEventListener('controlling', (event) => {
    if (event.isUpdate) window.location.reload();
  });
  void workbox.register();
  return { atAttract: apply };
}
