import type { Kysely } from 'kysely';
import type { QuarterId } from '../../survey/periods.ts';
import type { Database } from '../db/schema.ts';
import { RESPONSE_STATUS } from '../rollupCells.ts';
import { ALL_RESPONSES, RESPONDENTS } from './reportCellsFor.ts';
import { isSmallCell, suppressSmallCells } from './suppressSmallCells.ts';

/** Which facilities' figures are hidden, per quarter and question, in the organisation-wide table. */
export interface HiddenFacilityFigures {
  /** The facilities in the order the comparison lists them (ties in suppression go by it). */
  facilityIds: string[];
  isHidden: (quarter: QuarterId, questionId: string, facilityId: string) => boolean;
  /** The facility's n for the question (respondents; for `_response.status`, responses). */
  n: (quarter: QuarterId, questionId: string, facilityId: string) => number;
  /** Fewer responses than the threshold: every figure of that facility's quarter is hidden. */
  tooFew: (quarter: QuarterId, facilityId: string) => boolean;
}

/**
 * The organisation's facilities side by side, per question and quarter, with the
 * organisation's total beside them (the comparison's total, an organisation-wide
 * breakdown's overall figures): a facility's figure is hidden when its n is below the
 * threshold, when its quarter has fewer responses than that, or to protect another
 * hidden facility (suppressSmallCells). A facility's dashboard and breakdowns hide what
 * is hidden here, or the organisation's total minus the other facilities' dashboards
 * would give a hidden facility's figures. One query: respondents per facility, question
 * and quarter.
 */
export async function hiddenFacilityFigures(
  db: Kysely<Database>,
  input: { surveyId: string; organisationId: string; quarters: QuarterId[]; questionIds: string[]; minCellSize: number },
): Promise<HiddenFacilityFigures> {
  const facilityIds = (await db.selectFrom('facilities').select('id').where('organisation_id', '=', input.organisationId).orderBy('name').orderBy('id').execute()).map((f) => f.id);
  // Responses per quarter, and respondents per question ('_n', kept for every question
  // under the all-responses dimension): two queries, each a few tight index ranges (an OR
  // of the two would make SQLite scan the whole quarter).
  const cells = (questionIds: string[], answerValue?: string) => {
    let query = db.selectFrom('report_cells')
      .select(['period', 'facility_id', 'question_id', (eb) => eb.fn.sum<number>('count').as('n')])
      .where('survey_id', '=', input.surveyId).where('period', 'in', input.quarters)
      .where('dimension', '=', ALL_RESPONSES).where('dimension_value', '=', '')
      .where('question_id', 'in', questionIds);
    if (answerValue !== undefined) query = query.where('answer_value', '=', answerValue);
    return query
      .where('facility_id', 'in', db.selectFrom('facilities').select('id').where('organisation_id', '=', input.organisationId))
      .groupBy(['period', 'facility_id', 'question_id']).execute();
  };
  const [responses, respondents] = await Promise.all([
    cells([RESPONSE_STATUS]),
    input.questionIds.length ? cells(input.questionIds, RESPONDENTS) : Promise.resolve([]),
  ]);
  const rows = [...responses, ...respondents];
  const ns = new Map<string, number>();
  for (const row of rows) ns.set(`${row.period}\u0000${row.question_id}\u0000${row.facility_id}`, Number(row.n));
  const n = (quarter: string, questionId: string, facilityId: string) => ns.get(`${quarter}\u0000${questionId}\u0000${facilityId}`) ?? 0;
  const tooFew = (quarter: QuarterId, facilityId: string) => isSmallCell(n(quarter, RESPONSE_STATUS, facilityId), input.minCellSize);

  const hidden = new Set<string>();
  for (const quarter of input.quarters) {
    const forced = facilityIds.map((f) => tooFew(quarter, f));
    for (const questionId of input.questionIds) {
      const flags = suppressSmallCells(facilityIds.map((f) => n(quarter, questionId, f)), input.minCellSize, forced);
      flags.forEach((flag, i) => flag && hidden.add(`${quarter}\u0000${questionId}\u0000${facilityIds[i]}`));
    }
  }
  return {
    facilityIds,
    isHidden: (quarter, questionId, facilityId) => hidden.has(`${quarter}\u0000${questionId}\u0000${facilityId}`),
    tooFew,
    n,
  };
}
