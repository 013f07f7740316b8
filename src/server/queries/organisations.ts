import type { Kysely } from 'kysely';
import { makeUuidV7 } from '../../survey/makeUuidV7.ts';
import type { Database } from '../db/schema.ts';

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export async function createOrganisation(db: Kysely<Database>, input: { name: string; retentionDays?: number | null }, now = new Date()) {
  const row = { id: makeUuidV7(now.getTime()), name: input.name, retention_days: input.retentionDays ?? null, created_at: now.toISOString() };
  await db.insertInto('organisations').values(row).execute();
  return row;
}

export async function createFacility(db: Kysely<Database>, input: { organisationId: string; name: string; timeZone: string }, now = new Date()) {
  if (!isTimeZone(input.timeZone)) throw new Error(`"${input.timeZone}" is not a time zone (use an IANA name such as Europe/Brussels)`);
  const organisation = await db.selectFrom('organisations').select('id').where('id', '=', input.organisationId).executeTakeFirst();
  if (!organisation) throw new Error(`no organisation ${input.organisationId}`);
  const row = { id: makeUuidV7(now.getTime()), organisation_id: input.organisationId, name: input.name, time_zone: input.timeZone, created_at: now.toISOString() };
  await db.insertInto('facilities').values(row).execute();
  return row;
}

export function findFacility(db: Kysely<Database>, facilityId: string) {
  return db.selectFrom('facilities').selectAll().where('id', '=', facilityId).executeTakeFirst();
}

export function listOrganisations(db: Kysely<Database>) {
  return db.selectFrom('organisations').selectAll().orderBy('created_at').execute();
}

export function listFacilities(db: Kysely<Database>, organisationId?: string) {
  let query = db.selectFrom('facilities').selectAll().orderBy('created_at');
  if (organisationId) query = query.where('organisation_id', '=', organisationId);
  return query.execute();
}
