import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Answers } from '../../survey/answers.ts';
import type { SurveyDefinition } from '../../survey/schema.ts';
import type { Database } from '../db/schema.ts';
import { forEachReportCell, reportQuarter, type ReportCell, type ReportCellInput } from './reportCellsFor.ts';
import { upsertReportCells } from './upsertReportCells.ts';

export interface RebuildResult {
  /** False when report_cells already had rows (or there were no responses) and nothing was done. */
  rebuilt: boolean;
  responses: number;
  /** Rows in report_cells afterwards. */
  cells: number;
}

const SEP = '\u0000';

/**
 * Fills report_cells from the stored responses when it is empty but responses exist (after
 * migration 0004, or with `force`, which first empties it). Responses are read in keyset
 * pages by id and cells merged in a bounded map flushed to the table, so memory stays the
 * same for any number of responses. One transaction: a crash leaves the table as it was.
 * On PostgreSQL the table is locked against ingest meanwhile, so a batch arriving from
 * another server process is counted once, after the rebuild.
 *
 * Responses already purged (purge-expired) are not in the rows any more: a forced rebuild
 * loses their counts, which is why the automatic one runs only on an empty table.
 */
export async function rebuildReportCells(
  db: Kysely<Database>,
  options: { force?: boolean; pageSize?: number; flushAt?: number; log?: (line: string) => void } = {},
): Promise<RebuildResult> {
  const pageSize = options.pageSize ?? 1000;
  const flushAt = options.flushAt ?? 100_000;
  const nothing: RebuildResult = { rebuilt: false, responses: 0, cells: 0 };
  // The usual case at every start, answered without taking the lock.
  if (!options.force && (await db.selectFrom('report_cells').select('survey_id').limit(1).executeTakeFirst())) return nothing;
  return db.transaction().execute(async (tx) => {
    if (tx.getExecutor().adapter instanceof PostgresAdapter) await sql`LOCK TABLE report_cells IN SHARE ROW EXCLUSIVE MODE`.execute(tx);
    if (options.force) await tx.deleteFrom('report_cells').execute();
    else if (await tx.selectFrom('report_cells').select('survey_id').limit(1).executeTakeFirst()) return nothing;
    if (!(await tx.selectFrom('responses').select('id').limit(1).executeTakeFirst())) return nothing;

    const surveys = new Map<string, SurveyDefinition | null>();
    const surveyFor = async (organisationId: string, surveyId: string, version: number) => {
      const key = `${organisationId}/${surveyId}@${version}`;
      if (!surveys.has(key)) {
        const row = await tx.selectFrom('survey_versions').select('definition')
          .where('organisation_id', '=', organisationId).where('survey_id', '=', surveyId).where('version', '=', version).executeTakeFirst();
        surveys.set(key, row ? (JSON.parse(row.definition) as SurveyDefinition) : null);
      }
      return surveys.get(key)!;
    };

    let pending = new Map<string, number>();
    let responses = 0;
    const flush = async () => {
      const cells: ReportCell[] = [...pending.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, count]) => {
          const [surveyId, facilityId, period, dimension, dimensionValue, questionId, answerValue, surveyVersion] = key.split(SEP) as [string, string, ReportCell['period'], string, string, string, string, string];
          return { surveyId, facilityId, period, dimension, dimensionValue, questionId, answerValue, surveyVersion: Number(surveyVersion), count };
        });
      await upsertReportCells(tx, cells);
      pending = new Map();
    };

    let after = '';
    for (;;) {
      const page = await tx.selectFrom('responses').innerJoin('facilities', 'facilities.id', 'responses.facility_id')
        .select(['responses.id', 'responses.organisation_id', 'responses.facility_id', 'responses.survey_id', 'responses.survey_version', 'responses.reported_at',
          'responses.status', 'responses.mode', 'responses.language', 'responses.source', 'responses.answers', 'responses.assistance', 'facilities.time_zone'])
        .where('responses.id', '>', after).orderBy('responses.id').limit(pageSize).execute();
      if (page.length === 0) break;
      for (const row of page) {
        const survey = await surveyFor(row.organisation_id, row.survey_id, row.survey_version);
        // Ingest refuses unknown versions, so this is a response whose version was removed by hand.
        if (!survey) continue;
        const prefix = `${row.survey_id}${SEP}${row.facility_id}${SEP}${reportQuarter(row.reported_at, row.time_zone)}${SEP}`;
        const suffix = `${SEP}${row.survey_version}`;
        forEachReportCell(
          { survey, facilityId: row.facility_id, timeZone: row.time_zone, reportedAt: row.reported_at, status: row.status, mode: row.mode, language: row.language, source: row.source, answers: JSON.parse(row.answers) as Answers,
            assistance: row.assistance === null ? null : (JSON.parse(row.assistance) as ReportCellInput['assistance']) },
          (dimension, dimensionValue, questionId, answerValue) => {
            // The key in the primary key's column order, so the flushed cells are sorted like countReportCells'.
            const key = prefix + dimension + SEP + dimensionValue + SEP + questionId + SEP + answerValue + suffix;
            pending.set(key, (pending.get(key) ?? 0) + 1);
          },
        );
        responses += 1;
      }
      after = page[page.length - 1]!.id;
      if (pending.size >= flushAt) await flush();
    }
    await flush();
    const cells = Number((await tx.selectFrom('report_cells').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    options.log?.(`Report cells rebuilt from ${responses} responses (${cells} cells)`);
    return { rebuilt: true, responses, cells };
  });
}
