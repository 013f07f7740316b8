import type { LockHost, WakeLockHandle } from './makeKioskLock.ts';

/** The real document and navigator behind the kiosk lock. */
export function browserLockHost(): LockHost {
  const wakeLock = (navigator as Navigator & { wakeLock?: { request(type: 'screen'): Promise<WakeLockHandle> } }).wakeLock;
  // An app installed with display "fullscreen" is already full screen without asking.
  const installedFullscreen = () => matchMedia('(display-mode: fullscreen)').matches;
  return {
    fullscreenAvailable: () => document.fullscreenEnabled === true,
    isFullscreen: () => document.fullscreenElement != null || installedFullscreen(),
    // navigationUI hide: Chrome on Android keeps its bars away while the kiosk is full screen.
    requestFullscreen: () => document.documentElement.requestFullscreen({ navigationUI: 'hide' }),
    exitFullscreen: () => (document.fullscreenElement ? document.exitFullscreen() : Promise.resolve()),
    requestWakeLock: wakeLock ? () => wakeLock.request('screen') : undefined,
    visible: () => document.visibilityState === 'visible',
    // Where userActivation is missing (older Safari), asking is the only way to know.
    inGesture: () => (navigator as Navigator & { userActivation?: { isActive: boolean } }).userActivation?.isActive ?? true,
    listen(type, listener) {
      const capture = type === 'pointerup' || type === 'keydown';
      document.addEventListener(type, listener, { capture });
      return () => document.removeEventListener(type, listener, { capture });
    },
  };
}
