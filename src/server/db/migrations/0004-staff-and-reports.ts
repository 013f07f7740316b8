import { sql, type Kysely } from 'kysely';

/**
 * Staff sign-in (sessions, lockout), what reports need beside the counts (resident counts,
 * indicator targets, the organisation's small-cell threshold, comment tags), and the report
 * cells: counts per survey version, facility, quarter and breakdown dimension. The day-level
 * rollup keeps only response counts, which is all a custom date range shows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('staff').addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('staff').addColumn('locked_until', 'text').execute();
  await db.schema.alterTable('organisations').addColumn('min_cell_size', 'integer', (c) => c.notNull().defaultTo(5)).execute();

  await db.schema
    .createTable('staff_sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('staff_sessions_staff').on('staff_sessions').column('staff_id').execute();

  await db.schema
    .createTable('resident_counts')
    .addColumn('facility_id', 'text', (c) => c.notNull().references('facilities.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('residents', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addPrimaryKeyConstraint('resident_counts_pk', ['facility_id', 'period'])
    .execute();

  await db.schema
    .createTable('indicator_targets')
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('survey_id', 'text', (c) => c.notNull())
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('target_percent', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('indicator_targets_pk', ['organisation_id', 'survey_id', 'question_id'])
    .execute();

  await db.schema
    .createTable('comment_tags')
    .addColumn('comment_id', 'text', (c) => c.primaryKey())
    .addColumn('facility_id', 'text', (c) => c.notNull().references('facilities.id'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addColumn('tagged_by', 'text')
    .addColumn('tagged_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('report_cells')
    .addColumn('survey_id', 'text', (c) => c.notNull())
    .addColumn('facility_id', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('dimension', 'text', (c) => c.notNull())
    .addColumn('dimension_value', 'text', (c) => c.notNull())
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('answer_value', 'text', (c) => c.notNull())
    .addColumn('survey_version', 'integer', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_cells_pk', ['survey_id', 'facility_id', 'period', 'dimension', 'dimension_value', 'question_id', 'answer_value', 'survey_version'])
    .execute();
  // Every dashboard reads one quarter across the organisation's facilities (a facility's
  // figures are hidden when the organisation-wide table hides them): the index holds the
  // answer and the count, so those reads never touch the table, and '_n' cells are one range.
  await db.schema.createIndex('report_cells_by_period').on('report_cells')
    .columns(['survey_id', 'period', 'dimension', 'dimension_value', 'question_id', 'answer_value', 'facility_id', 'count']).execute();

  // Day-level cells now hold response counts only (custom date ranges show totals only);
  // per-question counts live in report_cells, rebuilt from the responses at start-up.
  await sql`DELETE FROM rollup_counts WHERE substr(question_id, 1, 10) <> '_response.'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['report_cells', 'comment_tags', 'indicator_targets', 'resident_counts', 'staff_sessions']) await db.schema.dropTable(table).execute();
  await db.schema.alterTable('organisations').dropColumn('min_cell_size').execute();
  await db.schema.alterTable('staff').dropColumn('locked_until').execute();
  await db.schema.alterTable('staff').dropColumn('failed_logins').execute();
}
