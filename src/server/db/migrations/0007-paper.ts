import type { Kysely } from 'kysely';

/**
 * Paper forms: printed batches of numbered sheets (a serial counter per facility), the
 * sheets that became responses (serial, who keyed and who checked them, what could not
 * be read), keyings waiting for or compared in double entry, their mismatches, and
 * spreadsheet imports. The organisation chooses whether keyed sheets need double entry.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('organisations').addColumn('paper_double_entry', 'integer', (c) => c.notNull().defaultTo(0)).execute();

  await db.schema
    .createTable('paper_serial_counters')
    .addColumn('facility_id', 'text', (c) => c.primaryKey())
    .addColumn('next_serial', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('paper_batches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('facility_id', 'text', (c) => c.notNull())
    .addColumn('survey_id', 'text', (c) => c.notNull())
    .addColumn('survey_version', 'integer', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('first_serial', 'integer', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('paper_batches_facility').on('paper_batches').columns(['facility_id', 'first_serial']).execute();

  await db.schema
    .createTable('paper_sheets')
    .addColumn('response_id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('facility_id', 'text', (c) => c.notNull())
    .addColumn('survey_id', 'text', (c) => c.notNull())
    .addColumn('serial', 'integer', (c) => c.notNull())
    /** 'keyed' or 'import'. */
    .addColumn('via', 'text', (c) => c.notNull())
    .addColumn('entered_by', 'text', (c) => c.notNull())
    /** The second keyer (double entry) or the resolver of a mismatch. */
    .addColumn('checked_by', 'text')
    .addColumn('import_id', 'text')
    /** JSON list of question ids whose mark could not be read. */
    .addColumn('unreadable', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('paper_sheets_serial').unique().on('paper_sheets').columns(['facility_id', 'serial']).execute();

  await db.schema
    .createTable('paper_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('facility_id', 'text', (c) => c.notNull())
    .addColumn('survey_id', 'text', (c) => c.notNull())
    .addColumn('survey_version', 'integer', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('serial', 'integer', (c) => c.notNull())
    .addColumn('filled_on', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('unreadable', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('entered_by', 'text', (c) => c.notNull())
    .addColumn('keyed_at', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('paper_entries_sheet').on('paper_entries').columns(['facility_id', 'serial']).execute();

  await db.schema
    .createTable('paper_mismatches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('facility_id', 'text', (c) => c.notNull())
    .addColumn('survey_id', 'text', (c) => c.notNull())
    .addColumn('serial', 'integer', (c) => c.notNull())
    .addColumn('first_entry_id', 'text', (c) => c.notNull())
    .addColumn('second_entry_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_by', 'text')
    .execute();
  await db.schema.createIndex('paper_mismatches_open').on('paper_mismatches').columns(['facility_id', 'resolved_at']).execute();

  await db.schema
    .createTable('paper_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('facility_id', 'text', (c) => c.notNull())
    .addColumn('survey_id', 'text', (c) => c.notNull())
    .addColumn('survey_version', 'integer', (c) => c.notNull())
    .addColumn('staff_id', 'text')
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('imported', 'integer', (c) => c.notNull())
    .addColumn('duplicates', 'integer', (c) => c.notNull())
    .addColumn('rejected', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['paper_imports', 'paper_mismatches', 'paper_entries', 'paper_sheets', 'paper_batches', 'paper_serial_counters']) await db.schema.dropTable(table).execute();
  await db.schema.alterTable('organisations').dropColumn('paper_double_entry').execute();
}
