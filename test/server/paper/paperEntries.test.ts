import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { formatSerial } from '../../../src/survey/paper/paperSerial.ts';
import { paperResponseId } from '../../../src/survey/paper/paperResponseId.ts';
import { encodeSheetCode, decodeSheetCode } from '../../../src/survey/paper/paperQr.ts';
import { call, errorCode } from '../auth/staffClient.ts';
import { testDatabaseKinds } from '../support/testDatabases.ts';
import { ANSWERS, paperWorld, VISIT_DAY, type Batch, type Member, type PaperWorld } from './support/paperWorld.ts';

for (const kind of testDatabaseKinds()) {
  describe(`keyed paper entries (single entry) on ${kind.name}`, () => {
    let dispose: () => Promise<void>;
    let w: PaperWorld;
    let inspector: Member;
    let batch: Batch;
    let voiceBatch: Batch;
    let batchB: Batch;
    beforeAll(async () => {
      const opened = await kind.open();
      dispose = opened.dispose;
      w = await paperWorld(opened.handle.db);
      inspector = await w.member('inspector', [w.A]);
      batch = await w.printBatch(inspector, { count: 50 });
      voiceBatch = await w.printBatch(inspector, { surveyId: 'voice', count: 5 });
      batchB = await w.printBatch(w.admin, { facilityId: w.B, count: 5 });
    });
    afterAll(() => dispose?.());
    let serial = 0;
    beforeEach(() => { serial += 1; });

    it('turns an entry into a response: id from facility, survey and serial, source paper, counted on the visit day', async () => {
      const entry = w.entry(batch, serial, { unreadable: ['comment'] });
      const [result] = await w.send(inspector, [entry]);
      const responseId = await paperResponseId(w.A, 'mini', serial);
      expect(result).toEqual({ entryId: entry.entryId, status: 'accepted', responseId });
      const row = await w.db.selectFrom('responses').selectAll().where('id', '=', responseId).executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        facility_id: w.A, survey_id: 'mini', survey_version: 1, language: 'en', status: 'complete', source: 'paper', mode: 'self', enrollment_id: null,
        started_at: `${VISIT_DAY}T12:00:00.000Z`, completed_at: `${VISIT_DAY}T12:00:00.000Z`, reported_at: `${VISIT_DAY}T12:00:00.000Z`, assistance: null,
      });
      expect(Number(row.clock_flagged)).toBe(0);
      expect(JSON.parse(row.answers)).toEqual(ANSWERS);
      expect(JSON.parse(row.meta!)).toEqual({ paper: { serial, via: 'keyed', keyedAt: entry.keyedAt } });
      expect(row.content_hash).toMatch(/^[0-9a-f]{64}$/);
      const sheet = await w.db.selectFrom('paper_sheets').selectAll().where('response_id', '=', responseId).executeTakeFirstOrThrow();
      expect(sheet).toMatchObject({ facility_id: w.A, survey_id: 'mini', via: 'keyed', entered_by: inspector.id, checked_by: null, import_id: null });
      expect(Number(sheet.serial)).toBe(serial);
      expect(JSON.parse(sheet.unreadable)).toEqual(['comment']);
      // Counted like a tablet's response, on the visit day, under source "paper".
      const day = await w.db.selectFrom('rollup_counts').select(['question_id', 'answer_value', 'count'])
        .where('facility_id', '=', w.A).where('period_day', '=', VISIT_DAY).where('question_id', '=', '_response.status').execute();
      expect(day.map((d) => [d.answer_value, Number(d.count)])).toEqual([['complete', 1]]);
      const bySource = await w.db.selectFrom('report_cells').select(['dimension_value', 'count'])
        .where('facility_id', '=', w.A).where('period', '=', '2026-Q4').where('dimension', '=', 'source').where('question_id', '=', 'room.satisfied').execute();
      expect(bySource.map((c) => [c.dimension_value, Number(c.count)])).toEqual([['paper', 1]]);
    });

    it('answers a retry, or the same sheet keyed again with the same answers, as duplicate, and counts it once', async () => {
      const entry = w.entry(batch, serial);
      const again = w.entry(batch, serial);
      const results = await w.send(inspector, [entry, entry]);
      expect(results.map((r) => r.status)).toEqual(['accepted', 'duplicate']);
      expect((await w.send(inspector, [entry]))[0]!.status).toBe('duplicate');
      const other = await w.member('manager', [w.A]);
      expect((await w.send(other, [again]))[0]!.status).toBe('duplicate');
      const responseId = await paperResponseId(w.A, 'mini', serial);
      expect((await w.db.selectFrom('responses').select('id').where('id', '=', responseId).execute()).length).toBe(1);
    });

    it('refuses the same serial with other answers as serial_used, and keeps the first answers', async () => {
      await w.send(inspector, [w.entry(batch, serial)]);
      const [result] = await w.send(inspector, [w.entry(batch, serial, { answers: { ...ANSWERS, overall: 1 } })]);
      expect(result).toMatchObject({ status: 'rejected', error: { code: 'serial_used' } });
      expect(result!.status === 'rejected' && result!.error.message).toMatch(/^sheet \d{6}-\d of this facility was already entered with other answers$/);
      const row = await w.db.selectFrom('responses').select('answers').where('id', '=', await paperResponseId(w.A, 'mini', serial)).executeTakeFirstOrThrow();
      expect(JSON.parse(row.answers).overall).toBe(4);
    });

    it('refuses a serial never printed, one of another facility (its QR), and a wrong survey, version or language, keeping the good entries of the request', async () => {
      const good = w.entry(batch, serial);
      const unprinted = w.entry(batch, 9999);
      // The sheet's QR says facility B: the inspector of A is not one of B's.
      const scanned = decodeSheetCode(encodeSheetCode({ surveyId: 'mini', surveyVersion: 1, language: 'en', facilityId: w.B, serial: batchB.firstSerial }))!;
      const ofB = w.entry(batchB, scanned.serial, { facilityId: scanned.facilityId });
      // Serial of B typed as one of A: A never printed it (B's serials start at 1 too, so take one A has not).
      const typedAsA = w.entry(batch, 5000);
      const wrongSurvey = w.entry(batch, voiceBatch.firstSerial);
      const wrongVersion = w.entry(batch, serial + 1, { surveyVersion: 2 });
      const wrongLanguage = w.entry(batch, serial + 1, { language: 'ar' });
      const results = await w.send(inspector, [unprinted, good, ofB, typedAsA, wrongSurvey, wrongVersion, wrongLanguage]);
      expect(results.map((r) => (r.status === 'rejected' ? r.error.code : r.status))).toEqual([
        'unknown_serial', 'accepted', 'unknown_facility', 'unknown_serial', 'wrong_survey', 'wrong_survey', 'wrong_language',
      ]);
      expect(results[0]).toMatchObject({ entryId: unprinted.entryId, error: { message: `${formatSerial(9999)} was never printed for this facility` } });
      expect(results[4]).toMatchObject({ error: { message: `${formatSerial(voiceBatch.firstSerial)} was printed for survey voice version 1, not mini version 1` } });
    });

    it('says which serial was never printed for this facility', async () => {
      const [result] = await w.send(inspector, [w.entry(batch, 123)]);
      expect(result).toEqual({ entryId: expect.any(String), status: 'rejected', error: { code: 'unknown_serial', message: '000123-4 was never printed for this facility' } });
    });

    it('lets an admin key for any facility of the organisation, never for another organisation\'s', async () => {
      const [ofB] = await w.send(w.admin, [w.entry(batchB, batchB.firstSerial)]);
      expect(ofB!.status).toBe('accepted');
      const [elsewhere] = await w.send(w.admin, [w.entry(batchB, batchB.firstSerial + 1, { facilityId: w.elsewhere })]);
      expect(elsewhere).toMatchObject({ status: 'rejected', error: { code: 'unknown_facility' } });
    });

    it('refuses answers that break the survey, a spoken comment answered on paper, and wrong unreadable marks; a blank required question is fine', async () => {
      const cases = [
        w.entry(batch, serial, { answers: { 'room.satisfied': 'maybe' } as never }),
        w.entry(batch, serial, { answers: { unknown: 1 } }),
        w.entry(voiceBatch, voiceBatch.firstSerial + 1, { answers: { 'room.satisfied': true, 'voice.comment': 'clip-1' } }),
        w.entry(batch, serial, { unreadable: ['nope'] }),
        w.entry(batch, serial, { unreadable: ['overall'] }),
        w.entry(voiceBatch, voiceBatch.firstSerial + 1, { answers: {}, unreadable: ['voice.comment'] }),
      ];
      const results = await w.send(inspector, cases);
      expect(results.map((r) => (r.status === 'rejected' ? r.error.code : r.status))).toEqual(Array(6).fill('answers_invalid'));
      const messages = results.map((r) => (r.status === 'rejected' ? r.error.message : ''));
      expect(messages[2]).toBe('voice.comment is a spoken comment, which paper cannot carry');
      expect(messages[4]).toBe('overall is both answered and unreadable');
      // room.satisfied and room.score are required on a tablet; on paper a blank is a blank.
      const [blank] = await w.send(inspector, [w.entry(batch, serial, { answers: { overall: 2 }, unreadable: ['room.satisfied'] })]);
      expect(blank!.status).toBe('accepted');
    });

    it('refuses a malformed entry or one with a visit day still to come, and refuses a request that is not a list of 1 to 200', async () => {
      const { entryId, ...noId } = w.entry(batch, serial);
      const results = await w.send(inspector, [noId, 'text', w.entry(batch, serial, { filledOn: '2999-01-01' }), { ...w.entry(batch, serial), extra: true }]);
      expect(results.map((r) => (r.status === 'rejected' ? r.error.code : r.status))).toEqual(['invalid_entry', 'invalid_entry', 'invalid_entry', 'invalid_entry']);
      expect(results.map((r) => r.entryId)).toEqual([null, null, expect.any(String), expect.any(String)]);
      expect(entryId).toBeTruthy();
      for (const body of [{ entries: [] }, { entries: Array(201).fill({}) }, { entry: [] }, []]) {
        const response = await call(w.app, inspector.session, 'POST', '/paper/entries', { body });
        expect(`${response.status} ${await errorCode(response)}`).toBe('400 invalid_request');
      }
      const huge = await call(w.app, inspector.session, 'POST', '/paper/entries', { body: { entries: [w.entry(batch, serial, { answers: { comment: 'x'.repeat(3 * 1024 * 1024) } })] } });
      expect(`${huge.status} ${await errorCode(huge)}`).toBe('413 body_too_large');
      const nul = await w.send(inspector, [w.entry(batch, serial, { answers: { comment: 'a\u0000b' } })]);
      expect(nul[0]).toMatchObject({ status: 'rejected', error: { code: 'invalid_entry' } });
    });
    it('answers hostile entries with a rejection each, never a server error', async () => {
      const base = w.entry(batch, serial);
      const hostile: unknown[] = [
        null, 42, [], { ...base, facilityId: 7 }, { ...base, facilityId: 'x'.repeat(500) }, { ...base, serial: 1e12 }, { ...base, serial: -1 },
        { ...base, surveyVersion: '1' }, { ...base, answers: { 'room.satisfied': [[true]] } },
        { ...base, unreadable: 'room.score' }, { ...base, language: "en'; drop table responses;--" }, { ...base, filledOn: '2026-02-30' },
        { ...base, entryId: 'not-a-uuid' },
      ];
      const results = await w.send(inspector, hostile);
      expect(results).toHaveLength(hostile.length);
      expect(results.map((r, i) => `${i} ${r.status}`)).toEqual(hostile.map((_, i) => `${i} rejected`));
      // Keys that could reach an object's prototype are dropped by the schema: the sheet is a blank one.
      const [polluting] = await w.send(inspector, [{ ...base, answers: JSON.parse('{"__proto__": {"polluted": true}, "constructor": "x"}') }]);
      expect(polluting!.status).toBe('accepted');
      expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
      const stored = await w.db.selectFrom('responses').select('answers').where('id', '=', await paperResponseId(w.A, 'mini', serial)).executeTakeFirstOrThrow();
      expect(stored.answers).toBe('{}');
      const wrongType = await w.app.request('/api/v1/paper/entries', {
        method: 'POST', body: JSON.stringify({ entries: [base] }),
        headers: { cookie: inspector.session.cookie, 'x-csrf-token': inspector.session.csrfToken, 'content-type': 'text/plain' },
      });
      expect(wrongType.status).toBe(415);
    });
  });
}
