import { readFileSync } from 'node:fs';
import pg from 'pg';
import type { DatabaseHandle } from '../../../src/server/db/createDatabase.ts';
import { createFacility, createOrganisation } from '../../../src/server/queries/organisations.ts';
import { createStaff } from '../../../src/server/queries/staff.ts';
import { publishSurveyVersion } from '../../../src/server/queries/surveyVersions.ts';
import { forEachReportCell, reportQuarter } from '../../../src/server/reports/reportCellsFor.ts';
import { mergeRollupCells, rollupCellsFor, type RollupCell } from '../../../src/server/rollupCells.ts';
import type { QuarterId } from '../../../src/survey/periods.ts';
import type { SurveyDefinition } from '../../../src/survey/schema.ts';
import { makeRng } from '../../support/makeRng.ts';
import { generateResponses, surveyShape, type BenchResponse } from './generateResponses.ts';

export const ADMIN_EMAIL = 'bench-admin@example.org';
export const ADMIN_PASSWORD = 'a bench password, long enough';
const ZONES = ['Europe/Brussels', 'Europe/Warsaw', 'Europe/Rome', 'Europe/Helsinki', 'Europe/Lisbon', 'Europe/Riga', 'Europe/Amsterdam', 'Europe/Vienna'];
const SEP = '\u0000';

export interface LoadOptions {
  responses: number;
  facilities: number;
  quarters: number;
  newestQuarter: QuarterId;
  /** Responses in the newest quarter (the export's 100,000 rows). */
  newest: number;
  seed: number;
  surveyFile: string;
  /** PostgreSQL only: the bulk writer opens its own connection. */
  postgresUrl?: string;
  log: (line: string) => void;
}

export interface LoadResult {
  organisationId: string;
  facilityIds: string[];
  seconds: { generateAndCount: number; write: number; indexes: number; total: number };
  rows: { responses: number; reportCells: number; rollupCounts: number };
}

type ReportRow = [string, string, string, string, string, string, string, number, number];

interface BulkWriter {
  responses(rows: Array<Record<string, string | number | null>>): Promise<void>;
  reportCells(rows: ReportRow[]): Promise<void>;
  rollupCells(rows: RollupCell[]): Promise<void>;
  finish(): Promise<void>;
}

const RESPONSE_COLUMNS = ['id', 'organisation_id', 'facility_id', 'enrollment_id', 'survey_id', 'survey_version', 'language', 'status', 'source', 'mode', 'started_at',
  'completed_at', 'received_at', 'reported_at', 'clock_flagged', 'answers', 'assistance', 'content_hash', 'meta'] as const;
const INTEGER_COLUMNS = new Set(['survey_version', 'clock_flagged']);
const CELL_COLUMNS = 'survey_id, facility_id, period, dimension, dimension_value, question_id, answer_value, survey_version, count';
const ROLLUP_COLUMNS = 'survey_id, survey_version, facility_id, period_day, question_id, answer_value, count';

