/**
 * A read file of paper answers → the import report and the sheets that may be stored.
 * Every row goes through the same checker as a keyed entry (makePaperChecker), so an
 * import and the keyboard accept exactly the same sheets. Problems are collected per row
 * and column; nothing here writes.
 */
import type { Kysely } from 'kysely';
import { makeUuidV7 } from '../../../survey/makeUuidV7.ts';
import { readPaperCell } from '../../../survey/paper/paperAnswers.ts';
import type { PaperEntry } from '../../../survey/paper/paperEntry.ts';
import { formatSerial, parseSerial } from '../../../survey/paper/paperSerial.ts';
import type { Database } from '../../db/schema.ts';
import { storedContentHashes } from '../../queries/writeResponses.ts';
import { getSurveyVersion } from '../../queries/surveyVersions.ts';
import { localDay } from '../../rollupCells.ts';
import { makePaperChecker, type CheckedSheet, type PaperContext } from '../checkPaperSheet.ts';
import { MAX_LISTED_PROBLEMS, type ImportProblem, type ImportReport } from './importReport.ts';
import { readFixedColumns, readQuestionColumns } from './readImportHeader.ts';
import { columnLetters, type GridRow, type SheetGrid } from './sheetGrid.ts';

export interface CheckedImport {
  report: ImportReport;
  /** The clean rows' sheets, new ones only (duplicates left out), in file order. */
  sheets: CheckedSheet[];
}

type Batch = Pick<Database['paper_batches'], 'first_serial' | 'count' | 'survey_id' | 'survey_version' | 'language'>;

function batchOf(batches: readonly Batch[], serial: number): Batch | undefined {
  return batches.find((b) => serial >= b.first_serial && serial < b.first_serial + b.count);
}

/** YYYY-MM-DD that is a real day. */
function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** Which column a refusal of the checker belongs to. */
const COLUMN_OF_CODE: Record<string, 'serial' | 'language' | undefined> = {
  unknown_serial: 'serial', wrong_survey: 'serial', serial_used: 'serial', wrong_language: 'language',
};

