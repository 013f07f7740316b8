import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { createApp } from '../../../../../src/server/createApp.ts';
import type { Database } from '../../../../../src/server/db/schema.ts';
import { makePaperChecker } from '../../../../../src/server/paper/checkPaperSheet.ts';
import { createPaperBatch } from '../../../../../src/server/paper/paperBatches.ts';
import { storePaperSheets } from '../../../../../src/server/paper/storePaperSheets.ts';
import { createFacility, createOrganisation } from '../../../../../src/server/queries/organisations.ts';
import { createStaff, type StaffRole } from '../../../../../src/server/queries/staff.ts';
import { publishSurveyVersion } from '../../../../../src/server/queries/surveyVersions.ts';
import { visitReportRoutes } from '../../../../../src/server/reports/visits/visitReportRoutes.ts';
import type { Answers } from '../../../../../src/survey/answers.ts';
import { makeUuidV7 } from '../../../../../src/survey/makeUuidV7.ts';
import { call, signIn, type StaffSession } from '../../../auth/staffClient.ts';

const PASSWORD = 'correct horse battery';
export const monitoringVisit = JSON.parse(readFileSync('public/surveys/monitoring-visit.json', 'utf8'));

/**
 * An organisation with facilities A and B (Europe/Rome), the built-in monitoring visit
 * survey, the visit report routes (as createApp mounts them), and a way to key in
 * visit sheets through the real paper path (batch, checker, storePaperSheets).
 */
export async function visitWorld(db: Kysely<Database>) {
  const signInApp = createApp({ staticRoot: 'dist', db, staff: { loginPerMinute: 10_000 } });
  const app = new Hono().route('/api/v1', visitReportRoutes({ db }));
  const organisationId = (await createOrganisation(db, { name: 'Prefettura test' })).id;
  const A = (await createFacility(db, { organisationId, name: 'CAS Aurora', timeZone: 'Europe/Rome' })).id;
  const B = (await createFacility(db, { organisationId, name: 'Hub Borgo', timeZone: 'Europe/Rome' })).id;
  await publishSurveyVersion(db, { organisationId, definition: monitoringVisit });

  let n = 0;
  const member = async (role: StaffRole, facilityIds: string[] = []): Promise<StaffSession> => {
    const email = `${role}-${n++}-${makeUuidV7().slice(-6)}@example.org`;
    await createStaff(db, { organisationId, email, password: PASSWORD, role, facilityIds });
    return signIn(signInApp, email, PASSWORD);
  };

  /** Keys in visit sheets on paper at a facility: returns their response ids and serials. */
  const keyVisits = async (facilityId: string, visits: Array<{ filledOn: string; answers: Answers; unreadable?: string[]; language?: string }>) => {
    const batch = await createPaperBatch(db, { organisationId, facilityId, surveyId: 'monitoring-visit', surveyVersion: 1, language: visits[0]?.language ?? 'it', count: visits.length, createdBy: 'test' });
    const context = { organisationId, facility: { id: facilityId, time_zone: 'Europe/Rome' }, staffId: 'inspector-test' };
    const check = await makePaperChecker(db, context);
    const sheets = [];
    for (const [i, visit] of visits.entries()) {
      const result = await check({
        entryId: makeUuidV7(), facilityId, surveyId: 'monitoring-visit', surveyVersion: 1, language: visit.language ?? 'it', serial: batch.firstSerial + i,
        filledOn: visit.filledOn, answers: visit.answers, unreadable: visit.unreadable ?? [], keyedAt: new Date().toISOString(),
      });
      if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
      sheets.push(result.sheet);
    }
    const stored = await storePaperSheets(db, { ...context, via: 'keyed' }, sheets);
    if (stored.some((s) => s.status !== 'accepted')) throw new Error(JSON.stringify(stored));
    return sheets.map((sheet) => ({ responseId: sheet.responseId, serial: sheet.entry.serial }));
  };

  const report = (session: StaffSession, query: string) => call(app, session, 'GET', `/reports/visits?${query}`);
  return { app, db, organisationId, A, B, member, keyVisits, report };
}