/** Plain inserts, no upserts: each facility's cells are written once, in key order. */
function sqliteWriter(handle: DatabaseHandle): BulkWriter {
  const sqlite = handle.sqlite!;
  sqlite.pragma('synchronous = OFF');
  const insertResponse = sqlite.prepare(`INSERT INTO responses (${RESPONSE_COLUMNS.join(', ')}) VALUES (${RESPONSE_COLUMNS.map((c) => `@${c}`).join(', ')})`);
  const insertCell = sqlite.prepare(`INSERT INTO report_cells (${CELL_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertRollup = sqlite.prepare(`INSERT INTO rollup_counts (${ROLLUP_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const many = <T,>(write: (row: T) => void) => sqlite.transaction((rows: T[]) => { for (const row of rows) write(row); });
  const responses = many((row: Record<string, string | number | null>) => insertResponse.run(row));
  const cells = many((row: ReportRow) => insertCell.run(...row));
  const rollups = many((c: RollupCell) => insertRollup.run(c.surveyId, c.surveyVersion, c.facilityId, c.periodDay, c.questionId, c.answerValue, c.count));
  return {
    responses: async (rows) => responses(rows),
    reportCells: async (rows) => cells(rows),
    rollupCells: async (rows) => rollups(rows),
    finish: async () => {
      sqlite.pragma('synchronous = FULL');
      sqlite.exec('ANALYZE');
    },
  };
}

/** Column arrays through unnest(): one statement per few thousand rows (the pg package has no COPY without another package). */
function postgresWriter(url: string): BulkWriter {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const unnest = async (table: string, columns: string[], types: string[], rows: unknown[][], chunk: number) => {
    for (let i = 0; i < rows.length; i += chunk) {
      const part = rows.slice(i, i + chunk);
      const arrays = columns.map((_, c) => part.map((row) => row[c]));
      await pool.query(`INSERT INTO ${table} (${columns.join(', ')}) SELECT * FROM unnest(${types.map((t, c) => `$${c + 1}::${t}[]`).join(', ')})`, arrays);
    }
  };
  return {
    responses: (rows) => unnest('responses', [...RESPONSE_COLUMNS], RESPONSE_COLUMNS.map((c) => (INTEGER_COLUMNS.has(c) ? 'int' : 'text')),
      rows.map((row) => RESPONSE_COLUMNS.map((c) => row[c])), 2000),
    reportCells: (rows) => unnest('report_cells', CELL_COLUMNS.split(', '), ['text', 'text', 'text', 'text', 'text', 'text', 'text', 'int', 'int'], rows, 20_000),
    rollupCells: (rows) => unnest('rollup_counts', ROLLUP_COLUMNS.split(', '), ['text', 'int', 'text', 'text', 'text', 'text', 'int'],
      rows.map((c) => [c.surveyId, c.surveyVersion, c.facilityId, c.periodDay, c.questionId, c.answerValue, c.count]), 20_000),
    finish: async () => {
      // Autovacuum would get there too; the bench does not wait for it.
      await pool.query('ANALYZE');
      await pool.end();
    },
  };
}

/** Secondary indexes are dropped for the load and made again after it, as a bulk import would. */
const SECONDARY_INDEXES = [
  ['report_cells_by_period', 'report_cells (survey_id, period, dimension, dimension_value, question_id, facility_id, answer_value, count)'],
  ['responses_facility_reported', 'responses (facility_id, reported_at)'],
  ['responses_received', 'responses (organisation_id, received_at)'],
] as const;

/**
 * Loads the bench's organisation: facilities, the built-in resident survey, an admin, and
 * the responses with the cells they add, counted by the production functions
 * (forEachReportCell, rollupCellsFor, mergeRollupCells) and merged in memory per facility.
 */
export async function loadBench(handle: DatabaseHandle, options: LoadOptions): Promise<LoadResult> {
  const started = performance.now();
  const db = handle.db;
  const organisationId = (await createOrganisation(db, { name: 'Bench agency' })).id;
  const survey = (await publishSurveyVersion(db, { organisationId, definition: JSON.parse(readFileSync(options.surveyFile, 'utf8')) })) as SurveyDefinition;
  await createStaff(db, { organisationId, email: ADMIN_EMAIL, password: ADMIN_PASSWORD, role: 'admin' });
  const facilities: Array<{ id: string; time_zone: string }> = [];
  for (let i = 0; i < options.facilities; i++) facilities.push(await createFacility(db, { organisationId, name: `Centre ${String(i + 1).padStart(3, '0')}`, timeZone: ZONES[i % ZONES.length]! }));

  for (const [name] of SECONDARY_INDEXES) await handle.db.schema.dropIndex(name).execute();
  const writer = handle.kind === 'sqlite' ? sqliteWriter(handle) : postgresWriter(options.postgresUrl!);
  const shape = surveyShape(survey);
  const random = makeRng(options.seed);
  const perFacility = Math.floor(options.responses / options.facilities);
  const newestPerFacility = Math.floor(options.newest / options.facilities);
  let counting = 0;
  let writing = 0;
  const rows = { responses: 0, reportCells: 0, rollupCounts: 0 };
  const receivedAt = new Date().toISOString();

  for (const [index, facility] of facilities.entries()) {
    const t0 = performance.now();
    // Cells by quarter and dimension group, then question, then value: the inner keys are the
    // definition's and the answers' own strings, so no key is built per cell.
    const cells = new Map<string, Map<string, Map<string, number>>>();
    const rollups: RollupCell[] = [];
    const responseRows: Array<Record<string, string | number | null>> = [];
    const count = perFacility + (index < options.responses % options.facilities ? 1 : 0);
    for (const response of generateResponses(shape, { count, latest: newestPerFacility, newestQuarter: options.newestQuarter, quarters: options.quarters, random })) {
      const counted = { facilityId: facility.id, timeZone: facility.time_zone, reportedAt: response.reportedAt, status: response.status, mode: response.mode, language: response.language };
      const prefix = `${survey.id}${SEP}${facility.id}${SEP}${reportQuarter(response.reportedAt, facility.time_zone)}${SEP}`;
      let group: Map<string, Map<string, number>> | undefined;
      let groupDimension: string | undefined;
      let groupValue: string | undefined;
      forEachReportCell({ ...counted, survey, source: response.source, answers: response.answers }, (dimension, value, questionId, answerValue) => {
        if (dimension !== groupDimension || value !== groupValue || !group) {
          const outer = prefix + dimension + SEP + value;
          group = cells.get(outer);
          if (!group) cells.set(outer, (group = new Map()));
          groupDimension = dimension;
          groupValue = value;
        }
        let values = group.get(questionId);
        if (!values) group.set(questionId, (values = new Map()));
        values.set(answerValue, (values.get(answerValue) ?? 0) + 1);
      });
      rollups.push(...rollupCellsFor({ ...counted, surveyId: survey.id, surveyVersion: survey.version }));
      responseRows.push(toRow(response, { organisationId, facilityId: facility.id, surveyId: survey.id, surveyVersion: survey.version, receivedAt }));
    }
    const reportRows: ReportRow[] = [];
    for (const [outer, group] of cells) {
      const [surveyId, facilityId, period, dimension, value] = outer.split(SEP) as [string, string, string, string, string];
      for (const [questionId, values] of group) for (const [answerValue, n] of values) reportRows.push([surveyId, facilityId, period, dimension, value, questionId, answerValue, survey.version, n]);
    }
    // In primary-key order, as the server's upserts write them.
    reportRows.sort((a, b) => { for (let c = 0; c < 7; c++) if (a[c] !== b[c]) return a[c]! < b[c]! ? -1 : 1; return 0; });
    const rollupRows = mergeRollupCells(rollups);
    const t1 = performance.now();
    await writer.responses(responseRows);
    await writer.reportCells(reportRows);
    await writer.rollupCells(rollupRows);
    const t2 = performance.now();
    counting += t1 - t0;
    writing += t2 - t1;
    rows.responses += responseRows.length;
    rows.reportCells += reportRows.length;
    rows.rollupCounts += rollupRows.length;
    if ((index + 1) % 10 === 0) options.log(`  ${index + 1}/${facilities.length} facilities, ${rows.responses.toLocaleString('en')} responses, ${rows.reportCells.toLocaleString('en')} report cells, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  const t3 = performance.now();
  for (const [name, on] of SECONDARY_INDEXES) {
    const [table, columns] = on.split(' (') as [string, string];
    await handle.db.schema.createIndex(name).on(table).columns(columns.replace(')', '').split(', ')).execute();
  }
  await writer.finish();
  const done = performance.now();
  return {
    organisationId,
    facilityIds: facilities.map((f) => f.id),
    seconds: { generateAndCount: counting / 1000, write: writing / 1000, indexes: (done - t3) / 1000, total: (done - started) / 1000 },
    rows,
  };
}

function toRow(response: BenchResponse, at: { organisationId: string; facilityId: string; surveyId: string; surveyVersion: number; receivedAt: string }): Record<string, string | number | null> {
  return {
    id: response.id, organisation_id: at.organisationId, facility_id: at.facilityId, enrollment_id: null, survey_id: at.surveyId, survey_version: at.surveyVersion,
    language: response.language, status: response.status, source: response.source, mode: response.mode,
    started_at: new Date(Date.parse(response.reportedAt) - 420_000).toISOString(), completed_at: response.status === 'complete' ? response.reportedAt : null,
    received_at: at.receivedAt, reported_at: response.reportedAt, clock_flagged: 0, answers: JSON.stringify(response.answers), assistance: null,
    content_hash: response.id.replace(/-/g, ''), meta: null,
  };
}
