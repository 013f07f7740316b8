import { SaysoDatabase } from './database.ts';
import { makeDeviceStore, type DeviceStore } from './deviceStore.ts';
import { classifyStorageError, StorageFault } from './storageFault.ts';

/** Below this much free quota, the kiosk refuses to start a survey it may not be able to store. */
export const MIN_FREE_BYTES = 2 * 1024 * 1024;

/**
 * Opens the tablet's database, or explains why it cannot (private mode, no IndexedDB,
 * a blocked upgrade, a full disk).
 */
export async function openDeviceStore(name?: string): Promise<DeviceStore> {
  if (typeof indexedDB === 'undefined') throw new StorageFault('unavailable', 'this browser has no IndexedDB');
  const db = new SaysoDatabase(name);
  db.on('blocked', () => undefined);
  try {
    await db.open();
  } catch (error) {
    throw classifyStorageError(error);
  }
  return makeDeviceStore(db);
}

/** Throws a 'full' StorageFault when the origin's remaining quota is too small to store a response. */
export async function assertRoomToStore(storage: Pick<StorageManager, 'estimate'> | undefined = globalThis.navigator?.storage): Promise<void> {
  if (!storage?.estimate) return;
  const { quota, usage } = await storage.estimate();
  if (quota !== undefined && usage !== undefined && quota - usage < MIN_FREE_BYTES) {
    throw new StorageFault('full', `only ${Math.max(0, quota - usage)} bytes of storage left`);
  }
}
