import type { Answers } from '../../../src/survey/answers.ts';
import type { InvitationResponse } from '../../../src/survey/invitations/invitationResponse.ts';
import { makeUuidV7 } from '../../../src/survey/makeUuidV7.ts';
import { makeResponseSealer, type SealingKey } from '../../../src/survey/sealing.ts';

/** A finished response as the invitation page sends it: sealed to `sealing` when given, else plain. */
export async function invitationResponseFor(answers: Answers, options: { sealing?: SealingKey; surveyId?: string; surveyVersion?: number; id?: string } = {}): Promise<InvitationResponse> {
  const id = options.id ?? makeUuidV7();
  const base = {
    id, surveyId: options.surveyId ?? 'mini', surveyVersion: options.surveyVersion ?? 1, language: 'ar',
    status: 'complete', source: 'invitation', mode: 'self',
    startedAt: new Date(Date.now() - 120_000).toISOString(), completedAt: new Date(Date.now() - 1000).toISOString(),
    meta: { app: 'test', deviceClock: new Date().toISOString() },
  } as const;
  if (!options.sealing) return { ...base, answers };
  const sealer = await makeResponseSealer(id, options.sealing);
  return { ...base, sealed: { key: sealer.key, events: [], final: await sealer.sealFinal(answers) } };
}
