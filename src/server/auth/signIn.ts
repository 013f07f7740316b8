import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { hashPassword, verifyPassword } from '../hashPassword.ts';
import { clearFailedLogins, findStaffByEmail, recordFailedLogin } from '../queries/staff.ts';
import { createStaffSession } from './staffSessions.ts';

/** Wrong passwords in a row that lock an account (staff-api.md). */
export const LOCKOUT_AFTER = 5;
export const LOCKOUT_MS = 15 * 60_000;

// An unknown email is checked against this, so it takes as long as a wrong password.
let dummyHash: Promise<string> | undefined;
function theDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(18).toString('base64url'));
  return dummyHash;
}

export type SignInResult =
  | { ok: true; staffId: string; token: string; csrfToken: string }
  | { ok: false; reason: 'invalid_credentials' }
  | { ok: false; reason: 'account_locked'; until: string };

/**
 * Checks a password and starts a session. An unknown email, a wrong password and a
 * disabled account all answer invalid_credentials, after the same scrypt work.
 */
export async function signIn(db: Kysely<Database>, input: { email: string; password: string }, now: Date): Promise<SignInResult> {
  const staff = await findStaffByEmail(db, input.email);
  if (!staff) {
    await verifyPassword(input.password, await theDummyHash());
    return { ok: false, reason: 'invalid_credentials' };
  }
  const good = await verifyPassword(input.password, staff.password_hash);
  // A locked account is refused even with the right password, and wrong ones do not extend the lock.
  if (staff.locked_until && staff.locked_until > now.toISOString()) return { ok: false, reason: 'account_locked', until: staff.locked_until };
  if (staff.disabled_at) return { ok: false, reason: 'invalid_credentials' };
  if (!good) {
    const until = new Date(now.getTime() + LOCKOUT_MS);
    const { locked } = await recordFailedLogin(db, staff.id, LOCKOUT_AFTER, until);
    return locked ? { ok: false, reason: 'account_locked', until: until.toISOString() } : { ok: false, reason: 'invalid_credentials' };
  }
  if (Number(staff.failed_logins) !== 0 || staff.locked_until) await clearFailedLogins(db, staff.id);
  const session = await createStaffSession(db, staff.id, now);
  return { ok: true, staffId: staff.id, token: session.token, csrfToken: session.csrfToken };
}
