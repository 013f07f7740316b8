import type { Kysely } from 'kysely';
import { makeUuidV7 } from '../../survey/makeUuidV7.ts';
import type { Database } from '../db/schema.ts';
import { hashPassword } from '../hashPassword.ts';

export const STAFF_ROLES = ['admin', 'analyst', 'designer', 'manager', 'inspector', 'mediator'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export async function createStaff(
  db: Kysely<Database>,
  input: { organisationId: string; email: string; password: string; role: StaffRole; facilityIds?: string[] },
  now = new Date(),
) {
  const email = input.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new Error(`"${input.email}" is not an email address`);
  if (!STAFF_ROLES.includes(input.role)) throw new Error(`role must be one of ${STAFF_ROLES.join(', ')}`);
  if (input.password.length < 12) throw new Error('the password must have at least 12 characters');
  const id = makeUuidV7(now.getTime());
  const passwordHash = await hashPassword(input.password);
  await db.transaction().execute(async (tx) => {
    if (await tx.selectFrom('staff').select('id').where('email', '=', email).executeTakeFirst()) throw new Error(`a staff account for ${email} exists already`);
    for (const facilityId of input.facilityIds ?? []) {
      const facility = await tx.selectFrom('facilities').select('organisation_id').where('id', '=', facilityId).executeTakeFirst();
      if (facility?.organisation_id !== input.organisationId) throw new Error(`facility ${facilityId} is not one of this organisation's`);
    }
    await tx.insertInto('staff').values({ id, organisation_id: input.organisationId, email, password_hash: passwordHash, role: input.role, created_at: now.toISOString(), disabled_at: null }).execute();
    for (const facilityId of input.facilityIds ?? []) await tx.insertInto('staff_facilities').values({ staff_id: id, facility_id: facilityId }).execute();
  });
  return { id, email, role: input.role };
}

/** The row sign-in needs, by email (as typed: case and spaces do not matter). */
export function findStaffByEmail(db: Kysely<Database>, email: string) {
  return db.selectFrom('staff')
    .select(['id', 'organisation_id', 'email', 'password_hash', 'role', 'disabled_at', 'failed_logins', 'locked_until'])
    .where('email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
}

/** Counts a wrong password; the one that makes `limit` in a row locks the account until `lockUntil`. */
export async function recordFailedLogin(db: Kysely<Database>, staffId: string, limit: number, lockUntil: Date): Promise<{ locked: boolean }> {
  const row = await db.updateTable('staff').set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) })).where('id', '=', staffId).returning('failed_logins').executeTakeFirst();
  if (!row || Number(row.failed_logins) < limit) return { locked: false };
  // The counter starts again, so after the lock the next wrong password does not lock at once.
  await db.updateTable('staff').set({ failed_logins: 0, locked_until: lockUntil.toISOString() }).where('id', '=', staffId).execute();
  return { locked: true };
}

/** A good password (or an admin's reset) clears the wrong-password count and any lock. */
export async function clearFailedLogins(db: Kysely<Database>, staffId: string): Promise<void> {
  await db.updateTable('staff').set({ failed_logins: 0, locked_until: null }).where('id', '=', staffId).execute();
}

/** What an admin sees of an account: never its password hash. */
export interface StaffAccount {
  id: string; email: string; role: StaffRole; facilityIds: string[]; disabled: boolean; locked: boolean;
  /** Given with the first tablet PIN, kept after it is removed. */
  tabletNumber: number | null;
  hasTabletPin: boolean;
}

async function facilityIdsByStaff(db: Kysely<Database>, staffIds: string[]): Promise<Map<string, string[]>> {
  const byStaff = new Map<string, string[]>();
  if (staffIds.length === 0) return byStaff;
  const rows = await db.selectFrom('staff_facilities').select(['staff_id', 'facility_id']).where('staff_id', 'in', staffIds).orderBy('facility_id').execute();
  for (const row of rows) byStaff.set(row.staff_id, [...(byStaff.get(row.staff_id) ?? []), row.facility_id]);
  return byStaff;
}

function staffAccounts(db: Kysely<Database>, organisationId: string) {
  return db.selectFrom('staff').select(['id', 'email', 'role', 'disabled_at', 'locked_until', 'tablet_number', 'pin_verifier']).where('organisation_id', '=', organisationId);
}

type AccountRow = { id: string; email: string; role: string; disabled_at: string | null; locked_until: string | null; tablet_number: number | null; pin_verifier: string | null };

function toAccount(row: AccountRow, facilityIds: string[], now: Date): StaffAccount {
  return {
    id: row.id, email: row.email, role: row.role as StaffRole, facilityIds, disabled: row.disabled_at !== null, locked: row.locked_until !== null && row.locked_until > now.toISOString(),
    tabletNumber: row.tablet_number === null ? null : Number(row.tablet_number), hasTabletPin: row.pin_verifier !== null,
  };
}

export async function listStaffAccounts(db: Kysely<Database>, organisationId: string, now = new Date()): Promise<StaffAccount[]> {
  const rows = await staffAccounts(db, organisationId).orderBy('email').execute();
  const facilities = await facilityIdsByStaff(db, rows.map((row) => row.id));
  return rows.map((row) => toAccount(row, facilities.get(row.id) ?? [], now));
}

