import type { Kysely } from 'kysely';

/** Each organisation's ECDH P-256 key pairs: tablets seal answers to the current public key; old keys stay to open what was sealed under them. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('organisation_keys')
    .addColumn('key_id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('public_jwk', 'text', (c) => c.notNull())
    .addColumn('private_pkcs8', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .execute();
  await db.schema.createIndex('organisation_keys_current').on('organisation_keys').columns(['organisation_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('organisation_keys').execute();
}
