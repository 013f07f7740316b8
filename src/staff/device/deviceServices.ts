import type { DeviceStore } from '../../device/deviceStore.ts';
import type { KioskSafety } from '../../kiosk/lockdown/startKioskSafety.ts';
import type { DeviceApi } from '../../sync/deviceApi.ts';

/** What the tablet's staff screens work with; main.tsx hands them in. */
export interface DeviceServices {
  store: () => Promise<DeviceStore>;
  api: () => Promise<DeviceApi>;
  /** Asks the sync scheduler for a pass now, resolving when it is done. */
  syncNow: () => Promise<void>;
  /** The kiosk lock (full screen, wake lock) for the Kiosk tab. */
  kioskSafety?: () => Promise<KioskSafety>;
}
