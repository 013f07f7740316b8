import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';

// null: PostgreSQL is not installed; undefined: the vitest config lacks postgresGlobalSetup.ts.
const postgresUrl = inject('postgresUrl') as string | null | undefined;

describe('the throwaway PostgreSQL test cluster', () => {
  if (!postgresUrl) {
    const why =
      postgresUrl === null
        ? 'PostgreSQL is not installed (apt-get install postgresql, or set PG_BIN to the directory holding initdb)'
        : 'the vitest config has no globalSetup test/server/support/postgresGlobalSetup.ts';
    it.skip(`skipped: ${why}`, () => {});
    return;
  }

  it('stores and reads a row, with durability off for speed', async () => {
    const url = new URL(postgresUrl);
    expect(url.hostname).toBe('127.0.0.1');
    expect(url.pathname).toBe('/sayso_test');

    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    const table = `smoke_${process.pid}_${Date.now()}`;
    try {
      await client.query(`CREATE TABLE ${table} (id serial PRIMARY KEY, label text NOT NULL)`);
      await client.query(`INSERT INTO ${table} (label) VALUES ($1)`, ['hello, ሰላም']);
      const { rows } = await client.query(`SELECT id, label FROM ${table}`);
      expect(rows).toEqual([{ id: 1, label: 'hello, ሰላም' }]);

      const fsync = await client.query('SHOW fsync');
      expect(fsync.rows[0].fsync).toBe('off');
      const db = await client.query('SELECT current_database() AS name');
      expect(db.rows[0].name).toBe('sayso_test');
    } finally {
      await client.query(`DROP TABLE IF EXISTS ${table}`).catch(() => {});
      await client.end();
    }
  });
});
