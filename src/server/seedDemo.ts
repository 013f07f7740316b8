import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema.ts';
import { createEnrollmentCode } from './queries/enrollments.ts';
import { createFacility, createOrganisation } from './queries/organisations.ts';
import { publishSurveyVersion } from './queries/surveyVersions.ts';

/** Publishes the built-in surveys (public/surveys) to an organisation. */
export async function publishBuiltInSurveys(db: Kysely<Database>, organisationId: string, surveysDir = 'public/surveys') {
  const published = [];
  for (const file of readdirSync(surveysDir).filter((f) => f.endsWith('.json') && f !== 'index.json').sort()) {
    published.push(await publishSurveyVersion(db, { organisationId, definition: JSON.parse(readFileSync(join(surveysDir, file), 'utf8')) }));
  }
  return published;
}

/**
 * On a server's first start (no organisation yet): a demo organisation and facility with
 * the built-in surveys, and an enrollment code, so a newcomer can try a tablet at once.
 */
export async function seedDemoIfEmpty(db: Kysely<Database>): Promise<null | { organisationId: string; facilityId: string; code: string; expiresAt: string }> {
  const any = await db.selectFrom('organisations').select('id').limit(1).executeTakeFirst();
  if (any) return null;
  const organisation = await createOrganisation(db, { name: 'Demo organisation', retentionDays: 730 });
  const facility = await createFacility(db, { organisationId: organisation.id, name: 'Demo reception centre', timeZone: 'Europe/Brussels' });
  await publishBuiltInSurveys(db, organisation.id);
  const { code, expiresAt } = await createEnrollmentCode(db, { facilityId: facility.id, validMinutes: 7 * 24 * 60 });
  return { organisationId: organisation.id, facilityId: facility.id, code, expiresAt };
}
