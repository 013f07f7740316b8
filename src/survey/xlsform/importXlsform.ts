/**
 * XLSForm → Sayso survey definition, with a row-level report: every row that is not in
 * the survey, or is in it with a change, is named with the reason (docs/xlsform.md).
 * Pure: the spreadsheet is read elsewhere (src/server/xlsform/readWorkbook.ts).
 */
import { checkForPublishing } from '../checkForPublishing.ts';
import type { Condition } from '../schema.ts';
import type { Workbook } from './workbook.ts';
import { ImportContext } from './importContext.ts';
import { ChoiceLists } from './readChoiceLists.ts';
import { chooseLanguages, readSettingsSheet, readSurveyFields } from './readSettings.ts';
import { readSurveyRows, type Draft } from './readSurveyRows.ts';
import { resolveRelevance } from './resolveRelevance.ts';
import { sortProblems, type XlsformImport } from './xlsformProblem.ts';
import { findSheet, readSheetTable } from './xlsformSheet.ts';

export type { XlsformImport, XlsformProblem } from './xlsformProblem.ts';

export interface ImportOptions {
  /** Used for the survey id and title when the settings sheet has none. */
  fileName?: string;
  /** The id the new survey gets (else from settings form_id, else the file name). */
  surveyId?: string;
  /** Languages to import (codes); others are left out. Default: every language of the label columns. */
  languages?: string[];
}

/** Sheets an XLSForm may have besides survey, choices and settings, read by other tools and not needed here. */
const KNOWN_SHEETS = new Set(['survey', 'choices', 'settings', 'external_choices', 'entities']);

export function importXlsform(workbook: Workbook, options: ImportOptions = {}): XlsformImport {
  const ctx = new ImportContext();
  const surveySheet = findSheet(workbook, 'survey');
  if (!surveySheet) {
    ctx.add({ sheet: '(file)', severity: 'error', message: `the file has no sheet called "survey" (it has: ${workbook.sheets.map((s) => `"${s.name}"`).join(', ') || 'no sheets'}): an XLSForm keeps its questions on a sheet named "survey"` });
    return { survey: null, publishable: false, problems: ctx.problems, summary: { questions: 0, groups: 0, languages: [], skippedRows: 0 } };
  }
  const table = readSheetTable(surveySheet);
  const settings = readSettingsSheet(workbook);
  chooseLanguages(table, settings, ctx, options.languages);
  const fields = readSurveyFields(settings, ctx, options);
  const lists = new ChoiceLists(workbook, ctx);
  const rows = readSurveyRows(table, lists, ctx);
  const { conditions } = resolveRelevance(rows, ctx);
  lists.reportUnused();
  for (const sheet of workbook.sheets) {
    const name = sheet.name.trim().toLowerCase();
    if (KNOWN_SHEETS.has(name) || sheet.rows.length === 0) continue;
    ctx.add({ sheet: '(file)', severity: 'warning', message: `the sheet "${sheet.name}" is not part of an XLSForm: it was not read` });
  }

  const build = (draft: Draft): Record<string, unknown> => {
    const item: Record<string, unknown> = { ...draft.item };
    const condition: Condition | undefined = conditions.get(draft.id);
    if (condition) item.relevant = condition;
    if (draft.children) item.items = draft.children.map(build);
    return item;
  };
  const survey: Record<string, unknown> = { ...fields, items: rows.items.map(build) };
  if (rows.items.length === 0) {
    ctx.add({ sheet: 'survey', row: table.headerRow, severity: 'error', message: 'no row of the survey sheet could be imported: a Sayso survey needs at least one question' });
  }

  let publishable = !ctx.problems.some((problem) => problem.severity === 'error');
  let result: unknown = survey;
  const parsed = checkForPublishing(survey);
  if (parsed.ok) result = parsed.survey;
  else if (publishable) {
    // The rows gave no error, yet the definition breaks a rule: say so rather than hide it.
    publishable = false;
    for (const problem of parsed.problems) ctx.add({ sheet: '(file)', severity: 'error', message: `the survey made is not valid at ${problem.path}: ${problem.message}` });
  }

  const questions = rows.order.filter((draft) => draft.kind !== 'group').length;
  const groups = rows.order.filter((draft) => draft.kind === 'group').length;
  const problems = sortProblems(ctx.problems);
  return {
    survey: result,
    publishable,
    problems,
    summary: { questions, groups, languages: ctx.languages, skippedRows: problems.filter((p) => p.severity === 'skipped' && p.sheet === 'survey').length },
  };
}
