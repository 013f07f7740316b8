import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { hashToken } from '../hashToken.ts';

/** A session ends after this long without a request (staff-api.md, "Signing in"). */
export const SESSION_IDLE_MS = 2 * 60 * 60_000;
/** ...and this long after sign-in, whatever happens. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60_000;
/** last_seen_at is written at most this often, so each request does not cost a write. */
const TOUCH_EVERY_MS = 60_000;

/** Starts a session: the token goes to the cookie, only its hash to the table. */
export async function createStaffSession(db: Kysely<Database>, staffId: string, now: Date) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  await db.insertInto('staff_sessions').values({
    token_hash: hashToken(token), staff_id: staffId, csrf_token: csrfToken,
    created_at: now.toISOString(), last_seen_at: now.toISOString(), expires_at: expiresAt.toISOString(),
  }).execute();
  return { token, csrfToken, expiresAt };
}

/** The session a cookie token belongs to, with its staff member (whatever the session's age). */
export function findStaffSession(db: Kysely<Database>, token: string) {
  return db
    .selectFrom('staff_sessions')
    .innerJoin('staff', 'staff.id', 'staff_sessions.staff_id')
    .select([
      'staff_sessions.token_hash', 'staff_sessions.csrf_token', 'staff_sessions.last_seen_at', 'staff_sessions.expires_at',
      'staff.id as staff_id', 'staff.organisation_id', 'staff.email', 'staff.role', 'staff.disabled_at',
    ])
    .where('staff_sessions.token_hash', '=', hashToken(token))
    .executeTakeFirst();
}

export type StaffSessionRow = NonNullable<Awaited<ReturnType<typeof findStaffSession>>>;

/** Why a session found by its token can no longer be used, or null when it can. */
export function sessionEndReason(session: StaffSessionRow, now: Date): 'expired' | 'disabled' | null {
  if (session.disabled_at) return 'disabled';
  if (session.expires_at <= now.toISOString()) return 'expired';
  if (Date.parse(session.last_seen_at) + SESSION_IDLE_MS <= now.getTime()) return 'expired';
  return null;
}

/** Records activity, which pushes the idle limit back. */
export async function touchStaffSession(db: Kysely<Database>, session: StaffSessionRow, now: Date): Promise<void> {
  if (now.getTime() - Date.parse(session.last_seen_at) < TOUCH_EVERY_MS) return;
  await db.updateTable('staff_sessions').set({ last_seen_at: now.toISOString() }).where('token_hash', '=', session.token_hash).execute();
}

export async function deleteStaffSession(db: Kysely<Database>, tokenHash: string): Promise<void> {
  await db.deleteFrom('staff_sessions').where('token_hash', '=', tokenHash).execute();
}

/** Ends every session of a staff member (disabled, password changed). */
export async function deleteSessionsOfStaff(db: Kysely<Database>, staffId: string, exceptTokenHash?: string): Promise<void> {
  let query = db.deleteFrom('staff_sessions').where('staff_id', '=', staffId);
  if (exceptTokenHash) query = query.where('token_hash', '<>', exceptTokenHash);
  await query.execute();
}

/** Sessions past either limit are of no use to anyone: removed now and then. */
export async function deleteEndedSessions(db: Kysely<Database>, now: Date): Promise<void> {
  const idleCutoff = new Date(now.getTime() - SESSION_IDLE_MS).toISOString();
  await db.deleteFrom('staff_sessions').where((eb) => eb.or([eb('expires_at', '<=', now.toISOString()), eb('last_seen_at', '<=', idleCutoff)])).execute();
}

/** The facilities assigned to a staff member (staff_facilities). */
export async function assignedFacilityIds(db: Kysely<Database>, staffId: string): Promise<string[]> {
  const rows = await db.selectFrom('staff_facilities').select('facility_id').where('staff_id', '=', staffId).orderBy('facility_id').execute();
  return rows.map((row) => row.facility_id);
}
