import type { Kysely } from 'kysely';
import { makeSecret } from '../../survey/responseMac.ts';
import { makeUuidV7 } from '../../survey/makeUuidV7.ts';
import type { Database } from '../db/schema.ts';
import { hashToken, makeEnrollmentCode, normaliseEnrollmentCode } from '../hashToken.ts';
import { findFacility } from './organisations.ts';

export const DEFAULT_CODE_MINUTES = 60 * 24;

export async function createEnrollmentCode(db: Kysely<Database>, input: { facilityId: string; validMinutes?: number }, now = new Date()) {
  if (!(await findFacility(db, input.facilityId))) throw new Error(`no facility ${input.facilityId}`);
  const code = makeEnrollmentCode();
  const expiresAt = new Date(now.getTime() + (input.validMinutes ?? DEFAULT_CODE_MINUTES) * 60_000).toISOString();
  await db.insertInto('enrollment_codes').values({ code_hash: hashToken(code), facility_id: input.facilityId, expires_at: expiresAt, used_at: null, created_at: now.toISOString() }).execute();
  return { code, expiresAt };
}

export type EnrollResult =
  | { ok: true; enrollmentId: string; token: string; secret: string; facilityId: string; organisationId: string }
  | { ok: false; reason: 'unknown_code' | 'expired_code' | 'used_code' };

/** Spends a one-time code and registers the tablet, atomically: a code enrolls one tablet. */
export async function redeemEnrollmentCode(db: Kysely<Database>, input: { code: string; name: string }, now = new Date()): Promise<EnrollResult> {
  const codeHash = hashToken(normaliseEnrollmentCode(input.code));
  return db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('enrollment_codes').selectAll().where('code_hash', '=', codeHash).executeTakeFirst();
    if (!row) return { ok: false, reason: 'unknown_code' } as const;
    if (row.used_at) return { ok: false, reason: 'used_code' } as const;
    if (row.expires_at <= now.toISOString()) return { ok: false, reason: 'expired_code' } as const;
    const spent = await tx.updateTable('enrollment_codes').set({ used_at: now.toISOString() }).where('code_hash', '=', codeHash).where('used_at', 'is', null).executeTakeFirst();
    if (Number(spent.numUpdatedRows) !== 1) return { ok: false, reason: 'used_code' } as const;
    const facility = await tx.selectFrom('facilities').select(['id', 'organisation_id']).where('id', '=', row.facility_id).executeTakeFirstOrThrow();
    const token = makeSecret();
    const secret = makeSecret();
    const enrollmentId = makeUuidV7(now.getTime());
    await tx.insertInto('enrollments').values({
      id: enrollmentId, facility_id: facility.id, name: input.name, token_hash: hashToken(token), secret,
      created_at: now.toISOString(), revoked_at: null, last_seen_at: null,
    }).execute();
    return { ok: true, enrollmentId, token, secret, facilityId: facility.id, organisationId: facility.organisation_id } as const;
  });
}

/** An enrollment with what requests need of its facility. */
function enrollmentsWithFacility(db: Kysely<Database>) {
  return db
    .selectFrom('enrollments')
    .innerJoin('facilities', 'facilities.id', 'enrollments.facility_id')
    .select(['enrollments.id', 'enrollments.facility_id', 'enrollments.name', 'enrollments.revoked_at', 'facilities.organisation_id', 'facilities.time_zone']);
}

/** The enrollment a bearer token belongs to, with its facility's organisation (revoked ones too). */
export function findEnrollmentByToken(db: Kysely<Database>, token: string) {
  return enrollmentsWithFacility(db).where('enrollments.token_hash', '=', hashToken(token)).executeTakeFirst();
}

export type DeviceEnrollment = NonNullable<Awaited<ReturnType<typeof findEnrollmentByToken>>>;

/** An enrollment by id (revoked ones too): a rescue file names the one that recorded it. */
export function findEnrollment(db: Kysely<Database>, enrollmentId: string): Promise<DeviceEnrollment | undefined> {
  return enrollmentsWithFacility(db).where('enrollments.id', '=', enrollmentId).executeTakeFirst();
}

export async function revokeEnrollment(db: Kysely<Database>, enrollmentId: string, now = new Date()): Promise<boolean> {
  const result = await db.updateTable('enrollments').set({ revoked_at: now.toISOString() }).where('id', '=', enrollmentId).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function listEnrollments(db: Kysely<Database>, organisationId?: string) {
  let query = db
    .selectFrom('enrollments')
    .innerJoin('facilities', 'facilities.id', 'enrollments.facility_id')
    .select(['enrollments.id', 'enrollments.name', 'enrollments.created_at', 'enrollments.revoked_at', 'enrollments.last_seen_at', 'facilities.id as facility_id', 'facilities.name as facility_name'])
    .orderBy('enrollments.created_at');
  if (organisationId) query = query.where('facilities.organisation_id', '=', organisationId);
  return query.execute();
}
