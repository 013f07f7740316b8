import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminOutput } from '../support/adminOutput.ts';
import { AdminUsageError } from '../../../src/server/admin/runAdmin.ts';
import { createDatabase, type DatabaseHandle } from '../../../src/server/db/createDatabase.ts';
import { migrateToLatest } from '../../../src/server/db/migrate.ts';
import { createPaperBatch } from '../../../src/server/paper/paperBatches.ts';
import { createFacility, createOrganisation } from '../../../src/server/queries/organisations.ts';
import { publishSurveyVersion } from '../../../src/server/queries/surveyVersions.ts';
import { formatSerial as s } from '../../../src/survey/paper/paperSerial.ts';
import { testDatabaseKinds } from '../support/testDatabases.ts';
import { HEADER, mini } from './import/importWorld.ts';

const run = promisify(execFile);

async function seed(db: DatabaseHandle['db']) {
  const organisationId = (await createOrganisation(db, { name: 'Servizio Centrale' })).id;
  const facilityId = (await createFacility(db, { organisationId, name: 'CAS Roma', timeZone: 'Europe/Rome' })).id;
  await publishSurveyVersion(db, { organisationId, definition: mini });
  await createPaperBatch(db, { organisationId, facilityId, surveyId: 'mini', surveyVersion: 1, language: 'en', count: 10, createdBy: 'test' });
  return { organisationId, facilityId };
}

const FILE_TEXT = [HEADER, `${s(1)},2026-11-20,en,1,,7,4,`, `${s(2)},2026-11-20,en,1,,12,4,`, `${s(3)},2026-11-20,en,2,2,3,1,Cold`].join('\n');

for (const kind of testDatabaseKinds()) {
  describe(`npm run admin -- import-paper on ${kind.name}`, { timeout: 30_000 }, () => {
    let database: DatabaseHandle;
    let dispose: () => Promise<void>;
    let dir: string;
    let facilityId: string;
    beforeAll(async () => {
      ({ handle: database, dispose } = await kind.open());
      ({ facilityId } = await seed(database.db));
      dir = mkdtempSync(join(tmpdir(), 'sayso-import-cli-'));
      writeFileSync(join(dir, 'visit.csv'), FILE_TEXT);
    });
    afterAll(async () => {
      await dispose?.();
      rmSync(dir, { recursive: true, force: true });
    });

    const admin = (...argv: string[]) => adminOutput(database, argv);

    it('prints the report of a dry run, row by row, and imports nothing', async () => {
      const { lines, error } = await admin('import-paper', join(dir, 'visit.csv'), '--facility', facilityId, '--dry-run');
      expect(error).toBeUndefined();
      expect(lines).toEqual([
        'visit.csv: survey mini version 1, 3 rows: 2 clean, 0 already received, 1 with problems',
        'Row 3, room.score: F3: "12" is not an option: write a number from 0 to 10',
        'Dry run: nothing imported; 2 rows would be imported',
      ]);
      expect(await database.db.selectFrom('responses').select('id').execute()).toEqual([]);
    });

    it('stops (exit code 1) when problems remain, and imports the clean rows with --only-clean, entered by "cli"', async () => {
      const refused = await admin('import-paper', join(dir, 'visit.csv'), '--facility', facilityId);
      expect(refused.error).toBeInstanceOf(Error);
      expect(refused.error).not.toBeInstanceOf(AdminUsageError);
      expect(refused.error!.message).toBe('rows have problems: nothing was imported. Correct them, or add --only-clean to import the clean rows');
      expect(refused.lines[1]).toBe('Row 3, room.score: F3: "12" is not an option: write a number from 0 to 10');

      const done = await admin('import-paper', join(dir, 'visit.csv'), '--facility', facilityId, '--only-clean');
      expect(done.error).toBeUndefined();
      expect(done.lines.at(-1)).toMatch(/^Imported 2 new sheets as responses \(import [0-9a-f-]{36}\)$/);
      const sheets = await database.db.selectFrom('paper_sheets').select(['serial', 'entered_by', 'via']).orderBy('serial').execute();
      expect(sheets.map((row) => [Number(row.serial), row.entered_by, row.via])).toEqual([[1, 'cli', 'import'], [3, 'cli', 'import']]);
      expect((await database.db.selectFrom('paper_imports').select('staff_id').executeTakeFirstOrThrow()).staff_id).toBeNull();

      const again = await admin('import-paper', join(dir, 'visit.csv'), '--facility', facilityId, '--only-clean');
      expect(again.lines[0]).toBe('visit.csv: survey mini version 1, 3 rows: 0 clean, 2 already received, 1 with problems');
    });

    it('explains a wrong call', async () => {
      expect((await admin('import-paper', '--facility', facilityId)).error).toBeInstanceOf(AdminUsageError);
      expect((await admin('import-paper', join(dir, 'visit.csv'))).error!.message).toBe('--facility is required, once');
      expect((await admin('import-paper', join(dir, 'missing.csv'), '--facility', facilityId)).error!.message).toMatch(/^cannot read .*missing\.csv/);
      expect((await admin('import-paper', join(dir, 'visit.csv'), '--facility', 'nowhere')).error!.message).toBe('no facility nowhere (see list-facilities)');
      writeFileSync(join(dir, 'old.xls'), new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]));
      expect((await admin('import-paper', join(dir, 'old.xls'), '--facility', facilityId)).error!.message).toContain('save it as "Excel Workbook (.xlsx)" or "CSV UTF-8"');
    });
  });
}

describe('npm run admin -- import-paper as a process (the worker thread under tsx)', { timeout: 60_000 }, () => {
  it('reads the file in its worker and exits 1 when problems stop the import', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sayso-import-process-'));
    try {
      const dbPath = join(dir, 'sayso.db');
      const handle = createDatabase({ sqlitePath: dbPath });
      await migrateToLatest(handle.db);
      const { facilityId } = await seed(handle.db);
      await handle.close();
      writeFileSync(join(dir, 'visit.csv'), FILE_TEXT);
      const env = { ...process.env, SAYSO_DB: dbPath, DATABASE_URL: '' };
      const failed = await run('npm', ['run', '--silent', 'admin', '--', 'import-paper', join(dir, 'visit.csv'), '--facility', facilityId], { env }).catch((error: { code: number; stdout: string; stderr: string }) => error);
      expect('code' in failed && failed.code).toBe(1);
      expect(failed.stdout).toContain('Row 3, room.score: F3: "12" is not an option');
      expect(failed.stderr).toContain('Error: rows have problems: nothing was imported');
      const done = await run('npm', ['run', '--silent', 'admin', '--', 'import-paper', join(dir, 'visit.csv'), '--facility', facilityId, '--only-clean'], { env });
      expect(done.stdout).toMatch(/Imported 2 new sheets as responses/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
