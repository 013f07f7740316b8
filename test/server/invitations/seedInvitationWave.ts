import type { Kysely } from 'kysely';
import type { Database } from '../../../src/server/db/schema.ts';
import { createInvitations } from '../../../src/server/waves/createInvitations.ts';
import { createWave } from '../../../src/server/waves/createWave.ts';
import { updateWave } from '../../../src/server/waves/updateWave.ts';

/**
 * A wave of one survey version in one facility and `count` printed codes, made with the
 * waves' own functions (src/server/waves/: codes stored only as hashes). Returns the plain
 * codes, as the printed slips carry them. Codes of a wave that has already ended are
 * printed on its first day; a cancelled wave is cancelled after printing.
 */
export async function seedInvitationWave(
  db: Kysely<Database>,
  input: { organisationId: string; facilityId: string; surveyId: string; surveyVersion: number; startsOn: string; endsOn: string; count: number; cancelled?: boolean },
): Promise<{ waveId: string; codes: string[] }> {
  const wave = await createWave(db, {
    organisationId: input.organisationId, name: 'Quarter test wave', surveyId: input.surveyId, surveyVersion: input.surveyVersion,
    startsOn: input.startsOn, endsOn: input.endsOn, eligibility: 'residents staying two months or more', minStayDays: 60,
    facilities: [{ facilityId: input.facilityId, eligibleResidents: 40 }], createdBy: 'test-admin',
  });
  if (!wave.ok) throw new Error(`wave refused: ${wave.code} ${wave.message}`);
  const printedAt = new Date(Math.min(Date.now(), Date.parse(`${input.startsOn}T12:00:00Z`)));
  const printed = await createInvitations(db, { organisationId: input.organisationId, waveId: wave.waveId, facilityId: input.facilityId, count: input.count, createdBy: 'test-manager' }, printedAt);
  if (!printed.ok) throw new Error(`invitations refused: ${printed.code} ${printed.message}`);
  if (input.cancelled) {
    const cancelled = await updateWave(db, { organisationId: input.organisationId, waveId: wave.waveId, change: { cancel: true } });
    if (!cancelled.ok) throw new Error(`cancel refused: ${cancelled.code}`);
  }
  return { waveId: wave.waveId, codes: printed.codes };
}
