import type { Kysely } from 'kysely';
import type { SurveyDefinition } from '../../survey/schema.ts';
import type { Database } from '../db/schema.ts';
import { localDay } from '../rollupCells.ts';
import { getSurveyVersion } from '../queries/surveyVersions.ts';

/** A wave as a tablet's bundle carries it. */
export interface BundleWave { id: string; surveyId: string; surveyVersion: number; startsOn: string; endsOn: string }

/** The waves running today (the facility's local day) in a facility, not cancelled. */
export async function runningWaves(db: Kysely<Database>, facility: { id: string; time_zone: string }, now = new Date()): Promise<BundleWave[]> {
  const day = localDay(now.toISOString(), facility.time_zone);
  const rows = await db.selectFrom('waves').innerJoin('wave_facilities', 'wave_facilities.wave_id', 'waves.id')
    .select(['waves.id', 'waves.survey_id', 'waves.survey_version', 'waves.starts_on', 'waves.ends_on'])
    .where('wave_facilities.facility_id', '=', facility.id).where('waves.cancelled_at', 'is', null)
    .where('waves.starts_on', '<=', day).where('waves.ends_on', '>=', day)
    .orderBy('waves.survey_id').execute();
  return rows.map((row) => ({ id: row.id, surveyId: row.survey_id, surveyVersion: Number(row.survey_version), startsOn: row.starts_on, endsOn: row.ends_on }));
}

/**
 * The bundle's surveys with each running wave's version in place of the current one: a
 * wave asks the same questions everywhere for its whole run, even if a newer version is
 * published meanwhile (overlapping waves of one survey are refused, so there is one).
 */
export async function withWaveVersions(db: Kysely<Database>, organisationId: string, surveys: SurveyDefinition[], waves: readonly BundleWave[]): Promise<SurveyDefinition[]> {
  const result: SurveyDefinition[] = [];
  for (const survey of surveys) {
    const wave = waves.find((w) => w.surveyId === survey.id);
    const chosen = wave && wave.surveyVersion !== survey.version ? await getSurveyVersion(db, organisationId, survey.id, wave.surveyVersion) : undefined;
    result.push(chosen ?? survey);
  }
  return result;
}
