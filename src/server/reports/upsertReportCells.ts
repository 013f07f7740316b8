import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { ReportCell } from './reportCellsFor.ts';

const CHUNK = 500;

/**
 * Adds merged cells to report_cells, in the order given (countReportCells sorts them by
 * key, so concurrent writers lock shared rows in one order). Run it in the transaction
 * that writes the responses counted.
 */
export async function upsertReportCells(db: Kysely<Database>, cells: readonly ReportCell[]): Promise<void> {
  for (let i = 0; i < cells.length; i += CHUNK) {
    await db.insertInto('report_cells')
      .values(cells.slice(i, i + CHUNK).map((c) => ({
        survey_id: c.surveyId, facility_id: c.facilityId, period: c.period, dimension: c.dimension, dimension_value: c.dimensionValue,
        question_id: c.questionId, answer_value: c.answerValue, survey_version: c.surveyVersion, count: c.count,
      })))
      .onConflict((oc) => oc.columns(['survey_id', 'facility_id', 'period', 'dimension', 'dimension_value', 'question_id', 'answer_value', 'survey_version'])
        .doUpdateSet((eb) => ({ count: eb('report_cells.count', '+', eb.ref('excluded.count')) })))
      .execute();
  }
}
