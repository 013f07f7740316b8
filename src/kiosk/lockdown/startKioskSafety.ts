import type { DeviceStore } from '../../device/deviceStore.ts';
import { guardBrowserHistory, type GuardedSession, type KioskView } from '../guardBrowserHistory.ts';
import { browserLockHost } from './browserLockHost.ts';
import { isKioskLockOn, saveKioskLockOn } from './kioskLockSetting.ts';
import { makeKioskLock, type KioskLock } from './makeKioskLock.ts';

export interface KioskSafety {
  lock: KioskLock;
  /** Staff turn the lock on or off (the Kiosk tab): at once, and kept for the next start. */
  turnLock(on: boolean): Promise<void>;
}

/**
 * Shared-tablet safety, loaded after the first paint (main.tsx): the history guard, and the
 * kiosk lock switched on if staff turned it on. The lock is returned for the staff panel.
 */
export async function startKioskSafety(options: { session: GuardedSession; view: KioskView; store: () => Promise<DeviceStore> }): Promise<KioskSafety> {
  guardBrowserHistory(options.session, window, options.view);
  const lock = makeKioskLock(browserLockHost());
  // Storage that does not open shows its own message; the lock then stays off.
  if (await options.store().then(isKioskLockOn, () => false)) lock.enable();
  return {
    lock,
    async turnLock(on) {
      // First, while the tap lasts: full screen is only granted during a user gesture.
      if (on) lock.enable();
      else await lock.disable();
      await saveKioskLockOn(await options.store(), on);
    },
  };
}
