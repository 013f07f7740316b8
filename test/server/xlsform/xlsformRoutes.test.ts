import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import type { DatabaseHandle } from '../../../src/server/db/createDatabase.ts';
import { createOrganisation } from '../../../src/server/queries/organisations.ts';
import { createStaff, type StaffRole } from '../../../src/server/queries/staff.ts';
import { publishSurveyVersion } from '../../../src/server/queries/surveyVersions.ts';
import { readWorkbook } from '../../../src/server/xlsform/readWorkbook.ts';
import { importXlsform } from '../../../src/survey/xlsform/importXlsform.ts';
import { call, errorCode, openStaffApp, signIn, type StaffSession } from '../auth/staffClient.ts';
import { testDatabaseKinds } from '../support/testDatabases.ts';

const PASSWORD = 'correct horse battery staple';
const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, '../../fixtures/xlsforms', name)));
const builtIn = (id: string) => JSON.parse(readFileSync(join(import.meta.dirname, '../../../public/surveys', `${id}.json`), 'utf8')) as { id: string };

for (const kind of testDatabaseKinds()) {
  // Each check reads its file in a worker thread (about half a second to start).
  describe(`XLSForm routes on ${kind.name}`, { timeout: 60_000 }, () => {
    let database: DatabaseHandle;
    let dispose: () => Promise<void>;
    let app: Hono;
    let organisationId: string;
    const sessions = {} as Record<StaffRole, StaffSession>;

    beforeAll(async () => {
      ({ database, dispose, app, organisationId } = await openStaffApp(kind, () => new Date()));
      for (const role of ['admin', 'designer', 'analyst', 'manager', 'inspector'] as const) {
        await createStaff(database.db, { organisationId, email: `${role}@example.org`, password: PASSWORD, role });
        sessions[role] = await signIn(app, `${role}@example.org`, PASSWORD);
      }
    });
    afterAll(() => dispose?.());

    const check = (session: StaffSession | undefined, bytes: Uint8Array, query = 'fileName=form.xlsx', options: { csrf?: false; headers?: Record<string, string> } = {}) =>
      call(app, session, 'POST', `/staff/xlsform/check?${query}`, { body: bytes, headers: { 'content-type': 'application/octet-stream', ...options.headers }, ...(options.csrf === false ? { csrf: false } : {}) });
    const count = async (table: 'survey_versions' | 'survey_drafts') =>
      Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    it('reports what survey a publishable XLSForm makes, and stores nothing', async () => {
      const response = await check(sessions.designer, fixture('pyxform__or_other.xlsx'), 'fileName=or_other.xlsx');
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const body = (await response.json()) as Record<string, unknown>;
      expect(Object.keys(body).sort()).toEqual(['fileName', 'kind', 'problems', 'publishable', 'summary', 'survey']);
      expect(body).toMatchObject({ fileName: 'or_other.xlsx', kind: 'xlsx', publishable: true, summary: { questions: 3, groups: 0, languages: ['en'] } });
      const read = readWorkbook(fixture('pyxform__or_other.xlsx'), 'x');
      if (!read.ok) throw new Error(read.message);
      expect(body.survey).toEqual(importXlsform(read.workbook, { fileName: 'or_other.xlsx' }).survey);
      expect(await count('survey_versions')).toBe(0);
      expect(await count('survey_drafts')).toBe(0);
    });

    it('gives the row-level report of a legacy .xls with errors, and takes surveyId and languages', async () => {
      const response = await check(sessions.admin, fixture('pyxform__widgets.xls'), 'fileName=widgets.xls&surveyId=widgets-test&languages=en');
      expect(response.status).toBe(200);
      const body = (await response.json()) as { kind: string; publishable: boolean; survey: { id: string }; problems: Array<{ sheet: string; row?: number; severity: string; name?: string }> };
      expect(body.kind).toBe('xls');
      expect(body.publishable).toBe(false);
      expect(body.survey.id).toBe('widgets-test');
      expect(body.problems.filter((p) => p.severity === 'error').map((p) => `${p.sheet} ${p.row} ${p.name}`)).toEqual(['choices 23 happy', 'choices 24 sad']);
    });

    it('answers only admins and designers', async () => {
      for (const role of ['analyst', 'manager', 'inspector'] as const) {
        const response = await check(sessions[role], fixture('pyxform__or_other.xlsx'));
        expect(response.status, role).toBe(403);
      }
      expect((await check(undefined, fixture('pyxform__or_other.xlsx'))).status).toBe(401);
      // A POST without the CSRF token is refused like every other.
      expect((await check(sessions.designer, fixture('pyxform__or_other.xlsx'), undefined, { csrf: false })).status).toBe(403);
    });

    it('refuses too large (413), other formats (415), broken files (400) and a wrong query (400), each with what to do', async () => {
      const big = await check(sessions.designer, new Uint8Array(10 * 1024 * 1024 + 1));
      expect(big.status).toBe(413);
      expect(await errorCode(big)).toBe('too_large');
      const csv = await check(sessions.designer, new TextEncoder().encode('type,name,label\ntext,q1,Name\n'), 'fileName=form.csv');
      expect(csv.status).toBe(415);
      expect(await csv.json()).toEqual({ error: { code: 'unsupported_file', message: 'this is not an Excel workbook (.xlsx or .xls); a CSV or text file is not read: open it in your spreadsheet program and save it as "Excel Workbook (.xlsx)"' } });
      const broken = await check(sessions.designer, fixture('pyxform__tutorial.xls').subarray(0, 5000), 'fileName=tutorial.xls');
      expect(broken.status).toBe(400);
      const brokenBody = (await broken.json()) as { error: { code: string; message: string } };
      expect(brokenBody.error.code).toBe('broken_file');
      expect(brokenBody.error.message).toMatch(/^the \.xls file is damaged \(.+\): open it in your spreadsheet program and save it again as "Excel Workbook \(\.xlsx\)"$/);
      expect(await errorCode(await check(sessions.designer, new Uint8Array(0)))).toBe('invalid_request');
      expect(await errorCode(await check(sessions.designer, fixture('pyxform__or_other.xlsx'), 'surveyId=Not_An_Id'))).toBe('invalid_query');
      expect(await errorCode(await check(sessions.designer, fixture('pyxform__or_other.xlsx'), 'languages=en,<b>'))).toBe('invalid_query');
    });

    it('downloads a published version as an XLSForm that imports back to the same survey', async () => {
      const published = await publishSurveyVersion(database.db, { organisationId, definition: builtIn('resident-satisfaction') });
      const response = await call(app, sessions.designer, 'GET', `/staff/surveys/${published.id}/versions/${published.version}/xlsform`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${published.id}-v${published.version}.xlsx"`);
      const read = readWorkbook(new Uint8Array(await response.arrayBuffer()), 'download.xlsx');
      if (!read.ok) throw new Error(read.message);
      expect(read.workbook.sheets.map((s) => s.name)).toEqual(['survey', 'choices', 'settings']);
      const back = importXlsform(read.workbook);
      expect(back.publishable).toBe(true);
      expect(back.survey).toEqual(published);
    });

    it('404s an unknown survey or version, and another organisation\'s survey; other roles 403', async () => {
      const other = await createOrganisation(database.db, { name: 'Other agency' });
      const theirs = await publishSurveyVersion(database.db, { organisationId: other.id, definition: builtIn('centre-satisfaction') });
      for (const path of [`/staff/surveys/${theirs.id}/versions/1/xlsform`, '/staff/surveys/resident-satisfaction/versions/99/xlsform', '/staff/surveys/resident-satisfaction/versions/x/xlsform', '/staff/surveys/NOPE/versions/1/xlsform']) {
        const response = await call(app, sessions.admin, 'GET', path);
        expect(response.status, path).toBe(404);
        expect(await errorCode(response)).toBe('unknown_survey');
      }
      expect((await call(app, sessions.analyst, 'GET', '/staff/surveys/resident-satisfaction/versions/1/xlsform')).status).toBe(403);
    });
  });
}
