import type { DeviceStore } from '../../device/deviceStore.ts';
import { verifyDevicePin, type EnrollmentRecord } from '../../device/enrollmentRecord.ts';
import { attemptUnderPinLock, type PinAttempt } from '../../device/staffPinGate.ts';

export type DevicePinCheck = PinAttempt;

/** Checks the device PIN (set at enrollment) under the tablet's one PIN lock, which personal PINs share. */
export function checkDevicePin(
  store: Pick<DeviceStore, 'getSetting' | 'setSetting'>,
  stored: EnrollmentRecord['pin'],
  pin: string,
  now = new Date(),
): Promise<DevicePinCheck> {
  return attemptUnderPinLock(store, () => verifyDevicePin(pin, stored), now);
}
