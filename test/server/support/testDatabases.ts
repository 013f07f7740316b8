import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { createDatabase, type DatabaseHandle } from '../../../src/server/db/createDatabase.ts';
import { migrateToLatest } from '../../../src/server/db/migrate.ts';

export interface TestDatabaseKind {
  name: 'sqlite' | 'postgres';
  /** A fresh, migrated database, and how to throw it away. */
  open: () => Promise<{ handle: DatabaseHandle; dispose: () => Promise<void> }>;
}

let counter = 0;

/** SQLite always; PostgreSQL too when the run started a throwaway cluster (postgresGlobalSetup.ts). */
export function testDatabaseKinds(): TestDatabaseKind[] {
  const kinds: TestDatabaseKind[] = [
    {
      name: 'sqlite',
      open: async () => {
        const dir = mkdtempSync(join(tmpdir(), 'sayso-db-'));
        const handle = createDatabase({ sqlitePath: join(dir, 'test.db') });
        await migrateToLatest(handle.db);
        return { handle, dispose: async () => { await handle.close(); rmSync(dir, { recursive: true, force: true }); } };
      },
    },
  ];
  const url = inject('postgresUrl');
  if (url) {
    kinds.push({
      name: 'postgres',
      open: async () => {
        const name = `sayso_${process.pid}_${Date.now()}_${counter++}`;
        const admin = new pg.Client({ connectionString: url });
        await admin.connect();
        await admin.query(`CREATE DATABASE ${name}`);
        await admin.end();
        const dbUrl = new URL(url);
        dbUrl.pathname = `/${name}`;
        const handle = createDatabase({ databaseUrl: dbUrl.toString() });
        await migrateToLatest(handle.db);
        return { handle, dispose: () => handle.close() };
      },
    });
  }
  return kinds;
}