export async function checkImportFile(db: Kysely<Database>, context: PaperContext, fileName: string, grid: SheetGrid, now = new Date()): Promise<CheckedImport> {
  const columns = grid.header.map((h) => h.trim());
  const report: ImportReport = {
    fileName, surveyId: null, surveyVersion: null, rows: grid.rows.length, columns,
    cleanRows: 0, duplicateRows: 0, problems: [], problemCount: 0, problemRows: 0, fileProblems: [...grid.fileProblems],
  };
  if (report.fileProblems.length) return { report, sheets: [] };
  if (grid.rows.length === 0) {
    report.fileProblems.push('the file has headings but no rows of answers');
    return { report, sheets: [] };
  }
  const fixed = readFixedColumns(columns);
  if (!fixed.ok) {
    report.fileProblems.push(...fixed.problems);
    return { report, sheets: [] };
  }
  const serialHeading = columns[fixed.columns.serial]!;

  // The survey version is the one the serials were printed for: one per file.
  const batches: Batch[] = await db.selectFrom('paper_batches').select(['first_serial', 'count', 'survey_id', 'survey_version', 'language'])
    .where('facility_id', '=', context.facility.id).where('organisation_id', '=', context.organisationId).orderBy('first_serial').execute();
  const serials = grid.rows.map((row) => parseSerial(row.cells[fixed.columns.serial] ?? ''));
  const versions = new Map<string, { surveyId: string; version: number; rows: number }>();
  serials.forEach((parsed) => {
    const batch = parsed.ok ? batchOf(batches, parsed.serial) : undefined;
    if (!batch) return;
    const key = `${batch.survey_id}@${batch.survey_version}`;
    const seen = versions.get(key) ?? { surveyId: batch.survey_id, version: batch.survey_version, rows: 0 };
    seen.rows += 1;
    versions.set(key, seen);
  });
  if (versions.size === 0) {
    report.fileProblems.push('no row has a serial printed for this facility: check the facility chosen, and that the serial column holds the numbers printed on the sheets (such as 000123-4)');
    return { report, sheets: [] };
  }
  if (versions.size > 1) {
    const named = [...versions.values()].map((v) => `${v.surveyId} version ${v.version} (${v.rows} rows)`).join(', ');
    report.fileProblems.push(`the sheets of this file were printed for ${versions.size} survey versions: ${named}. Put each survey version in a file of its own`);
    return { report, sheets: [] };
  }
  const { surveyId, version } = [...versions.values()][0]!;
  report.surveyId = surveyId;
  report.surveyVersion = version;
  const survey = await getSurveyVersion(db, context.organisationId, surveyId, version);
  if (!survey) {
    report.fileProblems.push(`survey ${surveyId} version ${version} is not published in this organisation`);
    return { report, sheets: [] };
  }
  const questionColumns = readQuestionColumns(columns, survey);
  if (!questionColumns.ok) {
    report.fileProblems.push(...questionColumns.problems);
    return { report, sheets: [] };
  }

  const check = await makePaperChecker(db, context);
  const today = localDay(now.toISOString(), context.facility.time_zone);
  const keyedAt = now.toISOString();
  const firstRowOfSerial = new Map<number, number>();
  const problems: ImportProblem[] = [];
  const dirtyRows = new Set<number>();
  const candidates: Array<{ row: number; sheet: CheckedSheet }> = [];
  const problem = (row: number, column: string, message: string) => {
    problems.push({ row, column, message });
    dirtyRows.add(row);
  };

  for (let index = 0; index < grid.rows.length; index += 1) {
    // Thousands of rows are checked in slices, so other requests are answered in between.
    if (index % 250 === 249) await new Promise((resolve) => setImmediate(resolve));
    const gridRow: GridRow = grid.rows[index]!;
    const { row, cells } = gridRow;
    const ref = (column: number) => `${columnLetters(column)}${row}`;
    const formulas = new Set(gridRow.formulas ?? []);
    for (const column of formulas) problem(row, columns[column] ?? '', `${ref(column)} holds a formula; paste values only`);
    cells.forEach((cell, column) => {
      if ((columns[column] ?? '') === '' && cell.trim() !== '' && !formulas.has(column)) problem(row, '', `${ref(column)} holds "${cell.trim().slice(0, 40)}" but its column has no heading`);
    });

    const parsed = serials[index]!;
    const serialText = (cells[fixed.columns.serial] ?? '').trim();
    let serial: number | undefined;
    let batch: Batch | undefined;
    if (formulas.has(fixed.columns.serial)) {
      // said above
    } else if (!parsed.ok) {
      problem(row, serialHeading, serialText === ''
        ? 'no serial: write the number printed on the sheet, such as 000123-4'
        : parsed.reason === 'check-digit'
          ? `"${serialText}" is not a printed serial: its check digit does not match (a digit mistyped or two swapped?)`
          : `"${serialText}" is not a serial: write it as printed, such as 000123-4`);
    } else {
      serial = parsed.serial;
      batch = batchOf(batches, serial);
      const earlier = firstRowOfSerial.get(serial);
      if (!batch) problem(row, serialHeading, `${formatSerial(serial)} was never printed for this facility`);
      else if (earlier !== undefined) problem(row, serialHeading, `${formatSerial(serial)} is also on row ${earlier}: each sheet once`);
      else firstRowOfSerial.set(serial, row);
    }

    let filledOn = today;
    if (fixed.columns.filledOn !== undefined && !formulas.has(fixed.columns.filledOn)) {
      const written = (cells[fixed.columns.filledOn] ?? '').trim();
      const heading = columns[fixed.columns.filledOn]!;
      if (written !== '') {
        if (!isDay(written)) problem(row, heading, `"${written.slice(0, 40)}" is not a date: write the day the sheet was filled in as YYYY-MM-DD, such as 2026-11-24`);
        else if (written > today) problem(row, heading, `${written} is after today`);
        else filledOn = written;
      }
    }
    let language = batch?.language ?? survey.defaultLanguage;
    if (fixed.columns.language !== undefined && !formulas.has(fixed.columns.language)) {
      const written = (cells[fixed.columns.language] ?? '').trim();
      if (written !== '') {
        if (batch && written !== batch.language) problem(row, columns[fixed.columns.language]!, `${formatSerial(serial!)} was printed in ${batch.language}, not ${written}`);
        language = written;
      }
    }

    const answers: PaperEntry['answers'] = {};
    const unreadable: string[] = [];
    for (const [column, question] of questionColumns.questions) {
      if (formulas.has(column)) continue;
      const read = readPaperCell(question, cells[column] ?? '');
      if (read.kind === 'value') answers[question.id] = read.value;
      else if (read.kind === 'unreadable') unreadable.push(question.id);
      else if (read.kind === 'error') problem(row, columns[column]!, `${ref(column)}: ${read.message}`);
    }
    if (dirtyRows.has(row) || serial === undefined || !batch) continue;

    const entry: PaperEntry = {
      entryId: makeUuidV7(now.getTime()), facilityId: context.facility.id, surveyId, surveyVersion: version, language,
      serial, filledOn, answers, unreadable, keyedAt,
    };
    const checked = await check(entry);
    if (!checked.ok) {
      const column = COLUMN_OF_CODE[checked.code];
      problem(row, column === 'serial' ? serialHeading : column === 'language' && fixed.columns.language !== undefined ? columns[fixed.columns.language]! : '', checked.message);
      continue;
    }
    candidates.push({ row, sheet: checked.sheet });
  }

  // Sheets already received: the same answers are duplicates (a file sent twice); others keep the first entry.
  const stored = await storedContentHashes(db, candidates.map((c) => c.sheet.responseId));
  const sheets: CheckedSheet[] = [];
  for (const { row, sheet } of candidates) {
    const hash = stored.get(sheet.responseId);
    if (hash === undefined) sheets.push(sheet);
    else if (hash === sheet.contentHash) report.duplicateRows += 1;
    else problem(row, serialHeading, `sheet ${formatSerial(sheet.entry.serial)} of this facility was already entered with other answers`);
  }
  problems.sort((a, b) => a.row - b.row);
  report.problemCount = problems.length;
  report.problems = problems.slice(0, MAX_LISTED_PROBLEMS);
  report.problemRows = dirtyRows.size;
  report.cleanRows = sheets.length;
  return { report, sheets };
}
