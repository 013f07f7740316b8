import { SaysoDatabase } from './database.ts';
import { makeDeviceStore, type DeviceStore } from './deviceStore.ts';
import { classifyStorageError, StorageFault } from './storageFault.ts';

/** Below this much free quota, the kiosk refuses to start a survey it may not be able to store. */
export const MIN_FREE_BYTES = 2 * 1024 * 1024;
/** Below this much, staff are warned while there is still room to sync and clear the outbox. */
export const LOW_FREE_BYTES = 50 * 1024 * 1024;

/** Free space left to this origin, when the browser says; staff are warned below LOW_FREE_BYTES. */
export async function storageRoom(storage: Pick<StorageManager, 'estimate'> | undefined = globalThis.navigator?.storage): Promise<{ free: number; low: boolean } | undefined> {
  if (!storage?.estimate) return undefined;
  const { quota, usage } = await storage.estimate();
  if (quota === undefined || usage === undefined) return undefined;
  const free = Math.max(0, quota - usage);
  return { free, low: free < LOW_FREE_BYTES };
}

/**
 * Opens the tablet's database, or explains why it cannot (private mode, no IndexedDB,
 * a blocked upgrade, a full disk).
 */
export async function openDeviceStore(name?: string): Promise<DeviceStore> {
  if (typeof indexedDB === 'undefined') throw new StorageFault('unavailable', 'this browser has no IndexedDB');
  const db = new SaysoDatabase(name);
  // An older version of Sayso open in another tab blocks the schema upgrade: say so to
  // staff instead of waiting forever behind a spinner.
  const blocked = new Promise<never>((_, reject) =>
    db.on('blocked', () => reject(new StorageFault('blocked', 'an older version of Sayso is open in another tab or window'))),
  );
  try {
    await Promise.race([db.open(), blocked]);
  } catch (error) {
    db.close();
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
