import { describe, expect, it } from 'vitest';
import { makeDeviceStore } from '../../../src/device/deviceStore.ts';
import { hashDevicePin, type EnrollmentRecord } from '../../../src/device/enrollmentRecord.ts';
import { checkStaffPin, pinLockMinutes } from '../../../src/device/staffPinGate.ts';
import { unlockStaffScreens } from '../../../src/staff/device/unlockStaffScreens.ts';
import { hashTabletPin, type StaffPinVerifier } from '../../../src/survey/staffPins.ts';
import { makeTestDatabase } from '../../device/makeTestDatabase.ts';

const DEVICE_PIN = '246810';
const at = (iso: string) => new Date(iso);

async function tablet(verifiers: Array<Pick<StaffPinVerifier, 'number' | 'role' | 'uses'> & { pin: string }> = []) {
  const store = makeDeviceStore(makeTestDatabase());
  const enrollment = { pin: await hashDevicePin(DEVICE_PIN) } satisfies Pick<EnrollmentRecord, 'pin'>;
  const staffPinVerifiers = await Promise.all(verifiers.map(async ({ pin, ...v }) => ({ ...v, ref: `sr_${'a'.repeat(21)}${v.number}`, ...(await hashTabletPin(pin, 100_000)) })));
  await store.setSetting('bundle', { fetchedAt: '2026-11-01T00:00:00Z', bundle: { staffPinVerifiers } });
  return { store, enrollment };
}

describe('unlocking the tablet staff screens', () => {
  it('opens with the device PIN when no tablet number is given', async () => {
    const { store, enrollment } = await tablet();
    expect(await unlockStaffScreens(store, enrollment, { number: '', pin: DEVICE_PIN })).toEqual({ ok: true, by: 'device' });
  });

  it('opens with a staff member\'s tablet number and personal PIN when their role may open staff screens', async () => {
    const { store, enrollment } = await tablet([{ number: 3, role: 'manager', uses: ['mediate', 'staff-screens'], pin: '918273' }]);
    expect(await unlockStaffScreens(store, enrollment, { number: ' 3 ', pin: '918273' })).toEqual({ ok: true, by: 'staff' });
  });

  it('refuses a personal PIN that may only mediate, as a wrong PIN', async () => {
    const { store, enrollment } = await tablet([
      { number: 2, role: 'manager', uses: ['mediate', 'staff-screens'], pin: '918273' },
      { number: 5, role: 'mediator', uses: ['mediate'], pin: '564738' },
    ]);
    expect(await unlockStaffScreens(store, enrollment, { number: '5', pin: '564738' })).toEqual({ ok: false, reason: 'wrong', attemptsLeft: 4 });
  });

  it('says so when the tablet has no personal PINs (never synced since they were set)', async () => {
    const { store, enrollment } = await tablet();
    expect(await unlockStaffScreens(store, enrollment, { number: '3', pin: '918273' })).toEqual({ ok: false, reason: 'no-verifiers' });
    expect(await unlockStaffScreens(store, enrollment, { number: 'x3', pin: '918273' })).toEqual({ ok: false, reason: 'bad-number' });
  });

  it('counts wrong device PINs and wrong personal PINs against one lock: the fifth locks both ways for 5 minutes', async () => {
    const { store, enrollment } = await tablet([{ number: 1, role: 'admin', uses: ['mediate', 'staff-screens'], pin: '918273' }]);
    const now = at('2026-11-04T09:00:00Z');
    expect(await unlockStaffScreens(store, enrollment, { number: '', pin: '111112' }, now)).toEqual({ ok: false, reason: 'wrong', attemptsLeft: 4 });
    expect(await unlockStaffScreens(store, enrollment, { number: '1', pin: '111113' }, now)).toEqual({ ok: false, reason: 'wrong', attemptsLeft: 3 });
    expect(await unlockStaffScreens(store, enrollment, { number: '', pin: '111114' }, now)).toEqual({ ok: false, reason: 'wrong', attemptsLeft: 2 });
    expect(await unlockStaffScreens(store, enrollment, { number: '7', pin: '111115' }, now)).toEqual({ ok: false, reason: 'wrong', attemptsLeft: 1 });
    expect(await unlockStaffScreens(store, enrollment, { number: '', pin: '111116' }, now)).toEqual({ ok: false, reason: 'locked', minutes: 5 });
    // Locked: even the right PINs wait.
    expect(await unlockStaffScreens(store, enrollment, { number: '', pin: DEVICE_PIN }, at('2026-11-04T09:02:00Z'))).toEqual({ ok: false, reason: 'locked', minutes: 3 });
    expect(await unlockStaffScreens(store, enrollment, { number: '1', pin: '918273' }, at('2026-11-04T09:02:00Z'))).toEqual({ ok: false, reason: 'locked', minutes: 3 });
    expect(await pinLockMinutes(store, at('2026-11-04T09:04:30Z'))).toBe(1);
    // After the lock, the right PIN opens and the count starts again.
    expect(await unlockStaffScreens(store, enrollment, { number: '1', pin: '918273' }, at('2026-11-04T09:05:01Z'))).toEqual({ ok: true, by: 'staff' });
    expect(await unlockStaffScreens(store, enrollment, { number: '', pin: '000001' }, at('2026-11-04T09:06:00Z'))).toEqual({ ok: false, reason: 'wrong', attemptsLeft: 4 });
  });

  it('locks longer the second time (15 minutes) when no right PIN came between', async () => {
    const { store, enrollment } = await tablet([{ number: 1, role: 'admin', uses: ['staff-screens'], pin: '918273' }]);
    for (let i = 0; i < 5; i++) await unlockStaffScreens(store, enrollment, { number: '', pin: '000000' }, at('2026-11-04T09:00:00Z'));
    for (let i = 0; i < 4; i++) await unlockStaffScreens(store, enrollment, { number: '', pin: '000000' }, at('2026-11-04T09:06:00Z'));
    expect(await unlockStaffScreens(store, enrollment, { number: '', pin: '000000' }, at('2026-11-04T09:06:00Z'))).toEqual({ ok: false, reason: 'locked', minutes: 15 });
    // The mediator sign-in (the same gate) sees the same lock.
    expect(await checkStaffPin(store, { number: 1, pin: '918273', use: 'staff-screens' }, at('2026-11-04T09:07:00Z'))).toMatchObject({ ok: false, reason: 'locked' });
  });
});
