import { TABLET_PIN_PATTERN } from '../../../survey/staffPins.ts';
import { StaffApiError } from '../api/makeStaffApi.ts';
import type { StaffRole } from '../api/wireSchemas.ts';

/** What the form can say before asking the server; weak PINs are the server's call (docs/staff-api.md, Tablet PINs), it says weak_pin. */
export type PinEntryProblem = 'pattern' | 'mismatch' | 'password';

/** The first problem of a PIN form, in the order a person fixes them (the PIN, its repeat, the password). */
export function checkPinEntry(entry: { pin: string; repeat: string; password: string }): PinEntryProblem | null {
  if (!TABLET_PIN_PATTERN.test(entry.pin)) return 'pattern';
  if (entry.repeat !== entry.pin) return 'mismatch';
  if (!entry.password) return 'password';
  return null;
}

/** Server refusals the PIN form explains in its own words (`results:tabletPin.errors.<code>`); others show as the server said. */
const EXPLAINED = ['weak_pin', 'invalid_pin', 'invalid_credentials'] as const;
export type PinServerRefusal = (typeof EXPLAINED)[number];

export function pinServerRefusal(error: unknown): PinServerRefusal | null {
  if (!(error instanceof StaffApiError)) return null;
  return (EXPLAINED as readonly string[]).includes(error.code) ? (error.code as PinServerRefusal) : null;
}

/** Which tablets take a staff member's PIN: org-wide roles any of the organisation's, the others their facilities' (docs/device-api.md, bundle). */
export function pinReach(role: StaffRole): 'organisation' | 'facilities' {
  return role === 'admin' || role === 'designer' || role === 'analyst' ? 'organisation' : 'facilities';
}
