import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { SaysoDatabase } from '../../src/device/database.ts';

/** A database on a fresh in-memory IndexedDB, so tests never share state. */
export function makeTestDatabase(upToVersion?: number, factory: IDBFactory = new IDBFactory()) {
  return new SaysoDatabase('sayso-test', { indexedDB: factory, IDBKeyRange, ...(upToVersion ? { upToVersion } : {}) });
}
