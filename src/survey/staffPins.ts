import * as v from 'valibot';

/**
 * Personal tablet PINs of staff (mediator mode, the tablet's staff screens). The server
 * hashes a PIN when its owner sets it and hands tablets only the verifier, in the device
 * bundle, so a PIN works offline. PBKDF2-SHA256 through WebCrypto: the same function in
 * the browser and in Node. A staff member types their tablet number and PIN: one slow
 * derivation per attempt, and no names on a tablet.
 */
export const PIN_KDF = { name: 'PBKDF2-SHA256', iterations: 310_000 } as const;

/** Six to eight digits: what a mediator can key in beside a resident, and not a birthday. */
export const TABLET_PIN_PATTERN = /^\d{6,8}$/;

/** What each verifier allows on a tablet. */
export const TABLET_PIN_USES = ['mediate', 'staff-screens'] as const;
export type TabletPinUse = (typeof TABLET_PIN_USES)[number];

const B64 = v.pipe(v.string(), v.regex(/^[A-Za-z0-9+/]+=*$/, 'must be base64'), v.maxLength(200));

export const StaffPinVerifier = v.strictObject({
  /** The tablet number the staff member types before their PIN (unique in the organisation). */
  number: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** Opaque reference a response carries instead of the staff member's identity (only the server maps it back). */
  ref: v.pipe(v.string(), v.regex(/^sr_[A-Za-z0-9_-]{16,64}$/, 'must be an opaque staff reference')),
  role: v.picklist(['admin', 'analyst', 'designer', 'manager', 'inspector', 'mediator']),
  uses: v.array(v.picklist(TABLET_PIN_USES)),
  salt: B64,
  hash: B64,
  iterations: v.pipe(v.number(), v.integer(), v.minValue(100_000)),
});
export type StaffPinVerifier = v.InferOutput<typeof StaffPinVerifier>;

function toBase64(bytes: ArrayBuffer | Uint8Array): string {
  let binary = '';
  for (const byte of new Uint8Array(bytes)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

export async function derivePinHash(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  return toBase64(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256));
}

/** A fresh salt and the PIN's hash (the server calls this when a staff member sets a PIN). */
export async function hashTabletPin(pin: string, iterations: number = PIN_KDF.iterations): Promise<{ salt: string; hash: string; iterations: number }> {
  const salt = new Uint8Array(new ArrayBuffer(16));
  crypto.getRandomValues(salt);
  return { salt: toBase64(salt), hash: await derivePinHash(pin, salt, iterations), iterations };
}

/** Constant-time compare of two base64 strings of equal length (both are hashes). */
function sameHash(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export async function verifyTabletPin(pin: string, verifier: Pick<StaffPinVerifier, 'salt' | 'hash' | 'iterations'>): Promise<boolean> {
  if (!TABLET_PIN_PATTERN.test(pin)) return false;
  return sameHash(await derivePinHash(pin, fromBase64(verifier.salt), verifier.iterations), verifier.hash);
}
