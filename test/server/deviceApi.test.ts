import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createApp } from '../../src/server/createApp.ts';
import type { DatabaseHandle } from '../../src/server/db/createDatabase.ts';
import { createEnrollmentCode, revokeEnrollment } from '../../src/server/queries/enrollments.ts';
import { createFacility, createOrganisation } from '../../src/server/queries/organisations.ts';
import { publishSurveyVersion } from '../../src/server/queries/surveyVersions.ts';
import type { SurveyDefinition } from '../../src/survey/schema.ts';
import { signedResponse } from './support/signedResponse.ts';
import { testDatabaseKinds } from './support/testDatabases.ts';

const mini = JSON.parse(readFileSync('test/survey/fixtures/mini-survey.json', 'utf8'));
const goodAnswers = { 'room.satisfied': false, 'room.reasons': ['noise', 'cold'], 'room.score': 3, overall: 4, comment: 'Too loud at night' };

for (const kind of testDatabaseKinds()) {
  describe(`device API on ${kind.name}`, () => {
    let database: DatabaseHandle;
    let dispose: () => Promise<void>;
    let app: Hono;
    let organisationId: string;
    let facilityId: string;

    beforeAll(async () => {
      ({ handle: database, dispose } = await kind.open());
      app = createApp({ staticRoot: 'dist', db: database.db, device: { enrollPerMinute: 1000 } });
      organisationId = (await createOrganisation(database.db, { name: 'Fedasil test' })).id;
      facilityId = (await createFacility(database.db, { organisationId, name: 'Centre A', timeZone: 'Europe/Brussels' })).id;
      await publishSurveyVersion(database.db, { organisationId, definition: mini });
    });
    afterAll(() => dispose?.());

    const post = (path: string, body: unknown, token?: string, headers: Record<string, string> = {}) =>
      app.request(`/api/v1${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });

    async function enroll(facility = facilityId) {
      const { code } = await createEnrollmentCode(database.db, { facilityId: facility });
      const response = await post('/devices/enroll', { code, name: 'Common room tablet' });
      expect(response.status).toBe(201);
      return (await response.json()) as { enrollmentId: string; token: string; secret: string; facilityId: string };
    }

    const count = async (table: 'responses' | 'quarantine' | 'rollup_counts' | 'report_cells') =>
      Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    it('enrolls a tablet once per code, in any letter case, and refuses used, expired and unknown codes', async () => {
      const { code } = await createEnrollmentCode(database.db, { facilityId });
      const first = await post('/devices/enroll', { code: code.toLowerCase().replace('-', ' '), name: 'Tablet 1' });
      expect(first.status).toBe(201);
      expect(await first.json()).toMatchObject({ facilityId, token: expect.any(String), secret: expect.any(String) });
      const again = await post('/devices/enroll', { code, name: 'Tablet 2' });
      expect([again.status, (await again.json()).error.code]).toEqual([410, 'used_code']);
      const { code: stale } = await createEnrollmentCode(database.db, { facilityId, validMinutes: 1 }, new Date(Date.now() - 120_000));
      expect((await (await post('/devices/enroll', { code: stale, name: 'T' })).json()).error.code).toBe('expired_code');
      expect((await post('/devices/enroll', { code: 'ZZZZ-ZZZZ', name: 'T' })).status).toBe(404);
      expect((await post('/devices/enroll', { code: 'ZZZZ-ZZZZ' })).status).toBe(400);
    });

    it('gives an enrolled tablet its bundle with an ETag, and 304 when nothing changed', async () => {
      const device = await enroll();
      const response = await app.request('/api/v1/device/bundle', { headers: { authorization: `Bearer ${device.token}` } });
      expect(response.status).toBe(200);
      const bundle = await response.json();
      expect(bundle.facility).toMatchObject({ id: facilityId, timeZone: 'Europe/Brussels' });
      expect(bundle.surveys.map((s: SurveyDefinition) => [s.id, s.version])).toEqual([['mini', 1]]);
      const etag = response.headers.get('etag')!;
      const again = await app.request('/api/v1/device/bundle', { headers: { authorization: `Bearer ${device.token}`, 'if-none-match': etag } });
      expect(again.status).toBe(304);
    });

    it('accepts good responses with their rollups, taking the facility from the enrollment, not the client', async () => {
      const device = await enroll();
      const before = await count('responses');
      const response = await signedResponse(device, { surveyId: 'mini', surveyVersion: 1, answers: goodAnswers, facilityId: 'somewhere-else' });
      const result = await post('/sync', { responses: [response] }, device.token);
      expect(result.status).toBe(200);
      expect(await result.json()).toEqual({ results: [{ id: response.id, status: 'accepted' }] });
      expect(await count('responses')).toBe(before + 1);
      const stored = await database.db.selectFrom('responses').selectAll().where('id', '=', response.id).executeTakeFirstOrThrow();
      expect(stored).toMatchObject({ facility_id: facilityId, enrollment_id: device.enrollmentId, status: 'complete', clock_flagged: 0 });
      expect(JSON.parse(stored.answers)).toEqual(goodAnswers);
      const cells = await database.db.selectFrom('report_cells').select(['question_id', 'answer_value', 'count']).where('dimension', '=', '').where('question_id', 'in', ['room.reasons', 'comment']).execute();
      expect(cells).toEqual(expect.arrayContaining([
        { question_id: 'room.reasons', answer_value: 'noise', count: expect.any(Number) },
        { question_id: 'comment', answer_value: '_answered', count: expect.any(Number) },
      ]));
      expect(JSON.stringify(cells)).not.toContain('Too loud');
      // The day-level rollup counts responses only.
      const dayCells = await database.db.selectFrom('rollup_counts').select('question_id').distinct().execute();
      expect(dayCells.map((c) => c.question_id).sort()).toEqual(['_response.language', '_response.mode', '_response.status']);
    });

    it('changes nothing when the same batch is sent twice', async () => {
      const device = await enroll();
      const batch = { responses: await Promise.all([1, 2, 3].map(() => signedResponse(device, { surveyId: 'mini', surveyVersion: 1, answers: goodAnswers }))) };
      expect((await (await post('/sync', batch, device.token)).json()).results.map((r: { status: string }) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
      const counts = [await count('responses'), await count('rollup_counts'), await count('report_cells')];
      const sums = async () => Promise.all((['rollup_counts', 'report_cells'] as const).map((table) =>
        database.db.selectFrom(table).select((eb) => eb.fn.sum<number>('count').as('total')).executeTakeFirstOrThrow()));
      const before = await sums();
      const again = await (await post('/sync', batch, device.token)).json();
      expect(again.results.map((r: { status: string }) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
      expect([await count('responses'), await count('rollup_counts'), await count('report_cells')]).toEqual(counts);
      expect(await sums()).toEqual(before);
    });

    it('rejects a response whose answers break the definition, and keeps the rest of the batch', async () => {
      const device = await enroll();
      const good = await signedResponse(device, { surveyId: 'mini', surveyVersion: 1, answers: goodAnswers });
      const broken = await signedResponse(device, { surveyId: 'mini', surveyVersion: 1, answers: { 'room.satisfied': 'maybe' } });
      const unknownVersion = await signedResponse(device, { surveyId: 'mini', surveyVersion: 9, answers: goodAnswers });
      const quarantinedBefore = await count('quarantine');
      const { results } = await (await post('/sync', { responses: [broken, good, unknownVersion] }, device.token)).json();
      expect(results[0]).toMatchObject({ id: broken.id, status: 'rejected', error: { code: 'answers_invalid', message: expect.stringContaining('room.satisfied must be true or false') } });
      expect(results[1]).toEqual({ id: good.id, status: 'accepted' });
      expect(results[2]).toMatchObject({ status: 'rejected', error: { code: 'unknown_survey_version' } });
      expect(await count('quarantine')).toBe(quarantinedBefore + 2);
    });

    it('rejects the same id with different content, and a response whose MAC does not match', async () => {
      const device = await enroll();
      const original = await signedResponse(device, { surveyId: 'mini', surveyVersion: 1, answers: goodAnswers });
      await post('/sync', { responses: [original] }, device.token);
      const changed = await signedResponse(device, { surveyId: 'mini', surveyVersion: 1, answers: { ...goodAnswers, overall: 5 }, id: original.id });
      const forged = { ...(await signedResponse(device, { surveyId: 'mini', surveyVersion: 1, answers: goodAnswers })), answers: { ...goodAnswers, overall: 1 } };
      const { results } = await (await post('/sync', { responses: [changed, forged] }, device.token)).json();
      expect(results.map((r: { error?: { code: string } }) => r.error?.code)).toEqual(['conflicting_duplicate', 'bad_mac']);
      const kept = await database.db.selectFrom('responses').select('answers').where('id', '=', original.id).executeTakeFirstOrThrow();
      expect(JSON.parse(kept.answers).overall).toBe(4);
    });

    it('keeps a response from a far-off device clock, flagged and reported at the received time', async () => {
      const device = await enroll();
      const response = await signedResponse(device, {
        surveyId: 'mini', surveyVersion: 1, answers: goodAnswers,
        startedAt: '2019-01-01T10:00:00.000Z', completedAt: '2019-01-01T10:05:00.000Z', meta: { deviceClock: '2019-01-01T10:06:00.000Z' },
      });
      expect((await (await post('/sync', { responses: [response] }, device.token)).json()).results[0].status).toBe('accepted');
      const stored = await database.db.selectFrom('responses').selectAll().where('id', '=', response.id).executeTakeFirstOrThrow();
      expect(stored.clock_flagged).toBe(1);
      expect(stored.reported_at).toBe(stored.received_at);
    });

    it('keeps a response in the facility of the enrollment that recorded it, after the tablet is re-enrolled elsewhere', async () => {
      const old = await enroll();
      const late = await signedResponse(old, { surveyId: 'mini', surveyVersion: 1, answers: goodAnswers });
      await revokeEnrollment(database.db, old.enrollmentId);
      const otherFacility = (await createFacility(database.db, { organisationId, name: 'Centre B', timeZone: 'Europe/Brussels' })).id;
      const renewed = await enroll(otherFacility);
      expect((await (await post('/sync', { responses: [late] }, renewed.token)).json()).results[0].status).toBe('accepted');
      expect((await database.db.selectFrom('responses').select('facility_id').where('id', '=', late.id).executeTakeFirstOrThrow()).facility_id).toBe(facilityId);
    });

    it('answers bad requests with a 4xx naming the problem, and writes nothing', async () => {
      const device = await enroll();
      const before = [await count('responses'), await count('quarantine')];
      const good = await signedResponse(device, { surveyId: 'mini', surveyVersion: 1, answers: goodAnswers });
      const cases: Array<[Response, number, string]> = [
        [await post('/sync', '{"responses": [', device.token), 400, 'malformed_json'],
        [await post('/sync', { responses: [good] }, device.token, { 'content-type': 'text/plain' }), 415, 'unsupported_media_type'],
        [await post('/sync', { responses: [good], extra: 1 }, device.token), 400, 'invalid_request'],
        [await post('/sync', { responses: [] }, device.token), 400, 'invalid_request'],
        [await post('/sync', { responses: [good] }), 401, 'missing_token'],
        [await post('/sync', { responses: [good] }, 'not-a-real-token-but-long-enough'), 401, 'invalid_token'],
        [await post('/sync', { responses: [good], padding: 'x'.repeat(1_100_000) }, device.token), 413, 'body_too_large'],
      ];
      for (const [response, status, code] of cases) {
        expect(response.status, code).toBe(status);
        expect((await response.json()).error.code).toBe(code);
      }
      expect([await count('responses'), await count('quarantine')]).toEqual(before);
    });

    it('quarantines an item whose id and survey carry NUL and broken Unicode instead of failing the batch', async () => {
      const device = await enroll();
      const good = await signedResponse(device, { surveyId: 'mini', surveyVersion: 1, answers: goodAnswers });
      const hostile = { ...good, id: 'x\u0000\uD800', surveyId: 'mini\u0000' };
      const response = await post('/sync', { responses: [hostile, await signedResponse(device, { surveyId: 'mini', surveyVersion: 1, answers: goodAnswers })] }, device.token);
      expect(response.status).toBe(200);
      expect((await response.json()).results.map((r: { status: string }) => r.status)).toEqual(['rejected', 'accepted']);
    });

    it('refuses a revoked tablet with 401', async () => {
      const device = await enroll();
      await revokeEnrollment(database.db, device.enrollmentId);
      const response = await app.request('/api/v1/device/bundle', { headers: { authorization: `Bearer ${device.token}` } });
      expect([response.status, (await response.json()).error.code]).toEqual([401, 'revoked']);
    });
  });
}
