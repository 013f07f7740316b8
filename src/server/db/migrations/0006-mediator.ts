import type { Kysely } from 'kysely';

/**
 * Mediator mode and shared-tablet safety: staff's personal tablet PINs (number, opaque
 * reference, verifier), who assisted each assisted response (apart from the response),
 * mediators' notes (apart from the answers), and withdrawals, kept as counts only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('staff').addColumn('tablet_number', 'integer').execute();
  await db.schema.alterTable('staff').addColumn('tablet_ref', 'text').execute();
  await db.schema.alterTable('staff').addColumn('pin_verifier', 'text').execute();
  await db.schema.alterTable('staff').addColumn('pin_set_at', 'text').execute();
  await db.schema.createIndex('staff_tablet_number').unique().on('staff').columns(['organisation_id', 'tablet_number']).execute();
  await db.schema.createIndex('staff_tablet_ref').unique().on('staff').column('tablet_ref').execute();

  await db.schema
    .createTable('response_assistants')
    .addColumn('response_id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('staff_ref', 'text', (c) => c.notNull())
    // Null when the reference is unknown (a PIN reset since): the reference is still kept.
    .addColumn('staff_id', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('mediator_notes')
    // Opaque (128 random bits): staff see this, never the response id.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('response_id', 'text', (c) => c.notNull().unique())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('facility_id', 'text', (c) => c.notNull())
    .addColumn('survey_id', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mediator_notes_listing').on('mediator_notes').columns(['facility_id', 'survey_id', 'period']).execute();

  await db.schema
    .createTable('withdrawal_counts')
    .addColumn('enrollment_id', 'text', (c) => c.notNull())
    .addColumn('facility_id', 'text', (c) => c.notNull())
    .addColumn('survey_id', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('withdrawal_counts_pk', ['enrollment_id', 'survey_id', 'period'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('withdrawal_counts').execute();
  await db.schema.dropTable('mediator_notes').execute();
  await db.schema.dropTable('response_assistants').execute();
  await db.schema.dropIndex('staff_tablet_ref').execute();
  await db.schema.dropIndex('staff_tablet_number').execute();
  for (const column of ['pin_set_at', 'pin_verifier', 'tablet_ref', 'tablet_number']) await db.schema.alterTable('staff').dropColumn(column).execute();
}
