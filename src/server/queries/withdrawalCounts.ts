import type { Kysely } from 'kysely';
import type { WithdrawalCountsRequest } from '../../survey/withdrawals.ts';
import type { Database } from '../db/schema.ts';
import type { DeviceEnrollment } from './enrollments.ts';

/**
 * Stores a tablet's running totals of withdrawals: per (tablet, survey, quarter) the
 * highest total seen, so a resend or an older total arriving late changes nothing.
 */
export async function upsertWithdrawalCounts(db: Kysely<Database>, device: DeviceEnrollment, request: WithdrawalCountsRequest, now = new Date()): Promise<void> {
  // One row per key: the highest of any repeats within the request.
  const byKey = new Map<string, WithdrawalCountsRequest['counts'][number]>();
  for (const entry of request.counts) {
    const key = `${entry.surveyId}\u0000${entry.period}`;
    const seen = byKey.get(key);
    if (!seen || seen.count < entry.count) byKey.set(key, entry);
  }
  const rows = [...byKey.values()].map((entry) => ({
    enrollment_id: device.id, facility_id: device.facility_id, survey_id: entry.surveyId, period: entry.period, count: entry.count, updated_at: now.toISOString(),
  }));
  for (let i = 0; i < rows.length; i += 200) {
    await db.insertInto('withdrawal_counts').values(rows.slice(i, i + 200))
      .onConflict((oc) => oc.columns(['enrollment_id', 'survey_id', 'period']).doUpdateSet((eb) => ({
        count: eb.case().when(eb.ref('excluded.count'), '>', eb.ref('withdrawal_counts.count')).then(eb.ref('excluded.count')).else(eb.ref('withdrawal_counts.count')).end(),
        updated_at: eb.ref('excluded.updated_at'),
      })))
      .execute();
  }
}
