import type { Answers } from '../../../src/survey/answers.ts';
import { makeUuidV7 } from '../../../src/survey/makeUuidV7.ts';
import type { ResponseEnvelope } from '../../../src/survey/responseEnvelope.ts';
import { makeResponseMac } from '../../../src/survey/responseMac.ts';

/** A response as a tablet would send it, MAC'd with its enrollment's secret. */
export async function signedResponse(
  enrollment: { enrollmentId: string; secret: string },
  fields: { surveyId: string; surveyVersion: number; answers: Answers } & Partial<Omit<ResponseEnvelope, 'mac'>>,
): Promise<ResponseEnvelope> {
  const startedAt = fields.startedAt ?? new Date(Date.now() - 120_000).toISOString();
  const unsigned: Omit<ResponseEnvelope, 'mac'> = {
    id: makeUuidV7(),
    language: 'en',
    status: 'complete',
    source: 'tablet',
    mode: 'self',
    startedAt,
    completedAt: new Date(Date.now() - 60_000).toISOString(),
    enrollmentId: enrollment.enrollmentId,
    meta: { app: 'test', deviceClock: new Date().toISOString() },
    ...fields,
  };
  return { ...unsigned, mac: await makeResponseMac(unsigned, enrollment.secret) };
}
