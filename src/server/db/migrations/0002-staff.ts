import type { Kysely } from 'kysely';

/** Staff accounts and the facilities each may see. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('staff')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('disabled_at', 'text')
    .execute();
  await db.schema
    .createTable('staff_facilities')
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('facility_id', 'text', (c) => c.notNull().references('facilities.id'))
    .addPrimaryKeyConstraint('staff_facilities_pk', ['staff_id', 'facility_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('staff_facilities').execute();
  await db.schema.dropTable('staff').execute();
}
