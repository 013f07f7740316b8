import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export interface VisitRow {
  id: string;
  survey_version: number;
  language: string;
  reported_at: string;
  answers: string;
  serial: number | null;
  unreadable: string | null;
}

/** A facility's visits are few (a handful a year): this bounds an answer all the same. */
export const MAX_VISITS = 500;

/**
 * The responses of one survey at one facility, newest visit first, with their paper sheet
 * (serial, unreadable marks) when they came on paper. `from`/`to` are calendar days, both
 * included, on the visit day (reported_at: a paper sheet's is noon UTC of its day).
 */
export async function listVisits(
  db: Kysely<Database>,
  input: { organisationId: string; facilityId: string; surveyId: string; from?: string | undefined; to?: string | undefined },
): Promise<VisitRow[]> {
  let query = db.selectFrom('responses as r')
    .leftJoin('paper_sheets as p', 'p.response_id', 'r.id')
    .select(['r.id', 'r.survey_version', 'r.language', 'r.reported_at', 'r.answers', 'p.serial', 'p.unreadable'])
    .where('r.organisation_id', '=', input.organisationId)
    .where('r.facility_id', '=', input.facilityId)
    .where('r.survey_id', '=', input.surveyId);
  if (input.from) query = query.where('r.reported_at', '>=', `${input.from}T00:00:00.000Z`);
  if (input.to) query = query.where('r.reported_at', '<=', `${input.to}T23:59:59.999Z`);
  const rows = await query.orderBy('r.reported_at', 'desc').orderBy('r.id', 'desc').limit(MAX_VISITS).execute();
  return rows.map((row) => ({ ...row, survey_version: Number(row.survey_version), serial: row.serial === null ? null : Number(row.serial) }));
}
