import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/server/db/createDatabase.ts';
import { rebuildReportCells } from '../../../src/server/reports/rebuildReportCells.ts';
import type { FacilityReport } from '../../../src/survey/reportTypes.ts';
import { call, errorCode } from '../auth/staffClient.ts';
import { testDatabaseKinds } from '../support/testDatabases.ts';
import { createFacility } from '../../../src/server/queries/organisations.ts';
import { insertEnrollment, insertResponses, makeExportWorld, response, type ExportWorld } from './exportFixture.ts';
import { csvValues } from './parseCsv.ts';
import { readXlsx } from './readXlsx.ts';

const fr = JSON.parse(readFileSync('public/locales/fr/kiosk.json', 'utf8')) as { answer: Record<string, string> };
const HEADER = ['Row', 'Facility', 'Period', 'Topic', 'Question', 'Question id', 'Answer', 'Count', 'Share', 'Target (%)', 'Met'];

for (const kind of testDatabaseKinds()) {
  describe(`aggregate export on ${kind.name}`, () => {
    let database: DatabaseHandle;
    let dispose: () => Promise<void>;
    let world: ExportWorld;

    beforeAll(async () => {
      ({ handle: database, dispose } = await kind.open());
      world = await makeExportWorld(database.db);
      // A third facility with enough responses: beside B's hidden quarter it is the one hidden
      // in the organisation-wide table to protect B, so A's figures stay shown.
      const c = await createFacility(database.db, { organisationId: world.organisationId, name: 'Centre C', timeZone: 'Europe/Brussels' });
      const inC = { facilityId: c.id, enrollmentId: await insertEnrollment(database.db, c.id), reportedAt: '2026-07-11T10:00:00.000Z' };
      const inA = { facilityId: world.facilityA.id, enrollmentId: world.enrollmentA, reportedAt: '2026-07-10T10:00:00.000Z' };
      const satisfied: Array<boolean | 'prefer-not-to-answer'> = [true, true, true, true, false, false, 'prefer-not-to-answer'];
      await insertResponses(database.db, world.organisationId, [
        ...satisfied.map((value, i) => response({ ...inA, answers: {
          'room.satisfied': value, 'room.score': i + 2, comment: `comment ${i}`,
          ...(value === false ? { 'room.reasons': i === 4 ? ['noise'] : ['noise', 'cold'] } : {}),
          ...(i < 3 ? { 'food.expect': 'at' } : {}),
        } })),
        ...[1, 2, 3, 4, 5].map(() => response({ ...inC, answers: { 'room.satisfied': true, 'room.score': 7 } })),
        ...[1, 2].map(() => response({ facilityId: world.facilityB.id, enrollmentId: world.enrollmentB, reportedAt: '2026-07-12T10:00:00.000Z', answers: { 'room.satisfied': true, 'room.score': 9 } })),
      ]);
      await rebuildReportCells(database.db, { force: true });
    });
    afterAll(() => dispose?.());

    const query = (facility: string, extra: Record<string, string> = {}) => new URLSearchParams({ survey: 'resident-survey', facility, period: '2026-Q3', ...extra });
    const get = (session: keyof ExportWorld['sessions'], format: 'csv' | 'xlsx', facility: string, extra: Record<string, string> = {}) =>
      call(world.app, world.sessions[session], 'GET', `/exports/aggregate.${format}?${query(facility, extra)}`);
    const csvOf = async (res: Response) => {
      expect(res.status).toBe(200);
      return csvValues(new TextDecoder().decode(await res.arrayBuffer()));
    };
    const report = async (facility: string) => (await (await call(world.app, world.sessions.admin, 'GET', `/reports/facility?${query(facility)}`)).json()) as FacilityReport;

    it("writes the facility report's figures: a row per value with count and share, the declined, and indicators with target and met", async () => {
      const res = await get('admin', 'csv', world.facilityA.id, { lang: 'fr' });
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="sayso-resident-survey-centre-a-2026-Q3.csv"');
      const rows = await csvOf(res);
      expect(res.headers.get('x-sayso-rows')).toBe(String(rows.length - 1));
      expect(rows[0]).toEqual(HEADER);
      expect(rows.slice(1, 5)).toEqual([
        ['responses', 'Centre A', '2026-Q3', '', '', '', 'complete', 7, null, null, null],
        ['responses', 'Centre A', '2026-Q3', '', '', '', 'partial', 0, null, null, null],
        ['responses', 'Centre A', '2026-Q3', '', '', '', 'total', 7, null, null, null],
        ['participation', 'Centre A', '2026-Q3', '', '', '', 'residents', null, null, null, null],
      ]);
      const satisfied = rows.filter((row) => row[5] === 'room.satisfied');
      const question = ['Centre A', '2026-Q3', 'Votre chambre', 'Êtes-vous satisfait de votre chambre ?', 'room.satisfied'];
      expect(satisfied).toEqual([
        ['answer', ...question, fr.answer.yes, 4, 0.6667, null, null],
        ['answer', ...question, fr.answer.no, 2, 0.3333, null, null],
        ['declined', ...question, fr.answer.preferNot, 1, null, null, null],
        ['indicator', ...question, '', 6, 0.6667, 60, fr.answer.yes],
      ]);
      // Shares of a multiple choice are of those who answered it: two here, below the threshold.
      expect(rows.filter((row) => row[5] === 'room.reasons').map((row) => row.slice(6, 9))).toEqual([['', 'hidden', 'hidden']]);
      expect(rows.filter((row) => row[5] === 'comment').map((row) => [row[0], row[6], row[7]])).toEqual([['answer', '', 7]]);
    });

    it('agrees with GET /reports/facility on every figure shown, and writes the word hidden for every hidden one', async () => {
      const rows = await csvOf(await get('analyst', 'csv', world.facilityA.id));
      const facility = await report(world.facilityA.id);
      for (const question of facility.questions!) {
        const own = rows.filter((row) => row[5] === question.questionId && row[0] === 'answer');
        if (question.figures.hidden) {
          expect(own.map((row) => row.slice(7, 9)), question.questionId).toEqual([['hidden', 'hidden']]);
        } else if (question.figures.distribution.length) {
          expect(own.map((row) => row[7]), question.questionId).toEqual(question.figures.distribution.map((d) => d.count));
        }
        const indicator = rows.find((row) => row[5] === question.questionId && row[0] === 'indicator');
        if (question.target) expect(indicator?.[9], question.questionId).toBe(question.target.percent);
        if (question.target && question.figures.hidden) expect(indicator?.slice(7, 11)).toEqual(['hidden', 'hidden', question.target.percent, 'hidden']);
      }
      expect(facility.questions!.find((q) => q.questionId === 'food.expect')!.figures.hidden).toBe(true);
    });

    it('hides every figure of a quarter with fewer responses than the threshold, never as a number', async () => {
      const rows = await csvOf(await get('admin', 'csv', world.facilityB.id));
      const questionRows = rows.slice(1).filter((row) => row[0] !== 'responses' && row[0] !== 'participation');
      expect(questionRows.length).toBeGreaterThan(0);
      for (const row of questionRows) {
        expect(row[7], String(row[5])).toBe('hidden');
        expect(row[8], String(row[5])).toBe('hidden');
        if (row[0] === 'indicator') expect(row[10]).toBe('hidden');
      }
      expect(rows.find((row) => row[6] === 'total')![7]).toBe(2);
    });

    it('writes the same table as an .xlsx workbook', async () => {
      const csv = await csvOf(await get('admin', 'csv', world.facilityA.id, { lang: 'fr' }));
      const res = await get('admin', 'xlsx', world.facilityA.id, { lang: 'fr' });
      expect(res.status).toBe(200);
      const { rows, sheetName } = readXlsx(new Uint8Array(await res.arrayBuffer()));
      expect(sheetName).toBe('Report');
      // A text cell that is empty is written as an empty inline string, which reads back as ''.
      const normal = (row: Array<string | number | null>) => [...row.map((cell) => (cell === '' ? null : cell)), ...Array(HEADER.length - row.length).fill(null)];
      expect(rows.map(normal)).toEqual(csv.map(normal));
    });

    it("is for admins, analysts and a facility's own manager; another facility is unknown to a manager", async () => {
      expect((await get('managerA', 'csv', world.facilityA.id)).status).toBe(200);
      const other = await get('managerA', 'xlsx', world.facilityB.id);
      expect([other.status, await errorCode(other)]).toEqual([404, 'unknown_facility']);
      const designer = await get('designer', 'csv', world.facilityA.id);
      expect([designer.status, await errorCode(designer)]).toEqual([403, 'forbidden']);
      const elsewhere = await get('admin', 'csv', world.elsewhere.id);
      expect(elsewhere.status).toBe(404);
    });

    it('refuses a language the survey lacks, a malformed period and an unknown survey; a date range has totals only', async () => {
      const lang = await get('admin', 'csv', world.facilityA.id, { lang: 'de' });
      const body = (await lang.json()) as { error: { code: string; message: string } };
      expect([lang.status, body.error.code]).toEqual([400, 'invalid_query']);
      expect(body.error.message).toMatch(/^lang/);
      const period = await get('admin', 'csv', world.facilityA.id, { period: '2026-Q9' });
      expect([period.status, await errorCode(period)]).toEqual([400, 'invalid_query']);
      const survey = await get('admin', 'csv', world.facilityA.id, { survey: 'no-such-survey' });
      expect([survey.status, await errorCode(survey)]).toEqual([404, 'unknown_survey']);
      const range = await call(world.app, world.sessions.admin, 'GET', `/exports/aggregate.csv?survey=resident-survey&facility=${world.facilityA.id}&from=2026-07-01&to=2026-07-31`);
      const rows = await csvOf(range);
      expect(new Set(rows.slice(1).map((row) => row[0]))).toEqual(new Set(['responses', 'participation']));
      expect(rows[1]![2]).toBe('2026-07-01/2026-07-31');
    });
  });
}
