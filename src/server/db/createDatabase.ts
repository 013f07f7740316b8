import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import pg from 'pg';
import type { Database } from './schema.ts';

export type DatabaseKind = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** Where the data is, for messages (never a password). */
  describe: string;
  /** The SQLite connection, for its online backup. */
  sqlite?: BetterSqlite3.Database;
  close: () => Promise<void>;
}

/**
 * Opens the server's database: PostgreSQL when a `postgres://` URL is given, else a
 * SQLite file (created with its folder). Same Kysely code runs on both.
 */
export function createDatabase(options: { databaseUrl?: string | undefined; sqlitePath?: string }): DatabaseHandle {
  if (options.databaseUrl) {
    const url = new URL(options.databaseUrl);
    if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') throw new Error(`DATABASE_URL must be a postgres:// URL, not ${url.protocol}`);
    // Big integers (counts) come back as numbers: rollup counts stay far below 2^53.
    pg.types.setTypeParser(20, (value) => Number(value));
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', describe: `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`, close: () => db.destroy() };
  }
  const path = options.sqlitePath ?? 'data/sayso.db';
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new BetterSqlite3(path);
  // WAL: readers (reports) never block the writer (sync). FULL: a response is on disk
  // before the tablet is told so, because the tablet then deletes its copy.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, kind: 'sqlite', describe: `SQLite file ${path}`, sqlite, close: () => db.destroy() };
}
