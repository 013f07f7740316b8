import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * Holds these facilities' rows until the transaction ends (PostgreSQL; SQLite has one
 * writer anyway), so two waves saved at once for a facility are checked for overlap one
 * after the other. Sorted, so two transactions lock in the same order and never deadlock.
 */
export async function lockFacilities(tx: Kysely<Database>, facilityIds: readonly string[]): Promise<void> {
  for (const id of [...new Set(facilityIds)].sort()) {
    await tx.updateTable('facilities').set((eb) => ({ name: eb.ref('name') })).where('id', '=', id).execute();
  }
}
