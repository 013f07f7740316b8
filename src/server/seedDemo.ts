import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema.ts';
import { createEnrollmentCode } from './queries/enrollments.ts';
import { createFacility, createOrganisation } from './queries/organisations.ts';
import { createStaff } from './queries/staff.ts';
import { checkForPublishing } from '../survey/checkForPublishing.ts';
import { describeProblems } from '../survey/parseSurvey.ts';
import type { SurveyDefinition } from '../survey/schema.ts';

/**
 * Publishes the built-in surveys (public/surveys) to an organisation under their own
 * version numbers, so a tablet that answered a shipped survey before it was enrolled sends
 * a version the server knows. A version the organisation already has is left alone (never
 * overwritten: published versions are immutable), and so is a built-in older than the
 * organisation's newest version of that survey (it has moved on with its own).
 */
export async function publishBuiltInSurveys(db: Kysely<Database>, organisationId: string, surveysDir = 'public/surveys', now = new Date()) {
  const published: SurveyDefinition[] = [];
  for (const file of readdirSync(surveysDir).filter((f) => f.endsWith('.json') && f !== 'index.json').sort()) {
    const parsed = checkForPublishing(JSON.parse(readFileSync(join(surveysDir, file), 'utf8')));
    if (!parsed.ok) throw new Error(`built-in survey ${file} has errors:\n${describeProblems(parsed.problems)}`);
    const survey = parsed.survey;
    const latest = await db.selectFrom('survey_versions').select((eb) => eb.fn.max('version').as('version'))
      .where('organisation_id', '=', organisationId).where('survey_id', '=', survey.id).executeTakeFirst();
    if (Number(latest?.version ?? 0) >= survey.version) continue;
    await db.insertInto('survey_versions').values({
      organisation_id: organisationId, survey_id: survey.id, version: survey.version,
      definition: JSON.stringify(survey), published_at: now.toISOString(),
    }).execute();
    published.push(survey);
  }
  return published;
}

/** At every start: organisations get the built-in versions this release ships (see above). */
export async function publishBuiltInSurveysToAll(db: Kysely<Database>, surveysDir = 'public/surveys'): Promise<number> {
  let count = 0;
  for (const { id } of await db.selectFrom('organisations').select('id').execute()) count += (await publishBuiltInSurveys(db, id, surveysDir)).length;
  return count;
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
