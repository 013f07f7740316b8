import type { Kysely } from 'kysely';

/**
 * Survey authoring and waves: the draft a designer is editing (one per survey, saved as
 * they type, published into survey_versions), waves that run one survey version in chosen
 * facilities for a date range, and the anonymous single-use invitation codes of a wave.
 * A code stores only its hash and the day it was used: nothing links it to a response.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('survey_drafts')
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('survey_id', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('based_on_version', 'integer')
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_drafts_pk', ['organisation_id', 'survey_id'])
    .execute();

  await db.schema
    .createTable('waves')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('survey_id', 'text', (c) => c.notNull())
    .addColumn('survey_version', 'integer', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('eligibility', 'text', (c) => c.notNull())
    .addColumn('min_stay_days', 'integer')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('cancelled_at', 'text')
    .execute();
  await db.schema.createIndex('waves_by_organisation').on('waves').columns(['organisation_id', 'starts_on']).execute();

  await db.schema
    .createTable('wave_facilities')
    .addColumn('wave_id', 'text', (c) => c.notNull())
    .addColumn('facility_id', 'text', (c) => c.notNull())
    .addColumn('eligible_residents', 'integer')
    .addPrimaryKeyConstraint('wave_facilities_pk', ['wave_id', 'facility_id'])
    .execute();
  await db.schema.createIndex('wave_facilities_by_facility').on('wave_facilities').columns(['facility_id']).execute();

  await db.schema
    .createTable('invitation_batches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('wave_id', 'text', (c) => c.notNull())
    .addColumn('facility_id', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('invitation_codes')
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('batch_id', 'text', (c) => c.notNull())
    .addColumn('wave_id', 'text', (c) => c.notNull())
    .addColumn('facility_id', 'text', (c) => c.notNull())
    .addColumn('used_on', 'text')
    .execute();
  await db.schema.createIndex('invitation_codes_by_wave').on('invitation_codes').columns(['wave_id', 'facility_id']).execute();

  await db.schema.alterTable('responses').addColumn('wave_id', 'text').execute();
  await db.schema.createIndex('responses_by_wave').on('responses').columns(['wave_id', 'facility_id']).execute();
}
