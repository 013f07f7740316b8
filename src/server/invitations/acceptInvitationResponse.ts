import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { canonicalJson } from '../../survey/canonicalJson.ts';
import { invitationContent, type InvitationResponse } from '../../survey/invitations/invitationResponse.ts';
import type { Answers } from '../../survey/answers.ts';
import { validateAnswers } from '../../survey/validateAnswers.ts';
import type { Database } from '../db/schema.ts';
import { openSealedAnswers } from '../openSealedAnswers.ts';
import { CLOCK_TOLERANCE_MS } from '../queries/ingestBatch.ts';
import { organisationPrivateKey } from '../queries/organisationKeys.ts';
import { getSurveyVersion } from '../queries/surveyVersions.ts';
import { writeResponses } from '../queries/writeResponses.ts';
import type { FoundInvitation } from './findInvitation.ts';

export type InvitationOutcome =
  | { ok: true; status: 'accepted' | 'duplicate' }
  | { ok: false; status: 409 | 410 | 422; code: 'code_used' | 'response_exists' | 'wave_closed' | 'answers_invalid'; message: string };

const invalid = (message: string): InvitationOutcome => ({ ok: false, status: 422, code: 'answers_invalid', message });

/**
 * Stores the one response an invitation code may give. The code is spent and the response
 * written in one transaction: `used_on` is set only where it is still null, so of many
 * submissions at once exactly one spends it (on PostgreSQL the others wait for its row
 * lock, then find it used); the rest are told code_used, or duplicate when they are the
 * very response that spent it (a retry). The response never names the code, and used_on
 * is a day, not a time.
 */
export async function acceptInvitationResponse(db: Kysely<Database>, invitation: FoundInvitation, response: InvitationResponse, now: Date): Promise<InvitationOutcome> {
  if (response.surveyId !== invitation.surveyId || response.surveyVersion !== invitation.surveyVersion) {
    return invalid(`this invitation is for survey ${invitation.surveyId} version ${invitation.surveyVersion}`);
  }
  if (response.sealed && response.answers) return invalid('the response carries both sealed and plain answers');
  const survey = await getSurveyVersion(db, invitation.organisationId, invitation.surveyId, invitation.surveyVersion);
  if (!survey) return invalid(`survey ${invitation.surveyId} version ${invitation.surveyVersion} does not exist`);
  let answers: Answers | undefined = response.answers ?? undefined;
  if (response.sealed) {
    const privateKey = await organisationPrivateKey(db, invitation.organisationId, response.sealed.key.keyId);
    if (!privateKey) return invalid(`the answers are sealed to key ${response.sealed.key.keyId}, which this organisation does not have`);
    try {
      answers = openSealedAnswers(response.sealed, response.id, privateKey);
    } catch (error) {
      return invalid(`the sealed answers do not open: ${(error as Error).message}`);
    }
  }
  if (!answers) return invalid('the response carries no answers');
  if (survey.requiresMediator) return invalid(`survey ${survey.id} is answered with a mediator only, never by invitation`);
  const problems = validateAnswers(survey, answers, 'complete');
  if (problems.length) return invalid(problems.slice(0, 5).map((p) => `${p.questionId} ${p.message}`).join('; '));

  // An unused code of a wave that is not running cannot be spent; a used one goes on, so a late retry of its response is still a duplicate.
  if (invitation.status !== 'running' && invitation.usedOn === null) return { ok: false, status: 410, code: 'wave_closed', message: 'this survey is not open today' };

  const contentHash = createHash('sha256').update(canonicalJson(invitationContent(response))).digest('base64url');
  const receivedAt = now.toISOString();
  const deviceClock = response.meta?.deviceClock;
  const skew = deviceClock ? Math.abs(now.getTime() - Date.parse(deviceClock)) : 0;
  const flagged = skew > CLOCK_TOLERANCE_MS || Date.parse(response.completedAt) > now.getTime() + CLOCK_TOLERANCE_MS;
  const reportedAt = flagged ? receivedAt : response.completedAt;
  const row: Database['responses'] = {
    id: response.id, organisation_id: invitation.organisationId, facility_id: invitation.facilityId, enrollment_id: null,
    survey_id: survey.id, survey_version: survey.version, language: response.language, status: 'complete',
    source: 'invitation', mode: 'self', started_at: response.startedAt, completed_at: response.completedAt,
    received_at: receivedAt, reported_at: reportedAt, clock_flagged: flagged ? 1 : 0, answers: JSON.stringify(answers),
    assistance: null, content_hash: contentHash, meta: response.meta ? JSON.stringify(response.meta) : null,
    sealed_key: response.sealed ? JSON.stringify(response.sealed.key) : null, wave_id: invitation.waveId,
  };
  const counted = {
    survey, facilityId: invitation.facilityId, timeZone: invitation.timeZone, reportedAt, status: row.status,
    mode: row.mode, language: row.language, source: row.source, answers, assistance: null,
  };

  return db.transaction().execute(async (tx): Promise<InvitationOutcome> => {
    const stored = () => tx.selectFrom('responses').select('content_hash').where('id', '=', response.id).executeTakeFirst();
    const before = await stored();
    if (before) {
      return before.content_hash === contentHash
        ? { ok: true, status: 'duplicate' }
        : { ok: false, status: 409, code: 'response_exists', message: 'a different response with this id was already received' };
    }
    const spent = await tx.updateTable('invitation_codes').set({ used_on: invitation.today })
      .where('code_hash', '=', invitation.codeHash).where('used_on', 'is', null).executeTakeFirst();
    if (Number(spent.numUpdatedRows) === 0) {
      // Another submission spent it meanwhile: a retry of that same response is a duplicate.
      const winner = await stored();
      return winner?.content_hash === contentHash
        ? { ok: true, status: 'duplicate' }
        : { ok: false, status: 409, code: 'code_used', message: 'this invitation code has already been used' };
    }
    await writeResponses(tx, [{ row, counted }]);
    return { ok: true, status: 'accepted' };
  });
}
