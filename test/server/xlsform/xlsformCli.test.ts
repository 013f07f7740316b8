import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminOutput } from '../support/adminOutput.ts';
import { AdminUsageError } from '../../../src/server/admin/runAdmin.ts';
import { createDatabase, type DatabaseHandle } from '../../../src/server/db/createDatabase.ts';
import { migrateToLatest } from '../../../src/server/db/migrate.ts';
import { createOrganisation } from '../../../src/server/queries/organisations.ts';
import { publishSurveyVersion } from '../../../src/server/queries/surveyVersions.ts';
import { readWorkbook } from '../../../src/server/xlsform/readWorkbook.ts';
import { importXlsform } from '../../../src/survey/xlsform/importXlsform.ts';
import { testDatabaseKinds } from '../support/testDatabases.ts';

const run = promisify(execFile);
const FIXTURES = join(import.meta.dirname, '../../fixtures/xlsforms');
const fixture = (name: string) => join(FIXTURES, name);

for (const kind of testDatabaseKinds()) {
  describe(`npm run admin -- import-xlsform / export-xlsform on ${kind.name}`, { timeout: 60_000 }, () => {
    let database: DatabaseHandle;
    let dispose: () => Promise<void>;
    let dir: string;
    let organisationId: string;
    beforeAll(async () => {
      ({ handle: database, dispose } = await kind.open());
      organisationId = (await createOrganisation(database.db, { name: 'Fedasil' })).id;
      dir = mkdtempSync(join(tmpdir(), 'sayso-xlsform-cli-'));
      writeFileSync(join(dir, 'cut.xls'), readFileSync(fixture('pyxform__tutorial.xls')).subarray(0, 5000));
    });
    afterAll(async () => {
      await dispose?.();
      rmSync(dir, { recursive: true, force: true });
    });

    const admin = (...argv: string[]) => adminOutput(database, argv);
    const versions = async () => (await database.db.selectFrom('survey_versions').select(['survey_id', 'version']).orderBy('survey_id').orderBy('version').execute()).map((r) => `${r.survey_id} v${r.version}`);

    it('prints the row-level report and the survey made in a dry run, and stores nothing', async () => {
      const { lines, error } = await admin('import-xlsform', fixture('pyxform__repeat_date_test.xls'), '--dry-run');
      expect(error).toBeUndefined();
      expect(lines[0]).toBe(`${fixture('pyxform__repeat_date_test.xls')} (xls): 2 questions in 0 groups, languages en; 4 rows skipped; 0 errors, 9 skipped, 5 warnings`);
      expect(lines).toContain('  survey row 4 (type) repeat_test: skipped: not imported: a repeat (Sayso asks each question once); the 2 rows inside it (to row 7) were skipped too');
      expect(lines.slice(-4)).toEqual([
        'Survey pyxform-repeat-date-test "pyxform__repeat_date_test":',
        '  note_2 info: 2012-12-12',
        '  note_8 info: test end',
        'Dry run: nothing stored; pyxform-repeat-date-test can be published',
      ]);
      expect(await versions()).toEqual([]);
    });

    it('publishes a publishable form as a new version each time, under --id when given', async () => {
      const first = await admin('import-xlsform', fixture('pyxform__or_other.xlsx'), '--organisation', organisationId);
      expect(first.error).toBeUndefined();
      expect(first.lines.at(-1)).toBe('Published pyxform-or-other version 1; tablets get it with their next bundle');
      await admin('import-xlsform', fixture('pyxform__or_other.xlsx'), '--organisation', organisationId);
      const named = await admin('import-xlsform', fixture('pyxform__or_other.xlsx'), '--organisation', organisationId, '--id', 'or-other', '--languages', 'en');
      expect(named.lines.at(-1)).toBe('Published or-other version 1; tablets get it with their next bundle');
      expect(await versions()).toEqual(['or-other v1', 'pyxform-or-other v1', 'pyxform-or-other v2']);
    });

    it('exits 1 and stores nothing for a form with errors, after printing each error by sheet, row and column', async () => {
      const before = await versions();
      const { lines, error } = await admin('import-xlsform', fixture('pyxform__widgets.xls'), '--organisation', organisationId);
      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(AdminUsageError);
      expect(error!.message).toBe('the form was not published: nothing stored');
      expect(lines.slice(1, 3)).toEqual([
        '  choices row 23 (label) happy: error: the choice "happy" has no label in any language (only the image "happy.jpg"): write its label',
        '  choices row 24 (label) sad: error: the choice "sad" has no label in any language (only the image "sad.jpg"): write its label',
      ]);
      expect(lines.at(-1)).toBe('Not publishable: correct the errors above; nothing stored');
      expect(await versions()).toEqual(before);
    });

    it('takes several files at once, reports each, and ends with a summary line', async () => {
      const { lines, error } = await admin('import-xlsform', fixture('pyxform__or_other.xlsx'), fixture('pyxform__widgets.xls'), join(dir, 'cut.xls'), join(dir, 'missing.xlsx'), '--dry-run');
      expect(lines).toContain(`${join(dir, 'cut.xls')}: not read: the .xls file is damaged (a sector lies beyond the end of the file: it is cut short): open it in your spreadsheet program and save it again as "Excel Workbook (.xlsx)"`);
      expect(lines).toContain(`${join(dir, 'missing.xlsx')}: not read: cannot read the file: ENOENT`);
      expect(lines.at(-1)).toBe('4 files: 1 publishable, 1 with errors, 2 not read');
      expect(error!.message).toBe('3 of 4 files cannot be published');
    });

    it('prints JSON only with --json', async () => {
      const { lines } = await admin('import-xlsform', fixture('pyxform__or_other.xlsx'), fixture('pyxform__widgets.xls'), '--dry-run', '--json');
      expect(lines).toHaveLength(1);
      const parsed = JSON.parse(lines[0]!) as Array<{ file: string; status: string; publishable: boolean; survey: { id: string }; problems: unknown[] }>;
      expect(parsed.map((p) => [p.status, p.publishable, p.survey.id])).toEqual([['checked', true, 'pyxform-or-other'], ['not_publishable', false, 'pyxform-widgets']]);
    });

    it('explains a wrong call', async () => {
      const usage = async (...argv: string[]) => {
        const { error } = await admin(...argv);
        expect(error).toBeInstanceOf(AdminUsageError);
        return error!.message;
      };
      expect(await usage('import-xlsform', '--dry-run')).toBe('import-xlsform needs at least one FILE (.xlsx or .xls)');
      expect(await usage('import-xlsform', fixture('pyxform__or_other.xlsx'))).toBe('--organisation is required to publish (or add --dry-run to only check)');
      expect(await usage('import-xlsform', fixture('pyxform__or_other.xlsx'), fixture('pyxform__widgets.xls'), '--dry-run', '--id', 'x-form')).toBe('--id goes with one FILE only: several files would become versions of one survey');
      expect(await usage('import-xlsform', fixture('pyxform__or_other.xlsx'), '--dry-run', '--id', 'X')).toMatch(/^the survey id must be/);
      expect(await usage('import-xlsform', fixture('pyxform__or_other.xlsx'), '--dry-run', '--languages', 'english')).toBe('"english" is not a language code: give codes such as en,fr,ar');
      expect((await admin('import-xlsform', fixture('pyxform__or_other.xlsx'), '--organisation', 'nowhere')).error!.message).toBe('no organisation nowhere (see list-organisations)');
    });

    it('exports a published version to a file that imports back to the same survey', async () => {
      const definition = JSON.parse(readFileSync(join(import.meta.dirname, '../../../public/surveys/children-satisfaction.json'), 'utf8'));
      const published = await publishSurveyVersion(database.db, { organisationId, definition });
      const out = join(dir, 'children.xlsx');
      const { lines, error } = await admin('export-xlsform', '--organisation', organisationId, '--survey', published.id, '--out', out);
      expect(error).toBeUndefined();
      expect(lines[0]).toMatch(new RegExp(`^Wrote .*children\\.xlsx: ${published.id} version ${published.version} as an XLSForm \\(sheets survey, choices, settings; \\d+ bytes\\)$`));
      const read = readWorkbook(new Uint8Array(readFileSync(out)), out);
      if (!read.ok) throw new Error(read.message);
      expect(importXlsform(read.workbook).survey).toEqual(published);
      expect((await admin('export-xlsform', '--organisation', organisationId, '--survey', published.id, '--version', '7', '--out', out)).error!.message).toBe(`organisation ${organisationId} has no survey ${published.id} version 7`);
      expect((await admin('export-xlsform', '--organisation', organisationId, '--survey', published.id)).error).toBeInstanceOf(AdminUsageError);
    });
  });
}

