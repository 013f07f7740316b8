import type { Enrollment } from '../sync/deviceApi.ts';
import type { DeviceStore } from './deviceStore.ts';
import type { SealingKey } from '../survey/sealing.ts';

/** What a tablet keeps about its enrollment (the token and secret never leave the device store). */
export interface EnrollmentRecord extends Enrollment {
  deviceName: string;
  enrolledAt: string;
  /** PBKDF2 of the device PIN that guards staff screens on this tablet. */
  pin: { salt: string; hash: string; iterations: number };
}

export interface SyncStatus {
  lastAttemptAt?: string;
  lastSuccessAt?: string;
  lastError?: string;
  /** The server refused this tablet (revoked, unknown): it keeps its data until enrolled again. */
  refused?: boolean;
}

const ENROLLMENT = 'enrollment';
const SYNC_STATUS = 'syncStatus';
const BUNDLE = 'bundle';
/** Settings key of the running withdrawal totals, `{[surveyId|quarter]: count}` (src/sync/uploadWithdrawals.ts sends them). */
export const WITHDRAWALS_KEY = 'withdrawals';

export const getEnrollment = (store: DeviceStore) => store.getSetting<EnrollmentRecord>(ENROLLMENT);
export const saveEnrollment = (store: DeviceStore, record: EnrollmentRecord) => store.setSetting(ENROLLMENT, record);
export const getSyncStatus = async (store: DeviceStore) => (await store.getSetting<SyncStatus>(SYNC_STATUS)) ?? {};
export const saveSyncStatus = (store: DeviceStore, status: SyncStatus) => store.setSetting(SYNC_STATUS, status);

export interface StoredBundle {
  etag?: string;
  fetchedAt: string;
  bundle: unknown;
}
export const getBundle = (store: DeviceStore) => store.getSetting<StoredBundle>(BUNDLE);

/** The organisation's public sealing key from the bundle; none until the tablet is enrolled and has synced once. */
export async function bundleSealingKey(store: DeviceStore): Promise<SealingKey | undefined> {
  const sealing = ((await getBundle(store))?.bundle as { sealing?: SealingKey } | undefined)?.sealing;
  return sealing?.keyId && sealing.publicKey ? sealing : undefined;
}
export const saveBundle = (store: DeviceStore, bundle: StoredBundle) => store.setSetting(BUNDLE, bundle);

function toBase64(bytes: ArrayBuffer | Uint8Array): string {
  let binary = '';
  for (const byte of new Uint8Array(bytes)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

async function derivePin(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  return toBase64(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256));
}

/** A slow, salted hash of the device PIN: works offline, and a copied database does not reveal the PIN at a glance. */
export async function hashDevicePin(pin: string): Promise<EnrollmentRecord['pin']> {
  const salt = new Uint8Array(new ArrayBuffer(16));
  crypto.getRandomValues(salt);
  const iterations = 200_000;
  return { salt: toBase64(salt), hash: await derivePin(pin, salt, iterations), iterations };
}

export async function verifyDevicePin(pin: string, stored: EnrollmentRecord['pin']): Promise<boolean> {
  const salt = Uint8Array.from(atob(stored.salt), (c) => c.charCodeAt(0));
  return (await derivePin(pin, salt, stored.iterations)) === stored.hash;
}
