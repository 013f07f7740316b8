import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/server/db/createDatabase.ts';
import { prepareResponseExport } from '../../../src/server/exports/prepareResponseExport.ts';
import { responseRows } from '../../../src/server/exports/responseRows.ts';
import { writeResponseRows } from '../../../src/server/exports/writeResponseRows.ts';
import { call } from '../auth/staffClient.ts';
import { testDatabaseKinds } from '../support/testDatabases.ts';
import { insertResponses, makeExportWorld, response, type ExportWorld } from './exportFixture.ts';
import { parseCsv } from './parseCsv.ts';
import { readXlsx } from './readXlsx.ts';

const ROWS = 20_000;

for (const kind of testDatabaseKinds()) {
  describe(`streamed export of ${ROWS} responses on ${kind.name}`, () => {
    let database: DatabaseHandle;
    let dispose: () => Promise<void>;
    let world: ExportWorld;

    beforeAll(async () => {
      ({ handle: database, dispose } = await kind.open());
      world = await makeExportWorld(database.db);
      const start = Date.parse('2026-07-01T08:00:00.000Z');
      await insertResponses(database.db, world.organisationId, Array.from({ length: ROWS }, (_, i) => response({
        facilityId: world.facilityA.id, enrollmentId: world.enrollmentA, reportedAt: new Date(start + i * 60_000).toISOString(),
        answers: { 'room.satisfied': i % 3 === 0, 'room.score': i % 11, comment: `comment number ${i}` },
      })));
    }, 120_000);
    afterAll(() => dispose?.());

    it('streams every row of a CSV download in many chunks, in order', async () => {
      const res = await call(world.app, world.sessions.analyst, 'GET', `/exports/responses.csv?survey=resident-survey&facility=${world.facilityA.id}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-sayso-rows')).toBeNull();
      const reader = res.body!.getReader();
      const chunks: Uint8Array[] = [];
      for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value);
      expect(chunks.length).toBeGreaterThan(20);
      const records = parseCsv(new TextDecoder().decode(Buffer.concat(chunks)));
      expect(records).toHaveLength(ROWS + 1);
      expect(records.map((r) => r.at(-1)!.text).slice(1, 4)).toEqual(['comment number 0', 'comment number 1', 'comment number 2']);
      expect(records[ROWS]!.at(-1)!.text).toBe(`comment number ${ROWS - 1}`);
    }, 120_000);

    it('streams the same rows as an .xlsx workbook', async () => {
      const res = await call(world.app, world.sessions.admin, 'GET', `/exports/responses.xlsx?survey=resident-survey&period=2026-Q3`);
      expect(res.status).toBe(200);
      const { rows } = readXlsx(new Uint8Array(await res.arrayBuffer()));
      expect(rows).toHaveLength(ROWS + 1);
      expect(rows[12_346]!.at(-1)).toBe('comment number 12345');
      expect(rows[12_346]![9]).toBe(12_345 % 11);
    }, 120_000);

    it('writes N rows into a sink chunk by chunk (writeResponseRows, for the benchmark)', async () => {
      let chunks = 0;
      let bytes = 0;
      const result = await writeResponseRows(database.db, { organisationId: world.organisationId, surveyId: 'resident-survey', facilityId: world.facilityA.id }, async (chunk) => {
        chunks++;
        bytes += chunk.byteLength;
        await new Promise((resolve) => setImmediate(resolve));
      });
      expect(result).toEqual({ rows: ROWS, bytes });
      expect(chunks).toBeGreaterThan(20);
      await expect(writeResponseRows(database.db, { organisationId: world.organisationId, surveyId: 'no-such-survey' }, () => {})).rejects.toThrow(/unknown_survey/);
    }, 120_000);

    it('reads the next page only when the rows before it are taken, and stops when the download is cancelled', async () => {
      const prepared = await prepareResponseExport(database.db, { organisationId: world.organisationId, surveyId: 'resident-survey', facilityId: world.facilityB.id });
      if (!prepared.ok) throw new Error(prepared.problem.message);
      const rows = responseRows(database.db, prepared.plan, 2);
      await insertResponses(database.db, world.organisationId, ['2026-07-01T08:00:00.000Z', '2026-07-02T08:00:00.000Z', '2026-07-03T08:00:00.000Z'].map((reportedAt, i) =>
        response({ facilityId: world.facilityB.id, enrollmentId: world.enrollmentB, reportedAt, answers: { comment: `b${i}` } })));
      const taken = [await rows.next(), await rows.next(), await rows.next()].map((r) => (r.value as unknown[]).at(-1));
      expect(taken).toEqual(['Anything else? (comment)', 'b0', 'b1']);
      // A response stored after the first page was read still comes: the second page was not read yet.
      await insertResponses(database.db, world.organisationId, [response({ facilityId: world.facilityB.id, enrollmentId: world.enrollmentB, reportedAt: '2026-08-01T08:00:00.000Z', answers: { comment: 'late' } })]);
      const rest: unknown[] = [];
      for await (const row of rows) rest.push(row.at(-1));
      expect(rest).toEqual(['b2', 'late']);

      const res = await call(world.app, world.sessions.admin, 'GET', `/exports/responses.csv?survey=resident-survey&facility=${world.facilityA.id}`);
      const reader = res.body!.getReader();
      expect((await reader.read()).done).toBe(false);
      await reader.cancel();
      expect((await reader.read()).done).toBe(true);
    }, 120_000);
  });
}
