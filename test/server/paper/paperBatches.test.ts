import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPaperBatch } from '../../../src/server/paper/paperBatches.ts';
import { MAX_SERIAL } from '../../../src/survey/paper/paperSerial.ts';
import { call, errorCode } from '../auth/staffClient.ts';
import { testDatabaseKinds } from '../support/testDatabases.ts';
import { paperWorld, type Batch, type PaperWorld } from './support/paperWorld.ts';

for (const kind of testDatabaseKinds()) {
  describe(`paper batches on ${kind.name}`, () => {
    let dispose: () => Promise<void>;
    let w: PaperWorld;
    beforeAll(async () => {
      const opened = await kind.open();
      dispose = opened.dispose;
      w = await paperWorld(opened.handle.db);
    });
    afterAll(() => dispose?.());

    it('numbers a facility\'s sheets on from its last batch, across surveys, and each facility from 1', async () => {
      const first = await w.printBatch(w.admin, { count: 5 });
      const second = await w.printBatch(w.admin, { surveyId: 'voice', count: 3 });
      const otherFacility = await w.printBatch(w.admin, { facilityId: w.B, count: 2 });
      expect([first.firstSerial, first.count, second.firstSerial, second.count]).toEqual([1, 5, 6, 3]);
      expect(otherFacility.firstSerial).toBe(1);
      expect(first).toMatchObject({ facilityId: w.A, surveyId: 'mini', surveyVersion: 1, language: 'en' });
      expect(Date.parse(first.createdAt)).not.toBeNaN();
    });

    it('never gives two batches printed at the same moment a shared serial', async () => {
      const inspector = await w.member('inspector', [w.B]);
      const counts = [7, 1, 500, 13, 2, 40, 9, 3, 250, 5];
      const batches = await Promise.all(counts.map(async (count, i) => {
        const response = await call(w.app, i % 2 ? inspector.session : w.admin.session, 'POST', '/paper/batches', { body: { facilityId: w.B, surveyId: 'mini', surveyVersion: 1, language: i % 3 ? 'en' : 'ar', count } });
        expect(response.status).toBe(201);
        return ((await response.json()) as { batch: Batch }).batch;
      }));
      const serials = batches.flatMap((b) => Array.from({ length: b.count }, (_, i) => b.firstSerial + i));
      expect(new Set(serials).size).toBe(serials.length);
      expect(serials.length).toBe(counts.reduce((a, b) => a + b, 0));
      // Contiguous from where the earlier batch of B ended: nothing skipped either.
      expect(Math.min(...serials)).toBe(3);
      expect(Math.max(...serials)).toBe(2 + serials.length);
    });

    it('refuses a count outside 1 to 500, an unknown survey, version or language, and a facility that is not the caller\'s', async () => {
      const inspector = await w.member('inspector', [w.A]);
      const post = (body: unknown, who = inspector) => call(w.app, who.session, 'POST', '/paper/batches', { body });
      const base = { facilityId: w.A, surveyId: 'mini', surveyVersion: 1, language: 'en', count: 3 };
      const outcomes = [];
      for (const body of [
        { ...base, count: 0 }, { ...base, count: 501 }, { ...base, count: 2.5 }, { ...base, extra: 1 },
        { ...base, surveyId: 'nope' }, { ...base, surveyVersion: 2 }, { ...base, language: 'ti' },
        { ...base, facilityId: w.B }, { ...base, facilityId: w.elsewhere },
      ]) {
        const response = await post(body);
        outcomes.push(`${response.status} ${await errorCode(response)}`);
      }
      expect(outcomes).toEqual([
        '400 invalid_request', '400 invalid_request', '400 invalid_request', '400 invalid_request',
        '404 unknown_survey', '404 unknown_survey', '400 unknown_language',
        '404 unknown_facility', '404 unknown_facility',
      ]);
      const notJson = await call(w.app, inspector.session, 'POST', '/paper/batches', { body: '{"facilityId":', headers: { 'content-type': 'application/json' } });
      expect(notJson.status).toBe(400);
      expect(await errorCode(notJson)).toBe('malformed_json');
    });

    it('leaves the counter where it was when a batch would pass the last printable serial', async () => {
      await w.db.updateTable('paper_serial_counters').set({ next_serial: MAX_SERIAL - 1 }).where('facility_id', '=', w.A).execute();
      await expect(createPaperBatch(w.db, { organisationId: w.organisationId, facilityId: w.A, surveyId: 'mini', surveyVersion: 1, language: 'en', count: 5, createdBy: w.admin.id }))
        .rejects.toThrow(/serials/);
      const counter = await w.db.selectFrom('paper_serial_counters').select('next_serial').where('facility_id', '=', w.A).executeTakeFirstOrThrow();
      expect(Number(counter.next_serial)).toBe(MAX_SERIAL - 1);
      const last = await createPaperBatch(w.db, { organisationId: w.organisationId, facilityId: w.A, surveyId: 'mini', surveyVersion: 1, language: 'en', count: 2, createdBy: w.admin.id });
      expect(last.firstSerial + last.count - 1).toBe(MAX_SERIAL);
    });
  });
}
