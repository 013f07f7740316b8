import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { verifyPassword } from '../hashPassword.ts';
import { clearFailedLogins, recordFailedLogin } from '../queries/staff.ts';
import { LOCKOUT_AFTER, LOCKOUT_MS } from './signIn.ts';

export type RecheckResult = { ok: true } | { ok: false; reason: 'invalid_credentials' } | { ok: false; reason: 'account_locked'; until: string };

/**
 * The signed-in staff member's password asked again before a sensitive change (setting a
 * tablet PIN): a wrong one counts as a failed sign-in, with the same lockout, so a session
 * left open on a shared computer cannot be used to guess the password either.
 */
export async function recheckPassword(db: Kysely<Database>, staffId: string, password: string, now: Date): Promise<RecheckResult> {
  const staff = await db.selectFrom('staff').select(['password_hash', 'failed_logins', 'locked_until']).where('id', '=', staffId).executeTakeFirstOrThrow();
  const good = await verifyPassword(password, staff.password_hash);
  if (staff.locked_until && staff.locked_until > now.toISOString()) return { ok: false, reason: 'account_locked', until: staff.locked_until };
  if (!good) {
    const until = new Date(now.getTime() + LOCKOUT_MS);
    const { locked } = await recordFailedLogin(db, staffId, LOCKOUT_AFTER, until);
    return locked ? { ok: false, reason: 'account_locked', until: until.toISOString() } : { ok: false, reason: 'invalid_credentials' };
  }
  if (Number(staff.failed_logins) !== 0 || staff.locked_until) await clearFailedLogins(db, staffId);
  return { ok: true };
}
