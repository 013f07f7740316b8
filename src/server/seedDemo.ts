import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema.ts';
import { createEnrollmentCode } from './queries/enrollments.ts';
import { createFacility, createOrganisation } from './queries/organisations.ts';
import { createStaff } from './queries/staff.ts';
import { publishSurveyVersion } from './queries/surveyVersions.ts';

/** Publishes the built-in surveys (public/surveys) to an organisation. */
export async function publishBuiltInSurveys(db: Kysely<Database>, organisationId: string, surveysDir = 'public/surveys') {
  const published = [];
  for (const file of readdirSync(surveysDir).filter((f) => f.endsWith('.json') && f !== 'index.json').sort()) {
    published.push(await publishSurveyVersion(db, { organisationId, definition: JSON.parse(readFileSync(join(surveysDir, file), 'utf8')) }));
  }
  return published;
}

export interface DemoSeed {
  organisationId: string;
  facilityId: string;
  code: string;
  expiresAt: string;
  /** Printed once at first start; only their hashes are stored. */
  staff: Array<{ email: string; role: 'admin' | 'manager'; password: string }>;
}

/**
 * On a server's first start (no organisation yet): a demo organisation and facility with
 * the built-in surveys, an enrollment code, and a demo admin and manager, so a newcomer can
 * try a tablet and the staff screens at once.
 */
export async function seedDemoIfEmpty(db: Kysely<Database>): Promise<null | DemoSeed> {
  const any = await db.selectFrom('organisations').select('id').limit(1).executeTakeFirst();
  if (any) return null;
  const organisation = await createOrganisation(db, { name: 'Demo organisation', retentionDays: 730 });
  const facility = await createFacility(db, { organisationId: organisation.id, name: 'Demo reception centre', timeZone: 'Europe/Brussels' });
  await publishBuiltInSurveys(db, organisation.id);
  const { code, expiresAt } = await createEnrollmentCode(db, { facilityId: facility.id, validMinutes: 7 * 24 * 60 });
  const staff: DemoSeed['staff'] = [];
  for (const role of ['admin', 'manager'] as const) {
    // Random per server: a demo left running on a network is not open to a published password.
    const account = { email: `demo-${role}@example.org`, role, password: randomBytes(12).toString('base64url') };
    await createStaff(db, { organisationId: organisation.id, ...account, facilityIds: role === 'manager' ? [facility.id] : [] });
    staff.push(account);
  }
  return { organisationId: organisation.id, facilityId: facility.id, code, expiresAt, staff };
}
