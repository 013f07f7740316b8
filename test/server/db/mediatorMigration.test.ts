import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type DatabaseHandle } from '../../../src/server/db/createDatabase.ts';
import { MIGRATIONS, migrateToLatest } from '../../../src/server/db/migrate.ts';

describe('migration 0006 (mediator) on sqlite', () => {
  let database: DatabaseHandle;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sayso-0006-'));
    database = createDatabase({ sqlitePath: join(dir, 'test.db') });
    const before = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < '0006'));
    const { error } = await new Migrator({ db: database.db, provider: { getMigrations: async () => before } }).migrateToLatest();
    if (error) throw error;
  });
  afterAll(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps existing staff without a PIN or number, and keeps tablet numbers unique per organisation only', async () => {
    const db = database.db as unknown as Kysely<any>;
    for (const org of ['o1', 'o2']) await db.insertInto('organisations').values({ id: org, name: org, retention_days: null, created_at: '2026-01-01T00:00:00.000Z' }).execute();
    const staff = (id: string, org: string) => ({ id, organisation_id: org, email: `${id}@example.org`, password_hash: 'x', role: 'mediator', created_at: '2026-01-01T00:00:00.000Z', disabled_at: null });
    await db.insertInto('staff').values([staff('s1', 'o1'), staff('s2', 'o1'), staff('s3', 'o2')]).execute();
    expect(await migrateToLatest(database.db)).toContain('0006-mediator');
    expect(await database.db.selectFrom('staff').select(['tablet_number', 'tablet_ref', 'pin_verifier', 'pin_set_at']).where('id', '=', 's1').executeTakeFirstOrThrow())
      .toEqual({ tablet_number: null, tablet_ref: null, pin_verifier: null, pin_set_at: null });
    await database.db.updateTable('staff').set({ tablet_number: 1 }).where('id', 'in', ['s1', 's3']).execute();
    await expect(database.db.updateTable('staff').set({ tablet_number: 1 }).where('id', '=', 's2').execute()).rejects.toThrow(/UNIQUE/);
    for (const table of ['response_assistants', 'mediator_notes', 'withdrawal_counts'] as const) {
      expect(await database.db.selectFrom(table).selectAll().execute()).toEqual([]);
    }
  });
});
