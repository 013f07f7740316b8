import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { waveProblem, type WaveProblem } from './waveProblem.ts';

/** The residents eligible in one facility of a wave, as staff counted them (null: not counted). */
export async function setEligibleResidents(db: Kysely<Database>, input: { organisationId: string; waveId: string; facilityId: string; eligibleResidents: number | null }): Promise<{ ok: true } | WaveProblem> {
  const wave = await db.selectFrom('waves').select('id').where('id', '=', input.waveId).where('organisation_id', '=', input.organisationId).executeTakeFirst();
  if (!wave) return waveProblem(404, 'unknown_wave', 'no such wave in this organisation');
  const updated = await db.updateTable('wave_facilities').set({ eligible_residents: input.eligibleResidents })
    .where('wave_id', '=', wave.id).where('facility_id', '=', input.facilityId).executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) return waveProblem(404, 'unknown_facility', 'this facility is not in this wave');
  return { ok: true };
}
