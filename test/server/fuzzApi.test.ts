import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/server/db/createDatabase.ts';
import { createApp } from '../../src/server/createApp.ts';
import { runApiFuzz } from './support/runApiFuzz.ts';
import { testDatabaseKinds } from './support/testDatabases.ts';

const REQUESTS = Number(process.env.SAYSO_FUZZ_REQUESTS ?? 10_000);
const SEED = Number(process.env.SAYSO_FUZZ_SEED ?? Date.now() % 1_000_000);

for (const kind of testDatabaseKinds()) {
  describe(`fuzzing every API route on ${kind.name} (seed ${SEED}; replay with SAYSO_FUZZ_SEED=${SEED})`, () => {
    let database: DatabaseHandle;
    let dispose: () => Promise<void>;
    beforeAll(async () => ({ handle: database, dispose } = await kind.open()));
    afterAll(() => dispose?.());

    it(`answers ${REQUESTS} malformed or hostile requests with 4xx or item rejections, never crashes, and stores all the valid traffic`, async () => {
      const report = await runApiFuzz(database, SEED, REQUESTS);
      console.log(`fuzz on ${kind.name}, seed ${SEED}: by status ${JSON.stringify(report.byStatus)}; items ${JSON.stringify(report.items)}; valid sent ${report.validSent.length}`);
      expect(report.serverErrors).toBe(0);
      const stored = await database.db.selectFrom('responses').select(['id', 'facility_id']).execute();
      for (const id of report.validSent) expect(stored.some((r) => r.id === id)).toBe(true);
      // Nothing hostile got in: every stored response is valid traffic, filed under the enrollment's facility.
      expect(stored.map((r) => r.id).sort()).toEqual([...report.validSent].sort());
      expect(stored.every((r) => r.facility_id === report.facilityId)).toBe(true);
      expect((await createApp({ staticRoot: 'dist', db: database.db }).request('/api/v1/healthz')).status).toBe(200);
    }, 300_000);
  });
}
