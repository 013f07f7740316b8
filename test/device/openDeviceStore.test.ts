import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { assertRoomToStore, openDeviceStore, storageRoom } from '../../src/device/openDeviceStore.ts';
import { StorageFault } from '../../src/device/storageFault.ts';

describe('opening the tablet store', () => {
  it('reports a schema upgrade blocked by an older tab as a fault, instead of waiting forever', async () => {
    // An old tab: a connection at an earlier version that does not step aside.
    const old = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('sayso-blocked', 10);
      request.onupgradeneeded = () => request.result.createObjectStore('responses', { keyPath: 'id' });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    old.onversionchange = () => undefined;
    const failure = await openDeviceStore('sayso-blocked').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StorageFault);
    expect((failure as StorageFault).kind).toBe('blocked');
    old.close();
  });

  it('opens and works when nothing is in the way', async () => {
    const store = await openDeviceStore('sayso-free');
    expect(await store.counts()).toEqual({ drafts: 0, complete: 0, partial: 0, outbox: 0 });
  });
});

describe('storage room', () => {
  const estimate = (quota: number, usage: number) => ({ estimate: async () => ({ quota, usage }) });

  it('warns below 50 MB free and refuses to start below 2 MB', async () => {
    expect(await storageRoom(estimate(1e9, 1e8))).toEqual({ free: 9e8, low: false });
    expect(await storageRoom(estimate(1e9, 1e9 - 10e6))).toEqual({ free: 10e6, low: true });
    await expect(assertRoomToStore(estimate(1e9, 1e9 - 10e6))).resolves.toBeUndefined();
    await expect(assertRoomToStore(estimate(1e9, 1e9 - 1e6))).rejects.toMatchObject({ kind: 'full' });
  });

  it('says nothing when the browser gives no estimate', async () => {
    expect(await storageRoom(undefined)).toBeUndefined();
    await expect(assertRoomToStore(undefined)).resolves.toBeUndefined();
  });
});
