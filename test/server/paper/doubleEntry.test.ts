import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PaperEntryResult } from '../../../src/survey/paper/paperEntry.ts';
import { paperResponseId } from '../../../src/survey/paper/paperResponseId.ts';
import { call, errorCode } from '../auth/staffClient.ts';
import { testDatabaseKinds } from '../support/testDatabases.ts';
import { ANSWERS, paperWorld, VISIT_DAY, type Batch, type Member, type PaperWorld } from './support/paperWorld.ts';

interface MismatchView {
  id: string; facilityId: string; surveyId: string; surveyVersion: number; serial: number; serialText: string;
  first: { language: string; filledOn: string; answers: Record<string, unknown>; unreadable: string[] };
  second: { language: string; filledOn: string; answers: Record<string, unknown>; unreadable: string[] };
  differences: string[]; createdAt: string;
}

const statusOf = (r: PaperEntryResult) => (r.status === 'rejected' ? `rejected ${r.error.code}` : r.status);

for (const kind of testDatabaseKinds()) {
  describe(`double entry on ${kind.name}`, () => {
    let dispose: () => Promise<void>;
    let w: PaperWorld;
    let first: Member;
    let second: Member;
    let manager: Member;
    let inspectorB: Member;
    let batch: Batch;
    beforeAll(async () => {
      const opened = await kind.open();
      dispose = opened.dispose;
      w = await paperWorld(opened.handle.db);
      first = await w.member('inspector', [w.A]);
      second = await w.member('inspector', [w.A]);
      manager = await w.member('manager', [w.A]);
      inspectorB = await w.member('inspector', [w.B]);
      batch = await w.printBatch(first, { count: 30 });
      await w.setDoubleEntry(true);
    });
    afterAll(() => dispose?.());
    let serial = 0;
    beforeEach(() => { serial += 1; });

    const responseRow = async (n: number) => w.db.selectFrom('responses').selectAll().where('id', '=', await paperResponseId(w.A, 'mini', n)).executeTakeFirst();
    const sheetRow = async (n: number) => w.db.selectFrom('paper_sheets').selectAll().where('response_id', '=', await paperResponseId(w.A, 'mini', n)).executeTakeFirst();
    const mismatches = async (who: Member, query = '') => {
      const response = await call(w.app, who.session, 'GET', `/paper/mismatches${query}`);
      expect(response.status).toBe(200);
      return ((await response.json()) as { mismatches: MismatchView[] }).mismatches;
    };

    it('shows the setting in GET /staff/settings and the workspace', async () => {
      const settings = await call(w.app, w.admin.session, 'GET', '/staff/settings');
      expect((await settings.json()).paperDoubleEntry).toBe(true);
      const workspace = await call(w.app, first.session, 'GET', '/paper/workspace');
      expect((await workspace.json()).doubleEntry).toBe(true);
    });

    it('keeps a first keying waiting, refuses the same keyer again, and makes the sheet final when a second person keys the same', async () => {
      const one = w.entry(batch, serial);
      expect((await w.send(first, [one]))[0]).toEqual({ entryId: one.entryId, status: 'awaiting-second-entry', responseId: await paperResponseId(w.A, 'mini', serial) });
      expect(await responseRow(serial)).toBeUndefined();
      // A retry of the first keying is a duplicate, not a second keying.
      expect(statusOf((await w.send(first, [one]))[0]!)).toBe('duplicate');
      expect(statusOf((await w.send(first, [w.entry(batch, serial)]))[0]!)).toBe('rejected same_keyer');
      const two = w.entry(batch, serial, { filledOn: '2026-11-25' });
      expect((await w.send(second, [two]))[0]).toEqual({ entryId: two.entryId, status: 'accepted', responseId: await paperResponseId(w.A, 'mini', serial) });
      const row = await responseRow(serial);
      expect(row).toMatchObject({ source: 'paper', reported_at: `${VISIT_DAY}T12:00:00.000Z` });
      expect(await sheetRow(serial)).toMatchObject({ entered_by: first.id, checked_by: second.id, via: 'keyed' });
      expect(await w.db.selectFrom('paper_entries').select('id').where('serial', '=', serial).execute()).toEqual([]);
      // Either keying sent again is a duplicate.
      expect((await w.send(second, [two, one])).map(statusOf)).toEqual(['duplicate', 'duplicate']);
    });

    it('lists a second keying that differs as a mismatch with its differences, and refuses a third keying while it is open', async () => {
      const one = w.entry(batch, serial, { unreadable: ['comment'] });
      const two = w.entry(batch, serial, { answers: { ...ANSWERS, overall: 5, comment: 'Too hot' } });
      await w.send(first, [one]);
      const [result] = await w.send(second, [two]);
      expect(result).toMatchObject({ entryId: two.entryId, status: 'mismatch', responseId: await paperResponseId(w.A, 'mini', serial) });
      expect(await responseRow(serial)).toBeUndefined();
      const listed = (await mismatches(manager)).find((m) => m.serial === serial)!;
      expect(listed).toEqual({
        id: (result as { mismatchId: string }).mismatchId, facilityId: w.A, surveyId: 'mini', surveyVersion: 1, serial, serialText: expect.stringMatching(/^\d{6}-\d$/),
        first: { language: 'en', filledOn: VISIT_DAY, answers: ANSWERS, unreadable: ['comment'] },
        second: { language: 'en', filledOn: VISIT_DAY, answers: { ...ANSWERS, overall: 5, comment: 'Too hot' }, unreadable: [] },
        differences: ['overall', 'comment'], createdAt: expect.any(String),
      });
      const third = await w.member('inspector', [w.A]);
      expect(statusOf((await w.send(third, [w.entry(batch, serial)]))[0]!)).toBe('rejected mismatch_open');
      // Retries of the two keyings stay duplicates.
      expect((await w.send(first, [one])).map(statusOf)).toEqual(['duplicate']);
      expect((await w.send(second, [two])).map(statusOf)).toEqual(['duplicate']);
    });

    it('resolves a mismatch into the final response (checked by the resolver), listed no more; a second resolution is 409', async () => {
      await w.send(first, [w.entry(batch, serial)]);
      const [result] = await w.send(second, [w.entry(batch, serial, { answers: { ...ANSWERS, overall: 1 } })]);
      const mismatchId = (result as { mismatchId: string }).mismatchId;
      // Blind until both are in, then visible to whoever resolves, a keyer included.
      expect((await mismatches(first, `?facility=${w.A}`)).map((m) => m.id)).toContain(mismatchId);
      const resolve = (who: Member, body: unknown) => call(w.app, who.session, 'POST', `/paper/mismatches/${mismatchId}/resolve`, { body });
      const bad = await resolve(manager, { language: 'en', filledOn: VISIT_DAY, answers: { overall: 9 }, unreadable: [] });
      expect(`${bad.status} ${await errorCode(bad)}`).toBe('400 answers_invalid');
      const outsider = await resolve(inspectorB, { language: 'en', filledOn: VISIT_DAY, answers: ANSWERS, unreadable: [] });
      expect(`${outsider.status} ${await errorCode(outsider)}`).toBe('404 unknown_mismatch');
      const finalAnswers = { ...ANSWERS, overall: 2 };
      const done = await resolve(manager, { language: 'en', filledOn: VISIT_DAY, answers: finalAnswers, unreadable: [] });
      expect(done.status).toBe(200);
      expect(await done.json()).toEqual({ responseId: await paperResponseId(w.A, 'mini', serial), status: 'accepted' });
      expect(JSON.parse((await responseRow(serial))!.answers)).toEqual(finalAnswers);
      expect(await sheetRow(serial)).toMatchObject({ entered_by: first.id, checked_by: manager.id });
      expect((await mismatches(manager)).map((m) => m.id)).not.toContain(mismatchId);
      expect(await w.db.selectFrom('paper_entries').select('id').where('serial', '=', serial).execute()).toEqual([]);
      const mismatchRow = await w.db.selectFrom('paper_mismatches').selectAll().where('id', '=', mismatchId).executeTakeFirstOrThrow();
      expect(mismatchRow.resolved_by).toBe(manager.id);
      const twice = await resolve(first, { language: 'en', filledOn: VISIT_DAY, answers: finalAnswers, unreadable: [] });
      expect(`${twice.status} ${await errorCode(twice)}`).toBe('409 already_resolved');
      const unknown = await call(w.app, manager.session, 'POST', '/paper/mismatches/no-such-id/resolve', { body: { language: 'en', filledOn: VISIT_DAY, answers: {}, unreadable: [] } });
      expect(`${unknown.status} ${await errorCode(unknown)}`).toBe('404 unknown_mismatch');
      // The keyings of a resolved sheet, sent again, are duplicates; a new keying with other answers is serial_used.
      expect(statusOf((await w.send(first, [w.entry(batch, serial, { answers: { overall: 3 } })]))[0]!)).toBe('rejected serial_used');
    });

    it('lists mismatches of the caller\'s facilities only', async () => {
      await w.send(first, [w.entry(batch, serial)]);
      await w.send(second, [w.entry(batch, serial, { answers: { overall: 1 } })]);
      expect((await mismatches(inspectorB)).length).toBe(0);
      const ofA = await call(w.app, inspectorB.session, 'GET', `/paper/mismatches?facility=${w.A}`);
      expect(`${ofA.status} ${await errorCode(ofA)}`).toBe('404 unknown_facility');
      expect((await mismatches(w.admin)).some((m) => m.serial === serial)).toBe(true);
    });

    it('keys at once again when double entry is switched off, and still waits for a mismatch to be resolved', async () => {
      await w.send(first, [w.entry(batch, serial)]);
      await w.send(second, [w.entry(batch, serial, { answers: { overall: 1 } })]);
      await w.setDoubleEntry(false);
      try {
        const [waiting, fresh] = await w.send(first, [w.entry(batch, serial), w.entry(batch, serial + 1)]);
        expect(statusOf(waiting!)).toBe('rejected mismatch_open');
        expect(statusOf(fresh!)).toBe('accepted');
        expect(await sheetRow(serial + 1)).toMatchObject({ entered_by: first.id, checked_by: null });
      } finally {
        await w.setDoubleEntry(true);
        serial += 1;
      }
    });

    it('decides two second keyings sent at the same moment once: one makes the sheet final, the other is a duplicate', async () => {
      await w.send(first, [w.entry(batch, serial)]);
      const third = await w.member('inspector', [w.A]);
      const results = await Promise.all([w.send(second, [w.entry(batch, serial)]), w.send(third, [w.entry(batch, serial)])]);
      expect(results.map((r) => statusOf(r[0]!)).sort()).toEqual(['accepted', 'duplicate']);
      expect(await w.db.selectFrom('paper_entries').select('id').where('serial', '=', serial).execute()).toEqual([]);
    });
  });
}
