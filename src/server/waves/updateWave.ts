import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { lockFacilities } from './lockFacilities.ts';
import { waveDatesProblem } from './waveDays.ts';
import { overlappingWave } from './waveOverlap.ts';
import { waveProblem, type WaveProblem } from './waveProblem.ts';

export interface WaveChange { name?: string; endsOn?: string; eligibility?: string; cancel?: true }

/**
 * Renames a wave, moves its end, rewords its eligibility or cancels it (PATCH
 * /staff/waves/:id). A cancelled wave stays as it was: its responses keep their wave. A new
 * end is checked like a new wave's dates and for overlap with the survey's other waves.
 */
export async function updateWave(db: Kysely<Database>, input: { organisationId: string; waveId: string; change: WaveChange }, now = new Date()): Promise<{ ok: true } | WaveProblem> {
  return db.transaction().execute(async (tx) => {
    const wave = await tx.selectFrom('waves').selectAll().where('id', '=', input.waveId).where('organisation_id', '=', input.organisationId).executeTakeFirst();
    if (!wave) return waveProblem(404, 'unknown_wave', 'no such wave in this organisation');
    if (wave.cancelled_at) return waveProblem(409, 'wave_closed', 'this wave is cancelled: it cannot change any more');
    const { change } = input;
    if (change.endsOn !== undefined && change.endsOn !== wave.ends_on) {
      const dates = waveDatesProblem(wave.starts_on, change.endsOn);
      if (dates) return waveProblem(400, 'invalid_dates', dates);
      const facilityIds = (await tx.selectFrom('wave_facilities').select('facility_id').where('wave_id', '=', wave.id).execute()).map((f) => f.facility_id);
      await lockFacilities(tx, facilityIds);
      const overlap = await overlappingWave(tx, { organisationId: input.organisationId, surveyId: wave.survey_id, startsOn: wave.starts_on, endsOn: change.endsOn, facilityIds, exceptWaveId: wave.id });
      if (overlap) return waveProblem(409, 'wave_overlap', `the wave "${overlap.name.slice(0, 100)}" runs survey ${wave.survey_id} in one of these facilities on some of these days`);
    }
    await tx.updateTable('waves').set({
      name: change.name ?? wave.name, ends_on: change.endsOn ?? wave.ends_on, eligibility: change.eligibility ?? wave.eligibility,
      cancelled_at: change.cancel ? now.toISOString() : null,
    }).where('id', '=', wave.id).execute();
    return { ok: true as const };
  });
}
