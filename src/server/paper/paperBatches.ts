import type { Kysely } from 'kysely';
import { makeUuidV7 } from '../../survey/makeUuidV7.ts';
import { MAX_SERIAL } from '../../survey/paper/paperSerial.ts';
import type { Database } from '../db/schema.ts';

/** A printed run of sheets as the API shows it (GET /paper/workspace, POST /paper/batches). */
export interface PaperBatchView {
  id: string; facilityId: string; surveyId: string; surveyVersion: number; language: string; firstSerial: number; count: number; createdAt: string;
}

export function batchView(row: Database['paper_batches']): PaperBatchView {
  return {
    id: row.id, facilityId: row.facility_id, surveyId: row.survey_id, surveyVersion: Number(row.survey_version), language: row.language,
    firstSerial: Number(row.first_serial), count: Number(row.count), createdAt: row.created_at,
  };
}

export class SerialsExhausted extends Error {}

/**
 * Reserves `count` serials of the facility and records the batch, in one transaction.
 * The counter moves in a single upsert, which locks its row (PostgreSQL) or the database
 * (SQLite) until commit: two printers at once get runs that never share a serial.
 */
export async function createPaperBatch(
  db: Kysely<Database>,
  input: { organisationId: string; facilityId: string; surveyId: string; surveyVersion: number; language: string; count: number; createdBy: string },
  now = new Date(),
): Promise<PaperBatchView> {
  return db.transaction().execute(async (tx) => {
    const counter = await tx.insertInto('paper_serial_counters')
      .values({ facility_id: input.facilityId, next_serial: 1 + input.count })
      .onConflict((oc) => oc.column('facility_id').doUpdateSet((eb) => ({ next_serial: eb('paper_serial_counters.next_serial', '+', input.count) })))
      .returning('next_serial')
      .executeTakeFirstOrThrow();
    const firstSerial = Number(counter.next_serial) - input.count;
    // Rolled back with the transaction: the counter does not move.
    if (firstSerial + input.count - 1 > MAX_SERIAL) throw new SerialsExhausted(`this facility has used its ${MAX_SERIAL} serials`);
    const row: Database['paper_batches'] = {
      id: makeUuidV7(now.getTime()), organisation_id: input.organisationId, facility_id: input.facilityId, survey_id: input.surveyId,
      survey_version: input.surveyVersion, language: input.language, first_serial: firstSerial, count: input.count,
      created_by: input.createdBy, created_at: now.toISOString(),
    };
    await tx.insertInto('paper_batches').values(row).execute();
    return batchView(row);
  });
}

/** The batches of these facilities, oldest first. */
export async function listPaperBatches(db: Kysely<Database>, organisationId: string, facilityIds: readonly string[]): Promise<PaperBatchView[]> {
  if (facilityIds.length === 0) return [];
  const rows = await db.selectFrom('paper_batches').selectAll().where('organisation_id', '=', organisationId).where('facility_id', 'in', [...facilityIds])
    .orderBy('created_at').orderBy('first_serial').execute();
  return rows.map(batchView);
}

/**
 * Holds the facility's serial counter row until the transaction ends, so keyings of its
 * sheets (double entry, resolutions) are decided one at a time (PostgreSQL; SQLite has one
 * writer anyway). A facility with no batch has no row, and no sheet to key either.
 */
export async function lockFacilitySheets(tx: Kysely<Database>, facilityId: string): Promise<void> {
  await tx.updateTable('paper_serial_counters').set((eb) => ({ next_serial: eb.ref('next_serial') })).where('facility_id', '=', facilityId).execute();
}
