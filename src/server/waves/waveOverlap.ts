import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * Another live wave of the same survey in one of these facilities on a shared day, if any:
 * a tablet can run only one version of a survey on a day, and a response only one wave.
 */
export async function overlappingWave(
  tx: Kysely<Database>,
  input: { organisationId: string; surveyId: string; startsOn: string; endsOn: string; facilityIds: readonly string[]; exceptWaveId?: string },
): Promise<{ waveId: string; name: string; facilityId: string } | undefined> {
  if (input.facilityIds.length === 0) return undefined;
  let query = tx.selectFrom('waves').innerJoin('wave_facilities', 'wave_facilities.wave_id', 'waves.id')
    .select(['waves.id', 'waves.name', 'wave_facilities.facility_id'])
    .where('waves.organisation_id', '=', input.organisationId)
    .where('waves.survey_id', '=', input.surveyId)
    .where('waves.cancelled_at', 'is', null)
    .where('wave_facilities.facility_id', 'in', [...input.facilityIds])
    // Inclusive ranges overlap when each starts on or before the other ends.
    .where('waves.starts_on', '<=', input.endsOn)
    .where('waves.ends_on', '>=', input.startsOn);
  if (input.exceptWaveId) query = query.where('waves.id', '!=', input.exceptWaveId);
  const row = await query.orderBy('waves.starts_on').executeTakeFirst();
  return row ? { waveId: row.id, name: row.name, facilityId: row.facility_id } : undefined;
}
