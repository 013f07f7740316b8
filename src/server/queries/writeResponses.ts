import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { mergeRollupCells, rollupCellsFor } from '../rollupCells.ts';
import { countReportCells, type ReportCell, type ReportCellInput } from '../reports/reportCellsFor.ts';
import { upsertReportCells } from '../reports/upsertReportCells.ts';

/** An accepted response as stored, and what reports count of it. */
export interface ResponseWrite {
  row: Database['responses'];
  counted: ReportCellInput;
}

/**
 * The content hash of every response already stored under one of these ids. Run it in the
 * writing transaction: same id and hash is a retry (duplicate), another hash a conflict.
 */
export async function storedContentHashes(tx: Kysely<Database>, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const known = new Map<string, string>();
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await tx.selectFrom('responses').select(['id', 'content_hash']).where('id', 'in', unique.slice(i, i + 500)).execute();
    for (const row of rows) known.set(row.id, row.content_hash);
  }
  return known;
}

/**
 * Writes fresh responses with their day rollups and report cells, in the caller's
 * transaction (tablet sync and paper sheets alike, so both count the same way).
 * `reportCells`, when given, must be countReportCells of exactly these responses: callers
 * count before their transaction so it holds its locks for the writes only.
 */
export async function writeResponses(tx: Kysely<Database>, fresh: readonly ResponseWrite[], reportCells?: readonly ReportCell[]): Promise<void> {
  for (let i = 0; i < fresh.length; i += 200) {
    await tx.insertInto('responses').values(fresh.slice(i, i + 200).map((a) => a.row)).execute();
  }
  const cells = mergeRollupCells(fresh.flatMap(({ counted: c }) => rollupCellsFor({
    surveyId: c.survey.id, surveyVersion: c.survey.version, facilityId: c.facilityId, timeZone: c.timeZone,
    reportedAt: c.reportedAt, status: c.status, mode: c.mode, language: c.language,
  })));
  for (let i = 0; i < cells.length; i += 500) {
    await tx.insertInto('rollup_counts')
      .values(cells.slice(i, i + 500).map((c) => ({
        survey_id: c.surveyId, survey_version: c.surveyVersion, facility_id: c.facilityId, period_day: c.periodDay,
        question_id: c.questionId, answer_value: c.answerValue, count: c.count,
      })))
      .onConflict((oc) => oc.columns(['survey_id', 'survey_version', 'facility_id', 'period_day', 'question_id', 'answer_value'])
        .doUpdateSet((eb) => ({ count: eb('rollup_counts.count', '+', eb.ref('excluded.count')) })))
      .execute();
  }
  await upsertReportCells(tx, reportCells ?? countReportCells(fresh.map((a) => a.counted)));
}
