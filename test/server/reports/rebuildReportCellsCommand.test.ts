import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdmin } from '../../../src/server/admin/runAdmin.ts';
import type { DatabaseHandle } from '../../../src/server/db/createDatabase.ts';
import { createFacility, createOrganisation } from '../../../src/server/queries/organisations.ts';
import { publishSurveyVersion } from '../../../src/server/queries/surveyVersions.ts';
import { testDatabaseKinds } from '../support/testDatabases.ts';
import { enrollTablet, ingestAll } from './support/reportFixture.ts';
import { reportSurvey } from './support/reportSurvey.ts';

for (const kind of testDatabaseKinds()) {
  describe(`npm run admin -- rebuild-report-cells on ${kind.name}`, () => {
    let database: DatabaseHandle;
    let dispose: () => Promise<void>;

    beforeAll(async () => {
      ({ handle: database, dispose } = await kind.open());
      const organisationId = (await createOrganisation(database.db, { name: 'Fedasil test' })).id;
      await publishSurveyVersion(database.db, { organisationId, definition: reportSurvey(1) });
      const facility = await createFacility(database.db, { organisationId, name: 'Centre A', timeZone: 'Europe/Brussels' });
      await ingestAll(database.db, await enrollTablet(database.db, facility.id), 'report-test', [
        { at: '2026-08-01T10:00:00Z', answers: { 'room.satisfied': true, 'about.age': 'adult' } },
        { at: '2026-08-02T10:00:00Z', answers: { 'room.satisfied': false, 'room.reasons': ['noise'] } },
        { at: '2026-11-02T10:00:00Z', status: 'partial', answers: {} },
      ]);
    });
    afterAll(() => dispose?.());

    const admin = async (...argv: string[]) => {
      const lines: string[] = [];
      await runAdmin(argv, database, { log: (line) => lines.push(line) });
      return lines.join('\n');
    };
    const table = async () => (await database.db.selectFrom('report_cells').selectAll().orderBy(['survey_id', 'facility_id', 'period', 'dimension', 'dimension_value', 'question_id', 'answer_value']).execute()).map((c) => ({ ...c, count: Number(c.count) }));

    it('counts the stored responses into empty report cells, does nothing once they hold counts, and recounts with --force', async () => {
      const written = await table();
      await database.db.deleteFrom('report_cells').execute();
      expect(await admin('rebuild-report-cells')).toBe(`Counted 3 responses into ${written.length} report cells`);
      expect(await table()).toEqual(written);
      expect(await admin('rebuild-report-cells')).toContain('nothing done');
      expect(await admin('rebuild-report-cells', '--force')).toBe(`Counted 3 responses into ${written.length} report cells`);
      expect(await table()).toEqual(written);
      expect(await admin('--help')).toContain('rebuild-report-cells [--force]');
    });
  });
}
