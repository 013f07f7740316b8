import type { Kysely } from 'kysely';
import type { QuarterId } from '../../survey/periods.ts';
import type { MediatorNotesList } from '../../survey/reportTypes.ts';
import type { Database } from '../db/schema.ts';
import { RESPONSE_STATUS } from '../rollupCells.ts';
import { ALL_RESPONSES } from './reportCellsFor.ts';
import { isSmallCell } from './suppressSmallCells.ts';

/**
 * Mediators' notes of a facility's quarter, by opaque id (an order by time could be lined
 * up with other lists into respondents); none, and hidden, when the quarter has fewer
 * responses than the threshold: a note may describe its respondent.
 */
export async function mediatorNotesList(db: Kysely<Database>, input: { surveyId: string; facilityId: string; period: QuarterId; minCellSize: number }): Promise<MediatorNotesList> {
  const responses = await db.selectFrom('report_cells').select((eb) => eb.fn.sum<number>('count').as('n'))
    .where('survey_id', '=', input.surveyId).where('facility_id', '=', input.facilityId).where('period', '=', input.period)
    .where('dimension', '=', ALL_RESPONSES).where('dimension_value', '=', '').where('question_id', '=', RESPONSE_STATUS)
    .executeTakeFirst();
  if (isSmallCell(Number(responses?.n ?? 0), input.minCellSize)) return { notes: [], hidden: true };
  const rows = await db.selectFrom('mediator_notes').select(['id', 'text'])
    .where('facility_id', '=', input.facilityId).where('survey_id', '=', input.surveyId).where('period', '=', input.period)
    .orderBy('id').execute();
  return { notes: rows.map((row) => ({ id: row.id, text: row.text })), hidden: false };
}
