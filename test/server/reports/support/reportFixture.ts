import type { Kysely } from 'kysely';
import type { Database } from '../../../../src/server/db/schema.ts';
import { createEnrollmentCode, findEnrollment, redeemEnrollmentCode, type DeviceEnrollment } from '../../../../src/server/queries/enrollments.ts';
import { ingestBatch } from '../../../../src/server/queries/ingestBatch.ts';
import type { Answers } from '../../../../src/survey/answers.ts';
import type { ResponseEnvelope } from '../../../../src/survey/responseEnvelope.ts';
import { signedResponse } from '../../support/signedResponse.ts';

/** An enrolled tablet of a facility, as ingestBatch sees it, with the secret its responses are signed with. */
export interface Tablet {
  device: DeviceEnrollment;
  enrollmentId: string;
  secret: string;
}

export async function enrollTablet(db: Kysely<Database>, facilityId: string): Promise<Tablet> {
  const { code } = await createEnrollmentCode(db, { facilityId });
  const result = await redeemEnrollmentCode(db, { code, name: 'Common room tablet' });
  if (!result.ok) throw new Error(`enrollment failed: ${result.reason}`);
  return { device: (await findEnrollment(db, result.enrollmentId))!, enrollmentId: result.enrollmentId, secret: result.secret };
}

export interface Answered {
  answers: Answers;
  /** When the respondent finished: reports count the response in this time's quarter. */
  at: string;
  status?: 'complete' | 'partial';
  language?: string;
  mode?: 'self' | 'assisted';
  source?: 'tablet' | 'paper' | 'invitation';
  surveyVersion?: number;
}

/** A signed response as the tablet sends it, finished at `at` with the tablet's clock right at `now`. */
export function tabletResponse(tablet: Tablet, surveyId: string, response: Answered, now: Date, extra: Partial<Omit<ResponseEnvelope, 'answers' | 'mac'>> = {}): Promise<ResponseEnvelope> {
  return signedResponse(tablet, {
    surveyId,
    surveyVersion: response.surveyVersion ?? 1,
    answers: response.answers,
    status: response.status ?? 'complete',
    language: response.language ?? 'en',
    mode: response.mode ?? 'self',
    source: response.source ?? 'tablet',
    startedAt: new Date(Date.parse(response.at) - 300_000).toISOString(),
    completedAt: response.at,
    meta: { app: 'test', deviceClock: now.toISOString() },
    ...extra,
  });
}

/** Sends responses through the real ingest, in batches of 50; fails on any rejection. */
export async function ingestAll(db: Kysely<Database>, tablet: Tablet, surveyId: string, responses: Answered[], now = new Date('2026-12-15T12:00:00Z')): Promise<void> {
  const items = await Promise.all(responses.map((r) => tabletResponse(tablet, surveyId, r, now)));
  for (let i = 0; i < items.length; i += 50) {
    const results = await ingestBatch(db, { device: tablet.device, items: items.slice(i, i + 50) }, now);
    const refused = results.filter((r) => r.status !== 'accepted');
    if (refused.length) throw new Error(`ingest refused ${JSON.stringify(refused)}`);
  }
}
