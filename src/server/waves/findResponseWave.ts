import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { localDay } from '../rollupCells.ts';

type WaveRow = { id: string; survey_id: string; survey_version: number; starts_on: string; ends_on: string };

/**
 * For ingest: the wave a tablet response belongs to, decided by the server from the
 * response's facility, survey id and version and its reported local day (the tablet's own
 * claim is not asked). The facility's live waves are read once per batch.
 */
export function makeResponseWaveFinder(db: Kysely<Database>) {
  const byFacility = new Map<string, Promise<WaveRow[]>>();
  return async (input: { facilityId: string; timeZone: string; surveyId: string; surveyVersion: number; reportedAt: string }): Promise<string | null> => {
    let waves = byFacility.get(input.facilityId);
    if (!waves) {
      waves = db.selectFrom('waves').innerJoin('wave_facilities', 'wave_facilities.wave_id', 'waves.id')
        .select(['waves.id', 'waves.survey_id', 'waves.survey_version', 'waves.starts_on', 'waves.ends_on'])
        .where('wave_facilities.facility_id', '=', input.facilityId).where('waves.cancelled_at', 'is', null).execute();
      byFacility.set(input.facilityId, waves);
    }
    const day = localDay(input.reportedAt, input.timeZone);
    const wave = (await waves).find((w) => w.survey_id === input.surveyId && Number(w.survey_version) === input.surveyVersion && w.starts_on <= day && day <= w.ends_on);
    return wave?.id ?? null;
  };
}
