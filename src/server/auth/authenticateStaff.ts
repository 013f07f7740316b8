import { timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { STAFF_ROLES, type StaffRole } from '../queries/staff.ts';
import { readSessionCookie } from './sessionCookie.ts';
import { assignedFacilityIds, deleteStaffSession, findStaffSession, sessionEndReason, touchStaffSession, type StaffSessionRow } from './staffSessions.ts';
import { originAllowed } from './requestOrigin.ts';
import type { StaffPrincipal } from './staffAuth.ts';


export type Authentication =
  | { ok: true; principal: StaffPrincipal; session: StaffSessionRow }
  | { ok: false; status: 401; code: 'not_signed_in' | 'session_expired'; message: string };

/** The signed-in staff member behind the request's session cookie, or why there is none. */
export async function authenticateStaff(db: Kysely<Database>, c: Context, now: Date): Promise<Authentication> {
  const token = readSessionCookie(c);
  if (!token) return { ok: false, status: 401, code: 'not_signed_in', message: 'sign in first' };
  const session = await findStaffSession(db, token);
  if (!session) return { ok: false, status: 401, code: 'not_signed_in', message: 'this session is not known (signed out?): sign in again' };
  const ended = sessionEndReason(session, now);
  if (ended) {
    await deleteStaffSession(db, session.token_hash);
    return ended === 'disabled'
      ? { ok: false, status: 401, code: 'not_signed_in', message: 'this account is disabled: ask an admin of your organisation' }
      : { ok: false, status: 401, code: 'session_expired', message: 'the session has expired (2 hours idle or 12 hours since sign-in): sign in again' };
  }
  if (!(STAFF_ROLES as readonly string[]).includes(session.role)) {
    return { ok: false, status: 401, code: 'not_signed_in', message: 'this account has no known role: ask an admin of your organisation' };
  }
  await touchStaffSession(db, session, now);
  const principal: StaffPrincipal = {
    id: session.staff_id, organisationId: session.organisation_id, email: session.email,
    role: session.role as StaffRole, facilityIds: await assignedFacilityIds(db, session.staff_id),
  };
  return { ok: true, principal, session };
}

/** A state change must carry the session's synchronizer token and, from a browser, our own Origin. */
export function csrfPassed(c: Context, session: StaffSessionRow): boolean {
  if (!originAllowed(c)) return false;
  const sent = Buffer.from(c.req.header('x-csrf-token') ?? '');
  const expected = Buffer.from(session.csrf_token);
  return sent.length === expected.length && timingSafeEqual(sent, expected);
}

export const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
