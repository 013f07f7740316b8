import type { DeviceStore } from '../../device/deviceStore.ts';
import type { EnrollmentRecord } from '../../device/enrollmentRecord.ts';
import { checkStaffPin } from '../../device/staffPinGate.ts';
import { checkDevicePin } from './checkDevicePin.ts';

export type UnlockOutcome =
  | { ok: true; by: 'device' | 'staff' }
  | { ok: false; reason: 'no-verifiers' | 'bad-number' }
  | { ok: false; reason: 'wrong'; attemptsLeft: number }
  | { ok: false; reason: 'locked'; minutes: number };

/**
 * The PIN in front of the tablet's staff screens: the device PIN (no tablet number), or a
 * staff member's tablet number and personal PIN allowed 'staff-screens' by the bundle.
 * Both count against the tablet's one PIN lock.
 */
export async function unlockStaffScreens(
  store: Pick<DeviceStore, 'getSetting' | 'setSetting'>,
  enrollment: Pick<EnrollmentRecord, 'pin'>,
  input: { number: string; pin: string },
  now = new Date(),
): Promise<UnlockOutcome> {
  const number = input.number.trim();
  if (number === '') {
    const check = await checkDevicePin(store, enrollment.pin, input.pin, now);
    return check.ok ? { ok: true, by: 'device' } : check;
  }
  if (!/^\d{1,6}$/.test(number)) return { ok: false, reason: 'bad-number' };
  const check = await checkStaffPin(store, { number: Number(number), pin: input.pin, use: 'staff-screens' }, now);
  return check.ok ? { ok: true, by: 'staff' } : check;
}
