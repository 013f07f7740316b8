import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/server/db/createDatabase.ts';
import { bearer } from '../media/support/audioFixture.ts';
import { mediationWorld, type MediationWorld } from '../mediation/support/mediationWorld.ts';
import { testDatabaseKinds } from '../support/testDatabases.ts';

for (const kind of testDatabaseKinds()) {
  describe(`withdrawal counts from tablets on ${kind.name}`, () => {
    let database: DatabaseHandle;
    let dispose: () => Promise<void>;
    let world: MediationWorld;

    beforeAll(async () => {
      ({ handle: database, dispose } = await kind.open());
      world = await mediationWorld(database.db);
    }, 60_000);
    afterAll(() => dispose?.());

    const put = (device: { token: string } | null, body: unknown) => world.app.request('/api/v1/device/withdrawals', {
      method: 'PUT', headers: { 'content-type': 'application/json', ...(device ? bearer(device) : {}) }, body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const rows = () => database.db.selectFrom('withdrawal_counts').select(['enrollment_id', 'facility_id', 'survey_id', 'period', 'count']).orderBy('enrollment_id').orderBy('survey_id').orderBy('period').execute();

    it('keeps each tablet\'s highest total per survey and quarter: a resend changes nothing, an older total arriving late neither', async () => {
      const counts = { counts: [{ surveyId: 'mini', period: '2026-Q4', count: 2 }, { surveyId: 'mini-children', period: '2026-Q4', count: 1 }] };
      for (let i = 0; i < 2; i++) {
        const response = await put(world.deviceA, counts);
        expect([response.status, await response.json()]).toEqual([200, { ok: true }]);
      }
      expect((await put(world.deviceB, { counts: [{ surveyId: 'mini', period: '2026-Q4', count: 5 }] })).status).toBe(200);
      expect((await put(world.deviceA, { counts: [{ surveyId: 'mini', period: '2026-Q4', count: 1 }, { surveyId: 'mini', period: '2026-Q3', count: 4 }] })).status).toBe(200);
      expect((await put(world.deviceA, { counts: [{ surveyId: 'mini', period: '2026-Q4', count: 3 }, { surveyId: 'mini', period: '2026-Q4', count: 2 }] })).status).toBe(200);
      const expected = [
        { enrollment_id: world.deviceA.enrollmentId, facility_id: world.A, survey_id: 'mini', period: '2026-Q3', count: 4 },
        { enrollment_id: world.deviceA.enrollmentId, facility_id: world.A, survey_id: 'mini', period: '2026-Q4', count: 3 },
        { enrollment_id: world.deviceA.enrollmentId, facility_id: world.A, survey_id: 'mini-children', period: '2026-Q4', count: 1 },
        { enrollment_id: world.deviceB.enrollmentId, facility_id: world.B, survey_id: 'mini', period: '2026-Q4', count: 5 },
      ].sort((a, b) => (a.enrollment_id < b.enrollment_id ? -1 : a.enrollment_id > b.enrollment_id ? 1 : 0));
      expect((await rows()).map((r) => ({ ...r, count: Number(r.count) }))).toEqual(expected);
      expect((await put(world.deviceA, { counts: [] })).status).toBe(200);
      expect((await rows()).length).toBe(4);
    });

    it('refuses what is not a list of totals with 400 invalid_request, and a call without a tablet\'s token with 401', async () => {
      for (const body of [{}, { counts: [{ surveyId: 'mini', period: '2026-13', count: 1 }] }, { counts: [{ surveyId: 'mini', period: '2026-Q4', count: -1 }] },
        { counts: [{ surveyId: 'mini', period: '2026-Q4', count: 1, answers: {} }] }, { counts: [{ surveyId: 'mi\u0000ni', period: '2026-Q4', count: 1 }] }]) {
        const response = await put(world.deviceA, body);
        expect([response.status, (await response.json()).error.code], JSON.stringify(body)).toEqual([400, 'invalid_request']);
      }
      const malformed = await put(world.deviceA, '{"counts": [');
      expect(malformed.status).toBe(400);
      expect((await malformed.json()).error.code).toEqual(expect.any(String));
      expect((await put(null, { counts: [] })).status).toBe(401);
    });
  });
}
