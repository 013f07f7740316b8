import type { Kysely } from 'kysely';
import { makeUuidV7 } from '../../survey/makeUuidV7.ts';
import { isForInspectors } from '../../survey/schema.ts';
import type { Database } from '../db/schema.ts';
import { getSurveyVersion } from '../queries/surveyVersions.ts';
import { lockFacilities } from './lockFacilities.ts';
import { waveDatesProblem } from './waveDays.ts';
import { overlappingWave } from './waveOverlap.ts';
import { waveProblem, type WaveProblem } from './waveProblem.ts';

export interface NewWave {
  organisationId: string;
  name: string;
  surveyId: string;
  surveyVersion: number;
  /** Local days of each facility, YYYY-MM-DD, inclusive. */
  startsOn: string;
  endsOn: string;
  /** Who is invited, in staff's words ("residents staying two months or more"). */
  eligibility: string;
  minStayDays?: number | null;
  facilities: ReadonlyArray<{ facilityId: string; eligibleResidents?: number | null }>;
  /** The staff id of who made it. */
  createdBy: string;
}

/**
 * Records a wave and its facilities in one transaction, after the checks of
 * docs/waves.md: dates (end not before start, at most 366 days), at least one facility of
 * the organisation, a published residents' survey version, no overlapping wave of the same
 * survey in any of its facilities. Used by POST /staff/waves and by tests that need a wave.
 */
export async function createWave(db: Kysely<Database>, input: NewWave, now = new Date()): Promise<{ ok: true; waveId: string } | WaveProblem> {
  const dates = waveDatesProblem(input.startsOn, input.endsOn);
  if (dates) return waveProblem(400, 'invalid_dates', dates);
  const facilityIds = input.facilities.map((f) => f.facilityId);
  if (facilityIds.length === 0) return waveProblem(400, 'no_facility', 'facilities: a wave needs at least one facility');
  if (new Set(facilityIds).size !== facilityIds.length) return waveProblem(400, 'invalid_request', 'facilities: each facility once');
  const survey = await getSurveyVersion(db, input.organisationId, input.surveyId, input.surveyVersion);
  if (!survey) return waveProblem(404, 'unknown_survey', `this organisation has no survey ${input.surveyId} version ${input.surveyVersion}`);
  if (isForInspectors(survey)) return waveProblem(400, 'inspectors_survey', `survey ${input.surveyId} is filled in by inspectors, not by residents: a wave cannot run it`);
  const known = await db.selectFrom('facilities').select('id').where('organisation_id', '=', input.organisationId).where('id', 'in', facilityIds).execute();
  if (known.length !== facilityIds.length) return waveProblem(404, 'unknown_facility', 'facilities: one of them is not a facility of this organisation');

  const waveId = makeUuidV7(now.getTime());
  return db.transaction().execute(async (tx) => {
    await lockFacilities(tx, facilityIds);
    const overlap = await overlappingWave(tx, { organisationId: input.organisationId, surveyId: input.surveyId, startsOn: input.startsOn, endsOn: input.endsOn, facilityIds });
    if (overlap) {
      return waveProblem(409, 'wave_overlap', `the wave "${overlap.name.slice(0, 100)}" runs survey ${input.surveyId} in one of these facilities on some of these days: change the dates or the facilities`);
    }
    await tx.insertInto('waves').values({
      id: waveId, organisation_id: input.organisationId, name: input.name, survey_id: input.surveyId, survey_version: input.surveyVersion,
      starts_on: input.startsOn, ends_on: input.endsOn, eligibility: input.eligibility, min_stay_days: input.minStayDays ?? null,
      created_by: input.createdBy, created_at: now.toISOString(), cancelled_at: null,
    }).execute();
    await tx.insertInto('wave_facilities').values(input.facilities.map((f) => ({ wave_id: waveId, facility_id: f.facilityId, eligible_residents: f.eligibleResidents ?? null }))).execute();
    return { ok: true as const, waveId };
  });
}
