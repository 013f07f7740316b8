import type { Kysely } from 'kysely';
import { makeInvitationCode } from '../../survey/invitations/invitationCode.ts';
import { makeUuidV7 } from '../../survey/makeUuidV7.ts';
import type { Database } from '../db/schema.ts';
import { hashToken } from '../hashToken.ts';
import { getSurveyVersion } from '../queries/surveyVersions.ts';
import { localDay } from '../rollupCells.ts';
import { waveStatusOn } from './waveDays.ts';
import { waveProblem, type WaveProblem } from './waveProblem.ts';

/** One printing at most: a facility prints for the residents it hands slips to this week. */
export const MAX_INVITATIONS_PER_BATCH = 500;

/**
 * Makes `count` single-use codes for one facility of a wave, in one transaction. The codes
 * (compact form, "K7QM3XPD2FA9") are returned this once: the database keeps only
 * hashToken(code), so a leak of it gives no working code. Refused for a cancelled wave or
 * one that has ended in that facility's time zone (409 wave_closed).
 */
export async function createInvitations(
  db: Kysely<Database>,
  input: { organisationId: string; waveId: string; facilityId: string; count: number; createdBy: string },
  now = new Date(),
): Promise<{ ok: true; batchId: string; codes: string[] } | WaveProblem> {
  if (!Number.isInteger(input.count) || input.count < 1 || input.count > MAX_INVITATIONS_PER_BATCH) {
    return waveProblem(400, 'invalid_request', `count: from 1 to ${MAX_INVITATIONS_PER_BATCH}`);
  }
  const wave = await db.selectFrom('waves').innerJoin('wave_facilities', 'wave_facilities.wave_id', 'waves.id')
    .innerJoin('facilities', 'facilities.id', 'wave_facilities.facility_id')
    .select(['waves.starts_on', 'waves.ends_on', 'waves.cancelled_at', 'waves.survey_id', 'waves.survey_version', 'facilities.time_zone'])
    .where('waves.id', '=', input.waveId).where('waves.organisation_id', '=', input.organisationId).where('wave_facilities.facility_id', '=', input.facilityId)
    .executeTakeFirst();
  if (!wave) return waveProblem(404, 'unknown_facility', 'this facility is not in this wave');
  const status = waveStatusOn(wave, localDay(now.toISOString(), wave.time_zone));
  if (status === 'ended' || status === 'cancelled') return waveProblem(409, 'wave_closed', `this wave is ${status}: its invitations could no longer be used`);
  // A code opens the survey on a resident's own phone, alone: a survey that needs a mediator (the children's) cannot be answered that way.
  const survey = await getSurveyVersion(db, input.organisationId, wave.survey_id, wave.survey_version);
  if (survey?.requiresMediator) return waveProblem(409, 'needs_mediator', `survey ${wave.survey_id} is answered only with a mediator beside the resident, so it cannot be answered by invitation`);

  const batchId = makeUuidV7(now.getTime());
  const codes = Array.from({ length: input.count }, () => makeInvitationCode());
  await db.transaction().execute(async (tx) => {
    await tx.insertInto('invitation_batches').values({ id: batchId, wave_id: input.waveId, facility_id: input.facilityId, count: input.count, created_by: input.createdBy, created_at: now.toISOString() }).execute();
    const rows = codes.map((code) => ({ code_hash: hashToken(code), batch_id: batchId, wave_id: input.waveId, facility_id: input.facilityId, used_on: null }));
    for (let i = 0; i < rows.length; i += 200) await tx.insertInto('invitation_codes').values(rows.slice(i, i + 200)).execute();
  });
  return { ok: true, batchId, codes };
}
