import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Audio (docs/media-api.md): prompt clips recorded for an organisation, keyed by prompt key
 * and language outside any survey version; spoken comments, sealed on the tablet with their
 * response's content key and kept here sealed; each organisation's retention of their sound;
 * each facility's enabled languages; and the wrapped content key of a sealed response, which
 * the server needs to open that response's spoken comments later.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // BLOB on SQLite, bytea on PostgreSQL: Kysely's 'blob' type names the former only.
  const bytes = sql.raw(db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob');

  await db.schema
    .createTable('media_clips')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('prompt_key', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('audio', bytes, (c) => c.notNull())
    .addColumn('byte_length', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('text_hash', 'text', (c) => c.notNull())
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('client_clip_id', 'text', (c) => c.notNull())
    .addColumn('recorded_by_kind', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('replaced_at', 'text')
    .addUniqueConstraint('media_clips_client_clip', ['organisation_id', 'client_clip_id'])
    .execute();
  // The bundle lists the current clip per (key, language): replaced_at is null for it.
  await db.schema.createIndex('media_clips_current').on('media_clips').columns(['organisation_id', 'replaced_at', 'prompt_key', 'language']).execute();

  await db.schema
    .createTable('spoken_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // No foreign key: purge-expired deletes responses, and the purge of spoken sound then drops their rows.
    .addColumn('response_id', 'text', (c) => c.notNull())
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('facility_id', 'text', (c) => c.notNull().references('facilities.id'))
    .addColumn('survey_id', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('client_clip_id', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('iv', 'text', (c) => c.notNull())
    .addColumn('audio', bytes)
    .addColumn('byte_length', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('audio_deleted_at', 'text')
    .addColumn('transcript', 'text')
    .addColumn('transcribed_at', 'text')
    .addUniqueConstraint('spoken_comments_answer', ['response_id', 'question_id'])
    .execute();
  await db.schema.createIndex('spoken_comments_listing').on('spoken_comments').columns(['facility_id', 'survey_id', 'period']).execute();
  await db.schema.createIndex('spoken_comments_retention').on('spoken_comments').columns(['organisation_id', 'audio_deleted_at', 'received_at']).execute();

  await db.schema.alterTable('organisations').addColumn('spoken_retention_days', 'integer', (c) => c.notNull().defaultTo(90)).execute();
  await db.schema.alterTable('facilities').addColumn('languages', 'text').execute();
  await db.schema.alterTable('responses').addColumn('sealed_key', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('responses').dropColumn('sealed_key').execute();
  await db.schema.alterTable('facilities').dropColumn('languages').execute();
  await db.schema.alterTable('organisations').dropColumn('spoken_retention_days').execute();
  await db.schema.dropTable('spoken_comments').execute();
  await db.schema.dropTable('media_clips').execute();
}
