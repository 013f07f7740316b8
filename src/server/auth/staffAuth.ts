import type { MiddlewareHandler } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { apiError } from '../http/apiError.ts';
import type { StaffRole } from '../queries/staff.ts';
import { authenticateStaff, csrfPassed, STATE_CHANGING } from './authenticateStaff.ts';

export type { StaffRole } from '../queries/staff.ts';

/** The signed-in staff member, loaded afresh on every request (a role or facility change applies at once). */
export interface StaffPrincipal { id: string; organisationId: string; email: string; role: StaffRole; facilityIds: string[] }

export type StaffEnv = { Variables: { staff: StaffPrincipal } };

/** Session cookie → c.get('staff'); 401 not_signed_in / session_expired; CSRF + Origin check on POST/PUT/PATCH/DELETE (403 csrf_failed). */
export function requireStaff(db: Kysely<Database>, options?: { now?: () => Date }): MiddlewareHandler<StaffEnv> {
  const now = options?.now ?? (() => new Date());
  return async (c, next) => {
    const auth = await authenticateStaff(db, c, now());
    if (!auth.ok) return apiError(c, auth.status, auth.code, auth.message);
    if (STATE_CHANGING.has(c.req.method) && !csrfPassed(c, auth.session)) {
      return apiError(c, 403, 'csrf_failed', 'send the X-CSRF-Token from sign-in (GET /auth/me gives it again), from this server\'s own pages');
    }
    // PostgreSQL text cannot hold NUL (a 500 otherwise), and no staff path or query needs one.
    if (/%00/.test(c.req.url)) return apiError(c, 400, 'invalid_request', 'the address must not contain NUL characters (%00)');
    c.set('staff', auth.principal);
    await next();
  };
}

/** 403 forbidden unless the signed-in role is one of these. */
export function requireRole(...roles: StaffRole[]): MiddlewareHandler<StaffEnv> {
  return async (c, next) => {
    const staff = c.get('staff');
    if (!staff || !roles.includes(staff.role)) return apiError(c, 403, 'forbidden', `this needs the role ${roles.join(' or ')}`);
    await next();
  };
}

/** admin, analyst, designer see every facility of their organisation; the others only those assigned. */
export function seesWholeOrganisation(staff: StaffPrincipal): boolean {
  return staff.role === 'admin' || staff.role === 'analyst' || staff.role === 'designer';
}

/** The facility row when the staff member may see it, else undefined (routes answer 404 unknown_facility). */
export async function visibleFacility(db: Kysely<Database>, staff: StaffPrincipal, facilityId: string): Promise<Database['facilities'] | undefined> {
  if (!seesWholeOrganisation(staff) && !staff.facilityIds.includes(facilityId)) return undefined;
  if (facilityId.length > 200 || facilityId.includes('\u0000')) return undefined;
  return db.selectFrom('facilities').selectAll().where('id', '=', facilityId).where('organisation_id', '=', staff.organisationId).executeTakeFirst();
}

/** Ids of every facility the staff member may see. */
export async function visibleFacilityIds(db: Kysely<Database>, staff: StaffPrincipal): Promise<string[]> {
  let query = db.selectFrom('facilities').select('id').where('organisation_id', '=', staff.organisationId).orderBy('created_at').orderBy('id');
  if (!seesWholeOrganisation(staff)) {
    if (staff.facilityIds.length === 0) return [];
    query = query.where('id', 'in', staff.facilityIds);
  }
  return (await query.execute()).map((row) => row.id);
}
