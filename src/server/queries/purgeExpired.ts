import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * Deletes responses (and quarantined items) older than each organisation's retention
 * period, by the time the server received them, with their mediators' notes and who
 * assisted them. Report rollups are counts with no
 * answers in them, so they stay.
 */
export async function purgeExpired(db: Kysely<Database>, now = new Date()): Promise<Array<{ organisationId: string; responses: number; quarantined: number }>> {
  const organisations = await db.selectFrom('organisations').select(['id', 'retention_days']).where('retention_days', 'is not', null).execute();
  const report = [];
  for (const organisation of organisations) {
    const cutoff = new Date(now.getTime() - organisation.retention_days! * 86_400_000).toISOString();
    const result = await db.transaction().execute(async (tx) => {
      const responses = await tx.deleteFrom('responses').where('organisation_id', '=', organisation.id).where('received_at', '<', cutoff).executeTakeFirst();
      // What was kept apart from the responses goes with them.
      await tx.deleteFrom('mediator_notes').where('organisation_id', '=', organisation.id).where('received_at', '<', cutoff).execute();
      await tx.deleteFrom('response_assistants').where('organisation_id', '=', organisation.id).where('received_at', '<', cutoff).execute();
      const quarantined = await tx.deleteFrom('quarantine').where('received_at', '<', cutoff)
        .where('enrollment_id', 'in', tx.selectFrom('enrollments').innerJoin('facilities', 'facilities.id', 'enrollments.facility_id').select('enrollments.id').where('facilities.organisation_id', '=', organisation.id))
        .executeTakeFirst();
      return { responses: Number(responses.numDeletedRows), quarantined: Number(quarantined.numDeletedRows) };
    });
    report.push({ organisationId: organisation.id, ...result });
  }
  return report;
}
