/**
 * Anonymous single-use invitation codes: 11 random symbols of Crockford's base 32 (55 bits)
 * and a Luhn mod 32 check symbol, shown as "K7QM-3XPD-2FA9". The check symbol catches
 * every single wrong symbol and most swaps before a code ever reaches the server; the 55
 * random bits make guessing a live code hopeless (with 100,000 codes out, about 3 in a
 * trillion per guess). Nothing in a code names a person, a facility or a wave.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RANDOM_SYMBOLS = 11;
export const INVITATION_CODE_LENGTH = RANDOM_SYMBOLS + 1;

function checkSymbol(body: string): string {
  // Luhn mod N over the alphabet, doubling every second symbol from the right.
  let sum = 0;
  let factor = 2;
  for (let i = body.length - 1; i >= 0; i--) {
    let addend = factor * ALPHABET.indexOf(body[i]!);
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / 32) + (addend % 32);
    sum += addend;
  }
  return ALPHABET[(32 - (sum % 32)) % 32]!;
}

/** A fresh code in its compact form ("K7QM3XPD2FA9"), from the platform's secure random source. */
export function makeInvitationCode(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(RANDOM_SYMBOLS));
  let body = '';
  for (const byte of bytes) body += ALPHABET[byte & 31];
  return body + checkSymbol(body);
}

/** "K7QM-3XPD-2FA9": how a code is printed and read out. */
export function formatInvitationCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

export type InvitationCodeRead = { ok: true; code: string } | { ok: false; reason: 'length' | 'symbol' | 'check' };

/**
 * Reads a typed or scanned code: case, spaces and dashes do not matter, and the letters
 * people confuse with digits (O, I, L) count as those digits. Returns the compact form.
 */
export function parseInvitationCode(typed: string): InvitationCodeRead {
  const compact = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (compact.length !== INVITATION_CODE_LENGTH) return { ok: false, reason: 'length' };
  if (![...compact].every((symbol) => ALPHABET.includes(symbol))) return { ok: false, reason: 'symbol' };
  const body = compact.slice(0, RANDOM_SYMBOLS);
  return compact.endsWith(checkSymbol(body)) ? { ok: true, code: compact } : { ok: false, reason: 'check' };
}

/** The link printed on an invitation (also in its QR code): opens the app at the invitation. */
export function invitationPath(code: string): string {
  return `/i/${code}`;
}
