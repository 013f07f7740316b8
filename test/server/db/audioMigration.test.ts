import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type DatabaseHandle } from '../../../src/server/db/createDatabase.ts';
import { MIGRATIONS, migrateToLatest } from '../../../src/server/db/migrate.ts';

describe('migration 0005 (audio) on sqlite', () => {
  let database: DatabaseHandle;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sayso-0005-'));
    database = createDatabase({ sqlitePath: join(dir, 'test.db') });
    const before = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < '0005'));
    const { error } = await new Migrator({ db: database.db, provider: { getMigrations: async () => before } }).migrateToLatest();
    if (error) throw error;
  });
  afterAll(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives existing organisations 90 days of spoken retention and existing facilities every language, and stores audio bytes exactly', async () => {
    const db = database.db as unknown as import('kysely').Kysely<any>;
    await db.insertInto('organisations').values({ id: 'o1', name: 'Org', retention_days: null, created_at: '2026-01-01T00:00:00.000Z' }).execute();
    await db.insertInto('facilities').values({ id: 'f1', organisation_id: 'o1', name: 'C', time_zone: 'Europe/Brussels', created_at: '2026-01-01T00:00:00.000Z' }).execute();
    // Later migrations run too; 0005 is the first of them.
    expect((await migrateToLatest(database.db))[0]).toBe('0005-audio');
    expect(await database.db.selectFrom('organisations').select('spoken_retention_days').executeTakeFirstOrThrow()).toEqual({ spoken_retention_days: 90 });
    expect(await database.db.selectFrom('facilities').select('languages').executeTakeFirstOrThrow()).toEqual({ languages: null });
    const audio = Buffer.from([0, 255, 1, 254, 0, 0, 128]);
    await database.db.insertInto('media_clips').values({
      id: 'c1', organisation_id: 'o1', prompt_key: 'k', language: 'en', mime: 'audio/wav', audio, byte_length: audio.length, sha256: 'x', text_hash: '0123456789abcd',
      duration_ms: 1, client_clip_id: 'u1', recorded_by_kind: 'staff', recorded_by: 's1', created_at: '2026-01-01T00:00:00.000Z', replaced_at: null,
    }).execute();
    const row = await database.db.selectFrom('media_clips').select('audio').executeTakeFirstOrThrow();
    expect(Buffer.from(row.audio).equals(audio)).toBe(true);
    await expect(database.db.insertInto('media_clips').values({
      id: 'c2', organisation_id: 'o1', prompt_key: 'k', language: 'en', mime: 'audio/wav', audio, byte_length: audio.length, sha256: 'x', text_hash: '0123456789abcd',
      duration_ms: 1, client_clip_id: 'u1', recorded_by_kind: 'staff', recorded_by: 's1', created_at: '2026-01-01T00:00:00.000Z', replaced_at: null,
    }).execute()).rejects.toThrow();
  });
});
