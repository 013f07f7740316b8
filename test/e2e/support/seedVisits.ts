import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createApp } from '../../../src/server/createApp.ts';
import { createDatabase, type DatabaseHandle } from '../../../src/server/db/createDatabase.ts';
import { migrateToLatest } from '../../../src/server/db/migrate.ts';
import { makePaperChecker } from '../../../src/server/paper/checkPaperSheet.ts';
import { createPaperBatch } from '../../../src/server/paper/paperBatches.ts';
import { storePaperSheets } from '../../../src/server/paper/storePaperSheets.ts';
import { createFacility, createOrganisation } from '../../../src/server/queries/organisations.ts';
import { createStaff } from '../../../src/server/queries/staff.ts';
import { publishBuiltInSurveys } from '../../../src/server/seedDemo.ts';
import type { Answers } from '../../../src/survey/answers.ts';
import { makeUuidV7 } from '../../../src/survey/makeUuidV7.ts';

export interface VisitSheet { filledOn: string; answers: Answers; unreadable?: string[] }

/**
 * An organisation with two facilities in Rome's time zone, the built-in surveys, an
 * inspector of the first, and monitoring visits keyed in there through the server's own
 * paper path (batch, checker, storePaperSheets).
 */
export async function seedVisits(dbPath: string, visits: VisitSheet[]) {
  const database = createDatabase({ sqlitePath: dbPath });
  try {
    await migrateToLatest(database.db);
    const organisationId = (await createOrganisation(database.db, { name: 'Prefettura di Test', retentionDays: 730 })).id;
    const a = await createFacility(database.db, { organisationId, name: 'CAS Aurora', timeZone: 'Europe/Rome' });
    await createFacility(database.db, { organisationId, name: 'Hub Borgo', timeZone: 'Europe/Rome' });
    await publishBuiltInSurveys(database.db, organisationId);
    const inspector = { email: 'inspector.aurora@example.org', password: 'inspector password long enough' };
    await createStaff(database.db, { organisationId, email: inspector.email, password: inspector.password, role: 'inspector', facilityIds: [a.id] });
    const batch = await createPaperBatch(database.db, { organisationId, facilityId: a.id, surveyId: 'monitoring-visit', surveyVersion: 1, language: 'it', count: visits.length, createdBy: 'seed' });
    const context = { organisationId, facility: { id: a.id, time_zone: a.time_zone }, staffId: 'seed' };
    const check = await makePaperChecker(database.db, context);
    const sheets = [];
    for (const [i, visit] of visits.entries()) {
      const result = await check({
        entryId: makeUuidV7(), facilityId: a.id, surveyId: 'monitoring-visit', surveyVersion: 1, language: 'it', serial: batch.firstSerial + i,
        filledOn: visit.filledOn, answers: visit.answers, unreadable: visit.unreadable ?? [], keyedAt: new Date().toISOString(),
      });
      if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
      sheets.push(result.sheet);
    }
    await storePaperSheets(database.db, { ...context, via: 'keyed' }, sheets);
    return { organisationId, facility: { id: a.id, name: a.name }, inspector, serials: sheets.map((s) => s.entry.serial) };
  } finally {
    await database.close();
  }
}

/** The app over the seeded database on a free port. */
export function startVisitServer(dbPath: string): Promise<{ url: string; database: DatabaseHandle; stop: () => Promise<void> }> {
  const database = createDatabase({ sqlitePath: dbPath });
  const app = createApp({ staticRoot: resolve(process.env.SAYSO_DIST ?? 'dist'), db: database.db });
  return new Promise((done, fail) => {
    const server: ServerType = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      done({
        url: `http://127.0.0.1:${info.port}`,
        database,
        stop: () =>
          new Promise<void>((stopped) => {
            (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
            server.close(() => void database.close().then(() => stopped()));
          }),
      }),
    );
    server.once('error', fail);
  });
}
