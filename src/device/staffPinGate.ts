import * as v from 'valibot';
import { StaffPinVerifier, verifyTabletPin, type TabletPinUse } from '../survey/staffPins.ts';
import type { DeviceStore } from './deviceStore.ts';
import { getBundle } from './enrollmentRecord.ts';

const LOCK_KEY = 'staffPinLock';
/** Wrong PINs in a row before PIN entry locks on this tablet. */
export const PIN_ATTEMPTS = 5;
/** Each lock lasts longer than the one before: 5, 15, then 60 minutes. */
const LOCK_MINUTES = [5, 15, 60] as const;

interface PinLock {
  failures: number;
  /** Locks so far since the last good PIN: picks the next lock's length. */
  locks: number;
  until?: string;
}

export type StaffPinCheck =
  | { ok: true; verifier: StaffPinVerifier }
  | { ok: false; reason: 'no-verifiers' }
  | { ok: false; reason: 'wrong'; attemptsLeft: number }
  | { ok: false; reason: 'locked'; minutes: number };

/** The staff PIN verifiers of the last bundle that may do `use` (none before the first sync). */
export async function staffPinVerifiers(store: Pick<DeviceStore, 'getSetting'>, use: TabletPinUse): Promise<StaffPinVerifier[]> {
  const listed = ((await getBundle(store as DeviceStore))?.bundle as { staffPinVerifiers?: unknown } | undefined)?.staffPinVerifiers;
  if (!Array.isArray(listed)) return [];
  return listed.flatMap((item) => {
    const parsed = v.safeParse(StaffPinVerifier, item);
    return parsed.success && parsed.output.uses.includes(use) ? [parsed.output] : [];
  });
}

const minutesUntil = (until: string, now: Date) => Math.max(1, Math.ceil((Date.parse(until) - now.getTime()) / 60_000));

/** Whether PIN entry is locked now, and for how many more minutes. */
export async function pinLockMinutes(store: Pick<DeviceStore, 'getSetting'>, now = new Date()): Promise<number | undefined> {
  const lock = await store.getSetting<PinLock>(LOCK_KEY);
  return lock?.until && lock.until > now.toISOString() ? minutesUntil(lock.until, now) : undefined;
}

export type PinAttempt = { ok: true } | { ok: false; reason: 'wrong'; attemptsLeft: number } | { ok: false; reason: 'locked'; minutes: number };

/**
 * One PIN attempt under the tablet's single PIN lock (device PIN and personal PINs alike):
 * the attempt is counted before the slow `verify`, so closing the page mid-check gives no
 * free attempt; a good PIN clears the count; the fifth wrong one in a row locks entry.
 */
export async function attemptUnderPinLock(store: Pick<DeviceStore, 'getSetting' | 'setSetting'>, verify: () => Promise<boolean>, now = new Date()): Promise<PinAttempt> {
  const lock = (await store.getSetting<PinLock>(LOCK_KEY)) ?? { failures: 0, locks: 0 };
  if (lock.until && lock.until > now.toISOString()) return { ok: false, reason: 'locked', minutes: minutesUntil(lock.until, now) };

  const failures = lock.failures + 1;
  const locks = lock.locks ?? 0;
  const locking = failures >= PIN_ATTEMPTS;
  const minutes = LOCK_MINUTES[Math.min(locks, LOCK_MINUTES.length - 1)]!;
  const failed: PinLock = locking ? { failures: 0, locks: locks + 1, until: new Date(now.getTime() + minutes * 60_000).toISOString() } : { failures, locks };
  await store.setSetting(LOCK_KEY, failed);

  if (await verify()) {
    await store.setSetting(LOCK_KEY, { failures: 0, locks: 0 } satisfies PinLock);
    return { ok: true };
  }
  return locking ? { ok: false, reason: 'locked', minutes } : { ok: false, reason: 'wrong', attemptsLeft: PIN_ATTEMPTS - failures };
}

/**
 * Checks a tablet number and PIN offline against the bundle's verifiers. Wrong PINs are
 * counted per tablet (not per number, so guessing numbers does not help).
 */
export async function checkStaffPin(
  store: Pick<DeviceStore, 'getSetting' | 'setSetting'>,
  input: { number: number; pin: string; use: TabletPinUse },
  now = new Date(),
): Promise<StaffPinCheck> {
  const verifiers = await staffPinVerifiers(store, input.use);
  if (verifiers.length === 0) return { ok: false, reason: 'no-verifiers' };
  const verifier = verifiers.find((candidate) => candidate.number === input.number);
  // An unknown number costs the same slow check, so timing does not tell which numbers exist.
  const attempt = await attemptUnderPinLock(store, async () => (await verifyTabletPin(input.pin, verifier ?? { ...verifiers[0]!, hash: '' })) && verifier !== undefined, now);
  return attempt.ok ? { ok: true, verifier: verifier! } : attempt;
}
