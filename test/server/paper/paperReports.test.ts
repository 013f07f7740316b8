import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestBatch } from '../../../src/server/queries/ingestBatch.ts';
import type { BreakdownReport, FacilityReport } from '../../../src/survey/reportTypes.ts';
import { call } from '../auth/staffClient.ts';
import { parseCsv } from '../exports/parseCsv.ts';
import { enrollTablet, tabletResponse } from '../reports/support/reportFixture.ts';
import { testDatabaseKinds } from '../support/testDatabases.ts';
import { paperWorld, VISIT_DAY, type PaperWorld } from './support/paperWorld.ts';

/** Five residents answered on a tablet and five on paper, the same week of the fourth quarter of 2026. */
const SATISFIED = [true, true, false, true, false];

for (const kind of testDatabaseKinds()) {
  describe(`paper responses in reports and exports on ${kind.name}`, () => {
    let dispose: () => Promise<void>;
    let w: PaperWorld;
    beforeAll(async () => {
      const opened = await kind.open();
      dispose = opened.dispose;
      w = await paperWorld(opened.handle.db);
      const tablet = await enrollTablet(w.db, w.A);
      const now = new Date();
      const items = await Promise.all(SATISFIED.map((yes) => tabletResponse(tablet, 'mini', { at: `${VISIT_DAY}T09:00:00.000Z`, answers: { 'room.satisfied': yes, 'room.score': 5 } }, now)));
      expect((await ingestBatch(w.db, { device: tablet.device, items })).map((r) => r.status)).toEqual(Array(5).fill('accepted'));
      const inspector = await w.member('inspector', [w.A]);
      const batch = await w.printBatch(inspector, { count: 5 });
      const results = await w.send(inspector, SATISFIED.map((yes, i) => w.entry(batch, batch.firstSerial + i, { answers: { 'room.satisfied': yes, 'room.score': 5 } })));
      expect(results.map((r) => r.status)).toEqual(Array(5).fill('accepted'));
    });
    afterAll(() => dispose?.());

    it('counts paper sheets in the facility report like tablet responses, in the visit\'s quarter', async () => {
      const response = await call(w.app, w.admin.session, 'GET', `/reports/facility?survey=mini&facility=${w.A}&period=2026-Q4`);
      expect(response.status).toBe(200);
      const report = (await response.json()) as FacilityReport;
      expect(report.responses).toEqual({ complete: 10, partial: 0, total: 10 });
      const satisfied = report.questions!.find((q) => q.questionId === 'room.satisfied')!;
      expect(satisfied.figures.n).toBe(10);
      expect(satisfied.figures.distribution.map((d) => [d.value, d.count])).toEqual([['true', 6], ['false', 4]]);
    });

    it('shows tablet and paper side by side in the breakdown by source', async () => {
      const response = await call(w.app, w.admin.session, 'GET', `/reports/breakdown?survey=mini&facility=${w.A}&period=2026-Q4&dimension=source`);
      expect(response.status).toBe(200);
      const report = (await response.json()) as BreakdownReport;
      const satisfied = report.questions.find((q) => q.questionId === 'room.satisfied')!;
      expect(Object.fromEntries(satisfied.groups.map((g) => [g.value, g.figures.n]))).toMatchObject({ tablet: 5, paper: 5 });
    });

    it('exports paper sheets as rows with source paper', async () => {
      const response = await call(w.app, w.admin.session, 'GET', `/exports/responses.csv?survey=mini&period=2026-Q4&facility=${w.A}&lang=en`);
      expect(response.status).toBe(200);
      const [header, ...rows] = parseCsv((await response.text()).replace(/^\uFEFF/, '')).map((r) => r.map((f) => f.text));
      const source = header!.findIndex((h) => /source/i.test(h));
      expect(source).toBeGreaterThanOrEqual(0);
      const bySource = rows.filter((r) => r.length > 1).reduce<Record<string, number>>((acc, r) => ({ ...acc, [r[source]!]: (acc[r[source]!] ?? 0) + 1 }), {});
      expect(bySource).toEqual({ tablet: 5, paper: 5 });
    });
  });
}
