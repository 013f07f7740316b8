import { createHash, randomInt } from 'node:crypto';

/** Tokens and codes are stored only as SHA-256 hashes: a database leak gives no working token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A one-time enrollment code staff can read out or type: 8 unambiguous characters, e.g. "K7PX-3MQD". */
export function makeEnrollmentCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** Typed codes are forgiving: case, spaces and dashes do not matter. */
export function normaliseEnrollmentCode(code: string): string {
  const bare = code.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return bare.length === 8 ? `${bare.slice(0, 4)}-${bare.slice(4)}` : bare;
}
