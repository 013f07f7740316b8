import type { StoredResponse } from '../device/database.ts';
import type { ResponseEnvelope } from '../survey/responseEnvelope.ts';
import type { SealedAnswers } from '../survey/sealing.ts';

export const APP_VERSION = '0.1.0';

/** A stored response as it goes on the wire; the server sets facility, device and times itself. */
export function toEnvelope(response: StoredResponse, enrollmentId: string, mac: string, now: Date, sealed?: SealedAnswers): ResponseEnvelope {
  return {
    id: response.id,
    surveyId: response.surveyId,
    surveyVersion: response.surveyVersion,
    language: response.language,
    status: response.status === 'complete' ? 'complete' : 'partial',
    source: response.source,
    mode: response.mode,
    ...(response.assistance ? { assistance: response.assistance } : {}),
    ...(response.mediatorNotes ? { mediatorNotes: response.mediatorNotes } : {}),
    startedAt: response.startedAt,
    completedAt: response.completedAt ?? null,
    enrollmentId,
    mac,
    ...(sealed ? { answers: null, sealed } : { answers: response.answers ?? {} }),
    meta: { app: APP_VERSION, deviceClock: now.toISOString() },
  };
}
