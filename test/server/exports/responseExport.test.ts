import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/server/db/createDatabase.ts';
import { call, errorCode } from '../auth/staffClient.ts';
import { testDatabaseKinds } from '../support/testDatabases.ts';
import { insertResponses, makeExportWorld, response, type ExportWorld, type SeededResponse } from './exportFixture.ts';
import { csvValues } from './parseCsv.ts';
import { readXlsx } from './readXlsx.ts';

const kiosk = (lang: string) => JSON.parse(readFileSync(`public/locales/${lang}/kiosk.json`, 'utf8')) as { answer: Record<string, string>; expectation: Record<string, string> };
const fr = kiosk('fr');
const en = kiosk('en');

const FIXED = ['Facility', 'Quarter', 'Survey version', 'Language', 'Mode', 'Source', 'Status'];

for (const kind of testDatabaseKinds()) {
  describe(`per-response export on ${kind.name}`, () => {
    let database: DatabaseHandle;
    let dispose: () => Promise<void>;
    let world: ExportWorld;
    let seeded: SeededResponse[];

    beforeAll(async () => {
      ({ handle: database, dispose } = await kind.open());
      world = await makeExportWorld(database.db, { a: 'Centre "A" / Sud' });
      const inA = { facilityId: world.facilityA.id, enrollmentId: world.enrollmentA };
      seeded = [
        response({ ...inA, reportedAt: '2026-07-10T10:00:00.000Z', language: 'fr', answers: {
          'room.satisfied': false, 'room.reasons': ['noise', 'cold'], 'room.score': 3, 'room.comment': '=1+1, the "heater"\nis broken', 'food.expect': 'below', age: 'under-35', comment: 'Merci',
        } }),
        // 00:30 on 1 July in Brussels: the third quarter there.
        response({ ...inA, surveyVersion: 1, reportedAt: '2026-06-30T22:30:00.000Z', status: 'partial', source: 'paper', mode: 'assisted', answers: { 'room.satisfied': 'prefer-not-to-answer', 'room.score': 10 } }),
        response({ ...inA, reportedAt: '2026-05-01T08:00:00.000Z', answers: { 'room.satisfied': true } }),
        response({ facilityId: world.facilityB.id, enrollmentId: world.enrollmentB, reportedAt: '2026-08-20T12:00:00.000Z', source: 'invitation', answers: { 'room.satisfied': true, age: 'over-35', comment: '@cmd', 'room.score': 0 } }),
      ];
      await insertResponses(database.db, world.organisationId, seeded);
    });
    afterAll(() => dispose?.());

    const get = (session: keyof ExportWorld['sessions'] | undefined, format: 'csv' | 'xlsx', query: Record<string, string>) =>
      call(world.app, session && world.sessions[session], 'GET', `/exports/responses.${format}?${new URLSearchParams({ survey: 'resident-survey', ...query })}`);
    const csvOf = async (res: Response) => {
      expect(res.status).toBe(200);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      return csvValues(new TextDecoder().decode(bytes));
    };

    it('writes one row per response, equal to what was stored, with labels in the chosen language', async () => {
      const res = await get('admin', 'csv', { lang: 'fr' });
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const rows = await csvOf(res);
      expect(rows[0]).toEqual([...FIXED,
        'Êtes-vous satisfait de votre chambre ? (room.satisfied)', 'Pourquoi pas ? (room.reasons)', 'Notez votre chambre (room.score)',
        'Qu’est-ce qui rendrait votre chambre meilleure ? (room.comment)', 'Les repas sont-ils comme prévu ? (food.expect)', 'Un mot sur les repas ? (food.comment)',
        'Quel âge avez-vous ? (age)', 'Autre chose ? (comment)']);
      // Facility by facility, each in reported order.
      expect(rows.slice(1)).toEqual([
        ['Centre "A" / Sud', '2026-Q2', 2, 'en', 'self', 'tablet', 'complete', fr.answer.yes, null, null, null, null, null, null, null],
        ['Centre "A" / Sud', '2026-Q3', 1, 'en', 'assisted', 'paper', 'partial', fr.answer.preferNot, null, 10, null, null, null, null, null],
        ['Centre "A" / Sud', '2026-Q3', 2, 'fr', 'self', 'tablet', 'complete', fr.answer.no, 'Trop bruyant; Trop froid', 3, "'=1+1, the \"heater\"\nis broken", fr.expectation.below, null, 'Moins de 35 ans', 'Merci'],
        ['Centre B', '2026-Q3', 2, 'en', 'self', 'invitation', 'complete', fr.answer.yes, null, 0, null, null, null, '35 ans ou plus', "'@cmd"],
      ]);
    });

    it("uses the survey's default language without lang, and never writes an id, a device or a time of day", async () => {
      const res = await get('analyst', 'csv', {});
      const text = await res.clone().text();
      const rows = await csvOf(res);
      expect(rows[3]!.slice(7, 11)).toEqual([en.answer.no, 'Too noisy; Too cold', 3, "'=1+1, the \"heater\"\nis broken"]);
      expect(rows[0]![10]).toBe('What would make your room better? (room.comment)');
      for (const secret of [...seeded.map((r) => r.id), world.enrollmentA, world.enrollmentB, world.facilityA.id, '10:00', '22:30', '2026-07-10', 'Common room tablet']) expect(text).not.toContain(secret);
    });

    it('writes the same rows as an .xlsx workbook', async () => {
      const csv = await csvOf(await get('admin', 'csv', { lang: 'fr' }));
      const res = await get('admin', 'xlsx', { lang: 'fr' });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const { rows, sheetName } = readXlsx(new Uint8Array(await res.arrayBuffer()));
      expect(sheetName).toBe('Responses');
      expect(rows.map((row) => [...row, ...Array(csv[0]!.length - row.length).fill(null)])).toEqual(csv);
    });

    it('narrows to one facility and one quarter in its time zone, and an empty one is the header row alone', async () => {
      const quarter = await csvOf(await get('admin', 'csv', { period: '2026-Q3' }));
      expect(quarter.slice(1).map((row) => [row[0], row[1], row[6]])).toEqual([['Centre "A" / Sud', '2026-Q3', 'partial'], ['Centre "A" / Sud', '2026-Q3', 'complete'], ['Centre B', '2026-Q3', 'complete']]);
      const one = await get('admin', 'csv', { period: '2026-Q3', facility: world.facilityA.id });
      expect(one.headers.get('content-disposition')).toBe('attachment; filename="sayso-resident-survey-responses-centre-a-sud-2026-Q3.csv"');
      expect((await csvOf(one)).slice(1).map((row) => row[6])).toEqual(['partial', 'complete']);
      const empty = await get('admin', 'csv', { period: '2026-Q2', facility: world.facilityB.id });
      expect(empty.headers.get('x-sayso-rows')).toBe('0');
      const rows = await csvOf(empty);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.slice(0, 7)).toEqual(FIXED);
      const emptyXlsx = await get('admin', 'xlsx', { period: '2019-Q1' });
      expect(emptyXlsx.headers.get('x-sayso-rows')).toBe('0');
      expect(emptyXlsx.headers.get('content-disposition')).toBe('attachment; filename="sayso-resident-survey-responses-2019-Q1.xlsx"');
      expect(readXlsx(new Uint8Array(await emptyXlsx.arrayBuffer())).rows).toHaveLength(1);
      expect((await get('admin', 'csv', {})).headers.get('x-sayso-rows')).toBeNull();
    });

    it('is for admins and analysts only', async () => {
      for (const session of ['managerA', 'designer'] as const) {
        const res = await get(session, 'csv', { facility: world.facilityA.id });
        expect([res.status, await errorCode(res)]).toEqual([403, 'forbidden']);
      }
      expect((await get(undefined, 'xlsx', {})).status).toBe(401);
    });

    it('refuses bad queries with 400 naming the parameter, an unknown survey or facility with 404, and never fails with a 500', async () => {
      const invalid: Array<[Record<string, string>, string]> = [
        [{ lang: 'de' }, 'lang'], [{ period: '2026-13' }, 'period'], [{ period: '2026-Q3', survey: '' }, 'survey'],
        [{ survey: 'Bad Survey!' }, 'survey'], [{ facility: '../../etc' }, 'facility'],
      ];
      for (const [query, parameter] of invalid) {
        const res = await get('admin', 'csv', query);
        const body = (await res.json()) as { error: { code: string; message: string } };
        expect([res.status, body.error.code], JSON.stringify(query)).toEqual([400, 'invalid_query']);
        expect(body.error.message).toContain(parameter);
      }
      const twice = await call(world.app, world.sessions.admin, 'GET', '/exports/responses.csv?survey=resident-survey&survey=other');
      expect(twice.status).toBe(400);
      const elsewhere = await get('admin', 'csv', { facility: world.elsewhere.id });
      expect([elsewhere.status, await errorCode(elsewhere)]).toEqual([404, 'unknown_facility']);
      const unknown = await get('admin', 'xlsx', { survey: 'no-such-survey' });
      expect([unknown.status, await errorCode(unknown)]).toEqual([404, 'unknown_survey']);
      for (const query of ['lang=%00', 'period=0000-Q1', 'facility=%F0%9F%98%80', 'lang=' + 'x'.repeat(5000), 'period[]=1', 'survey=resident-survey&lang=fr&lang=en']) {
        const res = await call(world.app, world.sessions.admin, 'GET', `/exports/responses.csv?survey=resident-survey&${query}`);
        expect(res.status, query).toBeLessThan(500);
        await res.arrayBuffer();
      }
    });
  });
}
