import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { createApp } from '../../../../src/server/createApp.ts';
import type { Database } from '../../../../src/server/db/schema.ts';
import { createPaperBatch } from '../../../../src/server/paper/paperBatches.ts';
import { paperImportRoutes } from '../../../../src/server/paper/import/paperImportRoutes.ts';
import type { ImportLimits } from '../../../../src/server/paper/import/sheetGrid.ts';
import { createFacility, createOrganisation } from '../../../../src/server/queries/organisations.ts';
import { createStaff, type StaffRole } from '../../../../src/server/queries/staff.ts';
import { publishSurveyVersion } from '../../../../src/server/queries/surveyVersions.ts';
import { formatSerial } from '../../../../src/survey/paper/paperSerial.ts';
import { call, signIn, type StaffSession } from '../../auth/staffClient.ts';

export const PASSWORD = 'correct horse battery';
export const mini = JSON.parse(readFileSync('test/survey/fixtures/mini-survey.json', 'utf8'));
export const HEADER = 'serial,filled_on,language,room.satisfied,room.reasons,room.score,overall,comment';

/**
 * An organisation with facilities A and B, the mini survey published twice (v1, v2), and
 * batches of facility A: serials 1-10 mini v1 in English, 11-15 mini v1 in Arabic, 16-20 mini v2.
 * The import routes are mounted in front of createApp's own, so a test can set smaller limits.
 */
export async function importWorld(db: Kysely<Database>, options: { limits?: ImportLimits } = {}) {
  const app = new Hono();
  app.route('/api/v1', paperImportRoutes({ db, ...options }));
  app.route('/', createApp({ staticRoot: 'dist', db, staff: { loginPerMinute: 10_000 } }));
  const organisationId = (await createOrganisation(db, { name: 'Fedasil test' })).id;
  const A = (await createFacility(db, { organisationId, name: 'Centre A', timeZone: 'Europe/Brussels' })).id;
  const B = (await createFacility(db, { organisationId, name: 'Centre B', timeZone: 'Europe/Brussels' })).id;
  await publishSurveyVersion(db, { organisationId, definition: mini });
  await publishSurveyVersion(db, { organisationId, definition: mini });
  const batch = (surveyVersion: number, language: string, count: number) =>
    createPaperBatch(db, { organisationId, facilityId: A, surveyId: 'mini', surveyVersion, language, count, createdBy: 'test' });
  await batch(1, 'en', 10);
  await batch(1, 'ar', 5);
  await batch(2, 'en', 5);

  let n = 0;
  const member = async (role: StaffRole, facilityIds: string[] = [A]): Promise<{ session: StaffSession; id: string }> => {
    const email = `${role}-${n++}@example.org`;
    const created = await createStaff(db, { organisationId, email, password: PASSWORD, role, facilityIds });
    return { session: await signIn(app, email, PASSWORD), id: created.id };
  };
  const inspector = await member('inspector');

  /** POST /paper/imports with the file as the body. */
  const upload = (bytes: Uint8Array | string, query: Record<string, string>, who = inspector.session, fileName = 'answers.csv') =>
    call(app, who, 'POST', `/paper/imports?${new URLSearchParams({ facility: A, ...query })}`, {
      body: typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes,
      headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(fileName) },
    });

  return { app, db, organisationId, A, B, inspector, member, upload };
}

export const s = formatSerial;
