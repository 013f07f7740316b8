/**
 * Paper sheet serials: a number per facility, printed with a Damm check digit so a
 * mistyped serial (one wrong digit, two swapped digits) is caught at the keyboard.
 * Printed as 6+ digits, a dash and the check digit: "000123-4".
 */

// Damm's quasigroup of order 10 (totally anti-symmetric): detects all single-digit errors and adjacent transpositions.
const DAMM = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
] as const;

/** The largest serial a facility can be given (the printed form has room for 9 digits). */
export const MAX_SERIAL = 999_999_999;

export function dammCheckDigit(digits: string): number {
  let interim = 0;
  for (const ch of digits) interim = DAMM[interim]![Number(ch)]!;
  return interim;
}

/** "000123-4" for serial 123. */
export function formatSerial(serial: number): string {
  if (!Number.isInteger(serial) || serial < 1 || serial > MAX_SERIAL) throw new RangeError(`serial must be a whole number from 1 to ${MAX_SERIAL}`);
  const digits = String(serial).padStart(6, '0');
  return `${digits}-${dammCheckDigit(digits)}`;
}

export type SerialParse = { ok: true; serial: number } | { ok: false; reason: 'format' | 'check-digit' };

/**
 * Reads a serial as typed: "000123-4", "0001234" (the check digit last) or with spaces.
 * Without its check digit a typed serial is refused: the digit is what catches typos.
 */
export function parseSerial(typed: string): SerialParse {
  const compact = typed.replace(/[\s-]/g, '');
  if (!/^\d{2,10}$/.test(compact)) return { ok: false, reason: 'format' };
  const digits = compact.slice(0, -1);
  const check = Number(compact.slice(-1));
  if (dammCheckDigit(digits) !== check) return { ok: false, reason: 'check-digit' };
  const serial = Number(digits);
  if (serial < 1 || serial > MAX_SERIAL) return { ok: false, reason: 'format' };
  return { ok: true, serial };
}