/** One account of the organisation (another organisation's is not found). */
export async function findStaffAccount(db: Kysely<Database>, organisationId: string, staffId: string, now = new Date()): Promise<StaffAccount | undefined> {
  const row = await staffAccounts(db, organisationId).where('id', '=', staffId).executeTakeFirst();
  if (!row) return undefined;
  return toAccount(row, (await facilityIdsByStaff(db, [row.id])).get(row.id) ?? [], now);
}

export function emailTaken(db: Kysely<Database>, email: string): Promise<boolean> {
  return db.selectFrom('staff').select('id').where('email', '=', email.trim().toLowerCase()).executeTakeFirst().then(Boolean);
}

/**
 * Applies an admin's change to an account in one transaction. The caller has checked that
 * the facilities are the organisation's; a new password also clears any lock.
 */
export async function updateStaffAccount(
  db: Kysely<Database>,
  staffId: string,
  change: { role?: StaffRole; facilityIds?: string[]; disabled?: boolean; password?: string },
  now = new Date(),
): Promise<void> {
  const passwordHash = change.password === undefined ? undefined : await hashPassword(change.password);
  await db.transaction().execute(async (tx) => {
    const set: { role?: string; disabled_at?: string | null; password_hash?: string; failed_logins?: number; locked_until?: null } = {};
    if (change.role !== undefined) set.role = change.role;
    if (change.disabled !== undefined) set.disabled_at = change.disabled ? now.toISOString() : null;
    if (passwordHash !== undefined) Object.assign(set, { password_hash: passwordHash, failed_logins: 0, locked_until: null });
    if (Object.keys(set).length > 0) await tx.updateTable('staff').set(set).where('id', '=', staffId).execute();
    if (change.facilityIds !== undefined) {
      await tx.deleteFrom('staff_facilities').where('staff_id', '=', staffId).execute();
      const unique = [...new Set(change.facilityIds)];
      if (unique.length > 0) await tx.insertInto('staff_facilities').values(unique.map((facilityId) => ({ staff_id: staffId, facility_id: facilityId }))).execute();
    }
  });
}

/** The ids among these that are facilities of the organisation. */
export async function organisationFacilityIds(db: Kysely<Database>, organisationId: string, facilityIds: string[]): Promise<Set<string>> {
  if (facilityIds.length === 0) return new Set();
  const rows = await db.selectFrom('facilities').select('id').where('organisation_id', '=', organisationId).where('id', 'in', facilityIds).execute();
  return new Set(rows.map((row) => row.id));
}

// What staff set for reports: the small-cell threshold, indicator targets, resident counts.

/** The share satisfied an indicator aims at when the organisation set none (Office for Foreigners' yardstick). */
export const DEFAULT_TARGET_PERCENT = 60;

export async function readOrganisationSettings(db: Kysely<Database>, organisationId: string) {
  const organisation = await db.selectFrom('organisations').select(['min_cell_size', 'paper_double_entry']).where('id', '=', organisationId).executeTakeFirstOrThrow();
  const targets = await db.selectFrom('indicator_targets').select(['survey_id', 'question_id', 'target_percent'])
    .where('organisation_id', '=', organisationId).orderBy('survey_id').orderBy('question_id').execute();
  return {
    minCellSize: Number(organisation.min_cell_size),
    paperDoubleEntry: Number(organisation.paper_double_entry) === 1,
    targets: targets.map((t) => ({ surveyId: t.survey_id, questionId: t.question_id, percent: Number(t.target_percent) })),
  };
}

export async function setMinCellSize(db: Kysely<Database>, organisationId: string, minCellSize: number): Promise<void> {
  await db.updateTable('organisations').set({ min_cell_size: minCellSize }).where('id', '=', organisationId).execute();
}

/** Whether keyed paper sheets need a second, blind keying by someone else before they count (docs/paper-api.md). */
export async function setPaperDoubleEntry(db: Kysely<Database>, organisationId: string, on: boolean): Promise<void> {
  await db.updateTable('organisations').set({ paper_double_entry: on ? 1 : 0 }).where('id', '=', organisationId).execute();
}

export async function setIndicatorTarget(db: Kysely<Database>, input: { organisationId: string; surveyId: string; questionId: string; percent: number }): Promise<void> {
  await db.insertInto('indicator_targets')
    .values({ organisation_id: input.organisationId, survey_id: input.surveyId, question_id: input.questionId, target_percent: input.percent })
    .onConflict((oc) => oc.columns(['organisation_id', 'survey_id', 'question_id']).doUpdateSet({ target_percent: input.percent }))
    .execute();
}

export async function listResidentCounts(db: Kysely<Database>, facilityId: string) {
  const rows = await db.selectFrom('resident_counts').select(['period', 'residents']).where('facility_id', '=', facilityId).orderBy('period').execute();
  return rows.map((row) => ({ period: row.period, residents: Number(row.residents) }));
}

export async function setResidentCount(db: Kysely<Database>, input: { facilityId: string; period: string; residents: number; staffId: string }, now = new Date()): Promise<void> {
  const at = now.toISOString();
  await db.insertInto('resident_counts')
    .values({ facility_id: input.facilityId, period: input.period, residents: input.residents, updated_at: at, updated_by: input.staffId })
    .onConflict((oc) => oc.columns(['facility_id', 'period']).doUpdateSet({ residents: input.residents, updated_at: at, updated_by: input.staffId }))
    .execute();
}
