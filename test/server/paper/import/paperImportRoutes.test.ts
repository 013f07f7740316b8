import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../../src/server/db/createDatabase.ts';
import type { ImportReport } from '../../../../src/server/paper/import/importReport.ts';
import { errorCode } from '../../auth/staffClient.ts';
import { testDatabaseKinds } from '../../support/testDatabases.ts';
import { HEADER, importWorld, s } from './importWorld.ts';
import { makeXlsx } from './makeXlsx.ts';

type World = Awaited<ReturnType<typeof importWorld>>;

/** Rows 2-7: three good sheets, a bad code, a bad check digit, serial 1 again. */
const MIXED = [
  HEADER,
  `${s(1)},2026-11-20,en,1,,7,4,"Warm, ""quiet"" room"`,
  `${s(2)},2026-11-20,,2,1;2,3,2,`,
  `${s(3)},,,yes,,?,5,-`,
  `${s(4)},2026-11-21,en,1,,12,9,`,
  `000005-0,2026-11-21,en,1,,5,5,`,
  `${s(1)},2026-11-20,en,1,,7,4,`,
].join('\r\n');

for (const kind of testDatabaseKinds()) {
  // Each upload starts a worker thread (about half a second): a test of several uploads takes a few seconds.
  describe(`paper imports on ${kind.name}`, { timeout: 30_000 }, () => {
    let database: DatabaseHandle;
    let dispose: () => Promise<void>;
    let world: World;
    beforeAll(async () => {
      ({ handle: database, dispose } = await kind.open());
      world = await importWorld(database.db);
    });
    afterAll(() => dispose?.());

    const count = async (table: 'responses' | 'paper_sheets' | 'paper_imports' | 'rollup_counts') =>
      Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    it('lists every row\'s problems by row and column in a dry run, and writes nothing', async () => {
      const response = await world.upload(MIXED, { dryRun: '1' });
      expect(response.status).toBe(200);
      const report = (await response.json()) as ImportReport;
      expect(report).toMatchObject({ fileName: 'answers.csv', surveyId: 'mini', surveyVersion: 1, rows: 6, cleanRows: 3, duplicateRows: 0, problemRows: 3, fileProblems: [] });
      expect(report.columns).toEqual(HEADER.split(','));
      expect(report.problems).toEqual([
        { row: 5, column: 'room.score', message: 'F5: "12" is not an option: write a number from 0 to 10' },
        { row: 5, column: 'overall', message: 'G5: "9" is not an option: write a code from 1 to 5' },
        { row: 6, column: 'serial', message: '"000005-0" is not a printed serial: its check digit does not match (a digit mistyped or two swapped?)' },
        { row: 7, column: 'serial', message: `${s(1)} is also on row 2: each sheet once` },
      ]);
      expect(await count('responses')).toBe(0);
      expect(await count('paper_imports')).toBe(0);
    });

    it('imports nothing while problems remain unless asked for the clean rows only (422 with the report)', async () => {
      const refused = await world.upload(MIXED, { dryRun: '0' });
      expect(refused.status).toBe(422);
      const body = (await refused.json()) as { error: { code: string; message: string }; report: ImportReport };
      expect(body.error).toEqual({ code: 'import_has_problems', message: '3 rows have problems: nothing was imported. Correct them, or import only the clean rows' });
      expect(body.report.cleanRows).toBe(3);
      expect(await count('responses')).toBe(0);
    });

    it('imports only the clean rows as paper responses of their visit day, and records the import', async () => {
      const response = await world.upload(MIXED, { dryRun: '0', onlyClean: '1' });
      expect(response.status).toBe(200);
      const report = (await response.json()) as ImportReport;
      expect(report).toMatchObject({ imported: 3, cleanRows: 3, duplicateRows: 0, importId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
      const responses = await database.db.selectFrom('responses').selectAll().orderBy('reported_at').execute();
      expect(responses).toHaveLength(3);
      const first = responses.find((r) => JSON.parse(r.meta!).paper.serial === 1)!;
      expect(first).toMatchObject({ source: 'paper', mode: 'self', status: 'complete', language: 'en', enrollment_id: null, reported_at: '2026-11-20T12:00:00.000Z', survey_version: 1 });
      expect(JSON.parse(first.answers)).toEqual({ 'room.satisfied': true, 'room.score': 7, overall: 4, comment: 'Warm, "quiet" room' });
      expect(JSON.parse(first.meta!)).toEqual({ paper: { serial: 1, via: 'import' } });
      const second = responses.find((r) => JSON.parse(r.meta!).paper.serial === 2)!;
      expect(JSON.parse(second.answers)).toEqual({ 'room.satisfied': false, 'room.reasons': ['noise', 'cold'], 'room.score': 3, overall: 2 });
      const sheets = await database.db.selectFrom('paper_sheets').selectAll().orderBy('serial').execute();
      expect(sheets.map((row) => [row.serial, row.via, row.entered_by, row.import_id, row.unreadable])).toEqual([
        [1, 'import', world.inspector.id, report.importId, '[]'],
        [2, 'import', world.inspector.id, report.importId, '[]'],
        [3, 'import', world.inspector.id, report.importId, '["room.score"]'],
      ]);
      const imports = await database.db.selectFrom('paper_imports').selectAll().execute();
      expect(imports).toMatchObject([{ id: report.importId, facility_id: world.A, survey_id: 'mini', file_name: 'answers.csv', rows: 6, imported: 3, duplicates: 0, rejected: 3, staff_id: world.inspector.id }]);
      expect(Number(imports[0]!.survey_version)).toBe(1);
      expect(await count('rollup_counts')).toBeGreaterThan(0);
    });

    it('counts the same sheets sent again as duplicates, never as new responses', async () => {
      const again = await world.upload(MIXED, { dryRun: '0', onlyClean: '1' });
      expect(again.status).toBe(200);
      expect(await again.json()).toMatchObject({ imported: 0, cleanRows: 0, duplicateRows: 3, problemRows: 3 });
      expect(await count('responses')).toBe(3);
    });

    it('refuses a row whose serial was already entered with other answers', async () => {
      const response = await world.upload([HEADER, `${s(1)},2026-11-20,en,2,,7,4,`, `${s(6)},2026-11-20,en,1,,8,5,`].join('\n'), { dryRun: '1' });
      expect(await response.json()).toMatchObject({
        cleanRows: 1, duplicateRows: 0,
        problems: [{ row: 2, column: 'serial', message: `sheet ${s(1)} of this facility was already entered with other answers` }],
      });
    });

    it('reads an XLSX the same way, and refuses a row with a formula naming the cell', async () => {
      const bytes = makeXlsx([
        HEADER.split(','),
        [s(7), '2026-11-22', 'en', 1, null, 6, 3, null],
        [s(8), '2026-11-22', 'en', 1, null, { formula: 'F2+1', value: 7 }, 3, null],
        [s(9), 46348, null, 'no', '1', 2, 1, { inline: 'Loud at night' }],
        [s(1), '2026-11-20', 'en', 1, null, 7, 4, { inline: 'Warm, "quiet" room' }],
      ]);
      const dry = (await (await world.upload(bytes, { dryRun: '1' }, undefined, 'visit.xlsx')).json()) as ImportReport;
      expect(dry).toMatchObject({ fileName: 'visit.xlsx', rows: 4, cleanRows: 2, duplicateRows: 1, problems: [{ row: 3, column: 'room.score', message: 'F3 holds a formula; paste values only' }] });
      const done = (await (await world.upload(bytes, { dryRun: '0', onlyClean: '1' }, undefined, 'visit.xlsx')).json()) as ImportReport;
      expect(done.imported).toBe(2);
      const nine = await database.db.selectFrom('responses').selectAll().where('meta', 'like', '%"serial":9,%').executeTakeFirstOrThrow();
      expect(nine.reported_at).toBe('2026-11-22T12:00:00.000Z');
      expect(JSON.parse(nine.answers)).toEqual({ 'room.satisfied': false, 'room.reasons': ['noise'], 'room.score': 2, overall: 1, comment: 'Loud at night' });
    });

    it('says what is wrong with the file as a whole, and imports nothing even when asked for the clean rows', async () => {
      const problemsOf = async (text: string) => {
        const response = await world.upload(text, { dryRun: '0', onlyClean: '1' });
        expect(response.status).toBe(422);
        return ((await response.json()) as { report: ImportReport }).report.fileProblems;
      };
      expect(await problemsOf(`number,room.satisfied\n${s(10)},1`)).toEqual([
        'there is no "serial" column: the first row must hold the column headings, starting with serial (download the template)',
      ]);
      expect(await problemsOf(`serial,room.satisfied,colour,size\n${s(10)},1,red,L`)).toEqual([
        '2 columns "colour", "size" are not a question of survey mini version 1: use the question ids of the template',
      ]);
      expect(await problemsOf(`serial,overall,overall\n${s(10)},1,2`)).toEqual(['the question "overall" has two columns: keep one']);
      expect(await problemsOf(`serial,overall\n${s(10)},1\n${s(16)},2`)).toEqual([
        'the sheets of this file were printed for 2 survey versions: mini version 1 (1 rows), mini version 2 (1 rows). Put each survey version in a file of its own',
      ]);
      expect((await problemsOf(`serial,overall\n${s(900)},1`))[0]).toMatch(/^no row has a serial printed for this facility/);
      expect(await problemsOf('serial,overall\n')).toEqual(['the file has headings but no rows of answers']);
      const latin1 = new Uint8Array([...new TextEncoder().encode(`serial,comment\n${s(10)},caf`), 0xe9]);
      expect((await problemsOf(latin1 as unknown as string))[0]).toContain('save it as "CSV UTF-8');
      expect(await count('responses')).toBe(5);
    });

    it('checks language and serial against the printed batch, and the facility against the caller', async () => {
      const report = (await (await world.upload([HEADER, `${s(11)},2026-11-20,en,1,,5,5,`, `${s(12)},2026-11-20,ar,1,,5,5,`, `${s(10)},2030-01-01,,1,,5,5,`].join('\n'), { dryRun: '1' })).json()) as ImportReport;
      expect(report.problems).toEqual([
        { row: 2, column: 'language', message: `${s(11)} was printed in ar, not en` },
        { row: 4, column: 'filled_on', message: '2030-01-01 is after today' },
      ]);
      expect(report.cleanRows).toBe(1);
      expect(await errorCode(await world.upload(MIXED, { facility: world.B, dryRun: '1' }))).toBe('unknown_facility');
      const analyst = await world.member('analyst');
      const forbidden = await world.upload(MIXED, { dryRun: '1' }, analyst.session);
      expect(forbidden.status).toBe(403);
    });

    it('refuses legacy .xls and other non-spreadsheets with 415, and an empty body with 400', async () => {
      const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
      const response = await world.upload(xls, { dryRun: '1' }, undefined, 'old.xls');
      expect(response.status).toBe(415);
      expect(await response.json()).toEqual({ error: { code: 'unsupported_file', message: 'this is an old Excel 97-2003 file (.xls), which is not read: save it as "Excel Workbook (.xlsx)" or "CSV UTF-8" and upload that' } });
      expect((await world.upload(new TextEncoder().encode('%PDF-1.7\n'), { dryRun: '1' }, undefined, 'scan.pdf')).status).toBe(415);
      expect(await errorCode(await world.upload(new Uint8Array(0), { dryRun: '1' }))).toBe('invalid_request');
    });

    it('writes nothing at all when the import fails part way (one transaction)', async () => {
      const before = { responses: await count('responses'), sheets: await count('paper_sheets'), rollups: await count('rollup_counts') };
      // The import record is written after the sheets, in the same transaction: make it fail.
      if (kind.name === 'sqlite') {
        await sql`create trigger fail_import before insert on paper_imports begin select raise(abort, 'disk full'); end`.execute(database.db);
      } else {
        await sql`create function fail_import() returns trigger as $$ begin raise exception 'disk full'; end $$ language plpgsql`.execute(database.db);
        await sql`create trigger fail_import before insert on paper_imports for each row execute function fail_import()`.execute(database.db);
      }
      try {
        const response = await world.upload([HEADER, `${s(10)},2026-11-20,en,1,,5,5,`, `${s(13)},2026-11-20,ar,2,2,1,1,`].join('\n'), { dryRun: '0' });
        expect(response.status).toBe(500);
        expect(await count('responses')).toBe(before.responses);
        expect(await count('paper_sheets')).toBe(before.sheets);
        expect(await count('rollup_counts')).toBe(before.rollups);
      } finally {
        await sql`drop trigger fail_import${sql.raw(kind.name === 'sqlite' ? '' : ' on paper_imports')}`.execute(database.db);
      }
      const retried = await world.upload([HEADER, `${s(10)},2026-11-20,en,1,,5,5,`, `${s(13)},2026-11-20,ar,2,2,1,1,`].join('\n'), { dryRun: '0' });
      expect(await retried.json()).toMatchObject({ imported: 2 });
    });

    it('imports a file sent twice at once only once: one import takes the sheets, the other finds them received', async () => {
      const before = await count('responses');
      const file = [HEADER, `${s(14)},2026-11-20,ar,1,,5,5,`, `${s(15)},2026-11-20,ar,2,1,4,2,`].join('\n');
      const reports = await Promise.all([world.upload(file, { dryRun: '0' }), world.upload(file, { dryRun: '0' })].map(async (response) => {
        const answered = await response;
        expect(answered.status).toBe(200);
        return (await answered.json()) as ImportReport;
      }));
      expect(reports.map((r) => [r.imported, r.duplicateRows]).sort()).toEqual([[0, 2], [2, 0]]);
      expect(await count('responses')).toBe(before + 2);
    });

    it('serves the template of a survey version: the header a file needs', async () => {
      const response = await world.app.request(`/api/v1/paper/imports/template.csv?survey=mini&version=1`, { headers: { cookie: world.inspector.session.cookie } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe('attachment; filename="mini-v1-paper-answers.csv"');
      const bytes = new Uint8Array(await response.arrayBuffer());
      // A BOM, so spreadsheet programs open (and save) it as UTF-8.
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(new TextDecoder().decode(bytes)).toBe(`${HEADER}\r\n`);
      const unknown = await world.app.request(`/api/v1/paper/imports/template.csv?survey=nope&version=1`, { headers: { cookie: world.inspector.session.cookie } });
      expect(unknown.status).toBe(404);
    });
  });
}
