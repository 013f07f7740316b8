import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePaperChecker, paperContentHash, type CheckedSheet, type PaperContext } from '../../../src/server/paper/checkPaperSheet.ts';
import { storePaperSheets } from '../../../src/server/paper/storePaperSheets.ts';
import { paperResponseId } from '../../../src/survey/paper/paperResponseId.ts';
import { testDatabaseKinds } from '../support/testDatabases.ts';
import { ANSWERS, paperWorld, VISIT_DAY, type Batch, type PaperWorld } from './support/paperWorld.ts';

for (const kind of testDatabaseKinds()) {
  describe(`makePaperChecker and storePaperSheets (the import's way in) on ${kind.name}`, () => {
    let dispose: () => Promise<void>;
    let w: PaperWorld;
    let batch: Batch;
    let context: PaperContext;
    beforeAll(async () => {
      const opened = await kind.open();
      dispose = opened.dispose;
      w = await paperWorld(opened.handle.db);
      batch = await w.printBatch(w.admin, { count: 20 });
      context = { organisationId: w.organisationId, facility: { id: w.A, time_zone: 'Europe/Brussels' }, staffId: 'cli' };
    });
    afterAll(() => dispose?.());

    const checked = async (serial: number, answers: Record<string, unknown> = ANSWERS): Promise<CheckedSheet> => {
      const result = await (await makePaperChecker(w.db, context))(w.entry(batch, serial, { answers: answers as never }));
      if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
      return result.sheet;
    };

    it('checks an entry into a sheet: derived id, the contract\'s content hash, unreadable sorted', async () => {
      const check = await makePaperChecker(w.db, context);
      const result = await check(w.entry(batch, 1, { unreadable: ['overall', 'comment'], answers: { 'room.satisfied': true } }));
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.sheet.responseId).toBe(await paperResponseId(w.A, 'mini', 1));
      expect(result.sheet.entry.unreadable).toEqual(['comment', 'overall']);
      expect(result.sheet.survey).toMatchObject({ id: 'mini', version: 1 });
      expect(result.sheet.contentHash).toBe(paperContentHash({ surveyId: 'mini', surveyVersion: 1, language: 'en', answers: { 'room.satisfied': true }, unreadable: ['overall', 'comment'] }));
      expect(await check({ nonsense: true })).toMatchObject({ ok: false, code: 'invalid_entry' });
      expect(await check(w.entry(batch, 1, { facilityId: w.B }))).toMatchObject({ ok: false, code: 'unknown_facility' });
    });

    it('writes imported sheets in one go: accepted, duplicate and serial_used in order, marked as imported', async () => {
      const sheets = [await checked(2), await checked(3), await checked(2), await checked(3, { overall: 1 })];
      const stored = await storePaperSheets(w.db, { ...context, via: 'import', importId: 'import-1' }, sheets, new Date('2026-11-30T08:00:00Z'));
      expect(stored.map((s) => s.status)).toEqual(['accepted', 'accepted', 'duplicate', 'rejected']);
      expect(stored[3]).toMatchObject({ code: 'serial_used', message: expect.stringMatching(/^sheet 000003-\d of this facility was already entered with other answers$/) });
      const row = await w.db.selectFrom('responses').selectAll().where('id', '=', sheets[0]!.responseId).executeTakeFirstOrThrow();
      expect(JSON.parse(row.meta!)).toEqual({ paper: { serial: 2, via: 'import' } });
      expect(row).toMatchObject({ received_at: '2026-11-30T08:00:00.000Z', reported_at: `${VISIT_DAY}T12:00:00.000Z`, source: 'paper' });
      const sheet = await w.db.selectFrom('paper_sheets').selectAll().where('response_id', '=', sheets[0]!.responseId).executeTakeFirstOrThrow();
      expect(sheet).toMatchObject({ via: 'import', entered_by: 'cli', import_id: 'import-1', checked_by: null });
      // Importing the same file again: duplicates, nothing new.
      expect((await storePaperSheets(w.db, { ...context, via: 'import' }, [await checked(2)])).map((s) => s.status)).toEqual(['duplicate']);
    });

    it('writes nothing at all when one sheet of the call cannot be written', async () => {
      const good = await checked(5);
      // A forged sheet: another id for the same serial breaks paper_sheets' uniqueness after the good one is in.
      const forged = { ...(await checked(5)), responseId: await paperResponseId(w.A, 'mini', 999) };
      await expect(storePaperSheets(w.db, { ...context, via: 'import' }, [good, forged])).rejects.toThrow();
      expect(await w.db.selectFrom('responses').select('id').where('id', 'in', [good.responseId, forged.responseId]).execute()).toEqual([]);
      expect(await w.db.selectFrom('rollup_counts').select('count').where('facility_id', '=', w.A).where('question_id', '=', '_response.status').execute())
        .toEqual([expect.objectContaining({ count: 2 })]);
    });

    it('ends the pending double entry of a sheet it imports: keyings deleted, its mismatch closed', async () => {
      await w.setDoubleEntry(true);
      const [one, two] = [await w.member('inspector', [w.A]), await w.member('inspector', [w.A])];
      await w.send(one, [w.entry(batch, 7)]);
      await w.send(two, [w.entry(batch, 7, { answers: { overall: 1 } })]);
      await w.send(one, [w.entry(batch, 8)]);
      expect((await storePaperSheets(w.db, { ...context, via: 'import' }, [await checked(7), await checked(8)])).map((s) => s.status)).toEqual(['accepted', 'accepted']);
      expect(await w.db.selectFrom('paper_entries').select('id').where('serial', 'in', [7, 8]).execute()).toEqual([]);
      const mismatch = await w.db.selectFrom('paper_mismatches').selectAll().where('serial', '=', 7).executeTakeFirstOrThrow();
      expect(mismatch).toMatchObject({ resolved_by: 'cli' });
      expect(mismatch.resolved_at).not.toBeNull();
    });
  });
}
