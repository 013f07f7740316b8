import type { Kysely } from 'kysely';
import { quarterOfDay, type QuarterId } from '../../survey/periods.ts';
import type { SurveyDefinition } from '../../survey/schema.ts';
import { quarterUtcWindow } from '../comments/quarterUtcWindow.ts';
import type { Database } from '../db/schema.ts';
import { facilityResponses } from '../comments/facilityResponses.ts';
import { localDay } from '../rollupCells.ts';
import { answerColumns } from './answerCells.ts';
import type { Row } from './cell.ts';
import { RESPONSE_COLUMNS } from './exportColumns.ts';

/** What a per-response export covers, already checked (prepareResponseExport.ts). */
export interface ResponseExportPlan {
  organisationId: string;
  /** Every version of the survey, oldest first: the columns follow the last. */
  versions: readonly SurveyDefinition[];
  language: string;
  /** The organisation's facilities, in the order their rows come, with names and time zones. */
  facilities: ReadonlyMap<string, { name: string; timeZone: string }>;
  /** One facility, or null for every one of the organisation. */
  facilityId: string | null;
  /** One quarter (in each facility's zone), or null for all time. */
  period: QuarterId | null;
}

export const RESPONSE_PAGE_SIZE = 1000;

/**
 * The header row, then one row per response, facility by facility in reported order:
 * facility name, quarter, survey version, language, mode, source, status and one column
 * per question. No response, device or enrollment id and no time finer than the quarter
 * leave the server. Keyset pages (facilityResponses.ts) are read only as the rows are
 * taken, so memory stays flat for any number of rows.
 */
export async function* responseRows(db: Kysely<Database>, plan: ResponseExportPlan, pageSize = RESPONSE_PAGE_SIZE): AsyncGenerator<Row> {
  const current = plan.versions[plan.versions.length - 1];
  if (!current) return;
  const columns = answerColumns(plan.versions, plan.language);
  yield [...RESPONSE_COLUMNS, ...columns.map((column) => column.header)];
  const window = plan.period ? quarterUtcWindow(plan.period) : null;
  for (const [facilityId, facility] of plan.facilities) {
    if (plan.facilityId !== null && facilityId !== plan.facilityId) continue;
    for await (const response of facilityResponses(db, { organisationId: plan.organisationId, facilityId, surveyId: current.id, window }, pageSize)) {
      const quarter = quarterOfDay(localDay(response.reportedAt, facility.timeZone));
      if (plan.period !== null && quarter !== plan.period) continue;
      const answers = JSON.parse(response.answers) as Record<string, unknown>;
      yield [
        facility.name, quarter, response.surveyVersion, response.language, response.mode, response.source, response.status,
        ...columns.map((column) => column.cell(answers[column.questionId])),
      ];
    }
  }
}
