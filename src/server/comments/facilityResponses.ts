import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export interface FacilityResponse {
  id: string;
  surveyId: string;
  surveyVersion: number;
  language: string;
  mode: string;
  source: string;
  status: string;
  reportedAt: string;
  answers: string;
}

/**
 * One facility's responses in reported order, a page at a time, through the
 * responses_facility_reported index: keyset pages on (reported_at, id), each starting where
 * the last ended, so a page costs the same at the end of 100,000 rows as at the start and
 * memory holds one page. `window` (UTC, half-open) narrows the index range.
 */
export async function* facilityResponses(
  db: Kysely<Database>,
  input: { organisationId: string; facilityId: string; surveyId?: string; window?: { from: string; to: string } | null },
  pageSize = 1000,
): AsyncGenerator<FacilityResponse> {
  let after: { reportedAt: string; id: string } | null = null;
  for (;;) {
    let query = db.selectFrom('responses')
      .select(['id', 'survey_id', 'survey_version', 'language', 'mode', 'source', 'status', 'reported_at', 'answers'])
      .where('facility_id', '=', input.facilityId)
      .where('organisation_id', '=', input.organisationId);
    if (input.surveyId !== undefined) query = query.where('survey_id', '=', input.surveyId);
    if (input.window) query = query.where('reported_at', '>=', input.window.from).where('reported_at', '<', input.window.to);
    if (after !== null) {
      const { reportedAt, id } = after;
      // The plain bound lets both databases start the index scan there; the tuple skips what was sent.
      query = query.where('reported_at', '>=', reportedAt).where((eb) => eb(eb.refTuple('reported_at', 'id'), '>', eb.tuple(reportedAt, id)));
    }
    const page = await query.orderBy('reported_at').orderBy('id').limit(pageSize).execute();
    for (const row of page) {
      yield {
        id: row.id, surveyId: row.survey_id, surveyVersion: Number(row.survey_version), language: row.language,
        mode: row.mode, source: row.source, status: row.status, reportedAt: row.reported_at, answers: row.answers,
      };
    }
    if (page.length < pageSize) return;
    const last = page[page.length - 1]!;
    after = { reportedAt: last.reported_at, id: last.id };
  }
}