describe('npm run admin -- import-xlsform as a process', { timeout: 60_000 }, () => {
  it('exits 1 when a form cannot be published, 0 when it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sayso-xlsform-process-'));
    try {
      const dbPath = join(dir, 'sayso.db');
      const handle = createDatabase({ sqlitePath: dbPath });
      await migrateToLatest(handle.db);
      const organisationId = (await createOrganisation(handle.db, { name: 'Fedasil' })).id;
      await handle.close();
      copyFileSync(fixture('pyxform__widgets.xls'), join(dir, 'widgets.xls'));
      const env = { ...process.env, SAYSO_DB: dbPath, DATABASE_URL: '' };
      const failed = await run('npm', ['run', '--silent', 'admin', '--', 'import-xlsform', join(dir, 'widgets.xls'), '--organisation', organisationId], { env }).catch((error: { code: number; stdout: string; stderr: string }) => error);
      expect('code' in failed && failed.code).toBe(1);
      expect(failed.stdout).toContain('choices row 23 (label) happy: error:');
      expect(failed.stderr).toContain('Error: the form was not published: nothing stored');
      const done = await run('npm', ['run', '--silent', 'admin', '--', 'import-xlsform', fixture('pyxform__or_other.xlsx'), '--organisation', organisationId], { env });
      expect(done.stdout).toContain('Published pyxform-or-other version 1');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
