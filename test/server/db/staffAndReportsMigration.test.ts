import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/server/db/createDatabase.ts';
import { testDatabaseKinds } from '../support/testDatabases.ts';

for (const kind of testDatabaseKinds()) {
  describe(`migration 0004 on ${kind.name}`, () => {
    let database: DatabaseHandle;
    let dispose: () => Promise<void>;
    beforeAll(async () => ({ handle: database, dispose } = await kind.open()));
    afterAll(() => dispose?.());

    it('indexes report cells by quarter with the answer and the count, so a quarter across facilities is read from the index alone', async () => {
      const columns = kind.name === 'sqlite'
        ? (await sql<{ name: string }>`SELECT name FROM pragma_index_info('report_cells_by_period') ORDER BY seqno`.execute(database.db)).rows.map((r) => r.name)
        : /\(([^)]*)\)/.exec((await sql<{ indexdef: string }>`SELECT indexdef FROM pg_indexes WHERE indexname = 'report_cells_by_period'`.execute(database.db)).rows[0]!.indexdef)![1]!.split(', ');
      expect(columns).toEqual(['survey_id', 'period', 'dimension', 'dimension_value', 'question_id', 'answer_value', 'facility_id', 'count']);
    });
  });
}
