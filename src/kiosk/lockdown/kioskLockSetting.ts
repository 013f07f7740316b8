import type { DeviceStore } from '../../device/deviceStore.ts';

/** Device setting: whether staff turned the kiosk lock on (the Kiosk tab of the staff panel). */
const KEY = 'kioskLock';

export async function isKioskLockOn(store: Pick<DeviceStore, 'getSetting'>): Promise<boolean> {
  return (await store.getSetting<{ enabled?: boolean }>(KEY))?.enabled === true;
}

export const saveKioskLockOn = (store: Pick<DeviceStore, 'setSetting'>, enabled: boolean) => store.setSetting(KEY, { enabled });
