import type { Kysely } from 'kysely';
import { quarterOfDay, type QuarterId } from '../../survey/periods.ts';
import type { Database } from '../db/schema.ts';
import { localDay } from '../rollupCells.ts';
import { facilityResponses, type FacilityResponse } from './facilityResponses.ts';
import { quarterUtcWindow } from './quarterUtcWindow.ts';

/**
 * The responses of one facility's quarter in its time zone: the index finds a UTC window a
 * day wider on each side, and the local day of each response decides.
 */
export async function* facilityQuarterResponses(
  db: Kysely<Database>,
  input: { organisationId: string; facility: { id: string; timeZone: string }; period: QuarterId; surveyId?: string },
  pageSize = 1000,
): AsyncGenerator<FacilityResponse> {
  const responses = facilityResponses(db, {
    organisationId: input.organisationId, facilityId: input.facility.id, window: quarterUtcWindow(input.period),
    ...(input.surveyId !== undefined ? { surveyId: input.surveyId } : {}),
  }, pageSize);
  for await (const response of responses) {
    if (quarterOfDay(localDay(response.reportedAt, input.facility.timeZone)) === input.period) yield response;
  }
}
