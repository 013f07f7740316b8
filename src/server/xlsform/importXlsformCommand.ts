/**
 * `npm run admin -- import-xlsform FILE... [--dry-run] [--organisation ID] [--id SURVEY_ID]
 * [--languages en,fr] [--json]`: the same import as the staff screen's check, for agencies
 * converting many forms at once. Each file gets its row-level report and a summary of the
 * survey it made (or the survey's JSON); without --dry-run each publishable survey is
 * published as a new version. Throws (exit code 1) at the end when any file was not
 * published, after every file has been reported.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { publishSurveyVersion } from '../queries/surveyVersions.ts';
import type { Item, LocalizedText } from '../../survey/schema.ts';
import { importXlsform, type XlsformImport, type XlsformProblem } from '../../survey/xlsform/importXlsform.ts';
import { readWorkbook } from './readWorkbook.ts';
import { WORKBOOK_LIMITS } from './workbookLimits.ts';

export class XlsformImportFailed extends Error {}

export interface ImportXlsformInput {
  files: string[];
  dryRun: boolean;
  organisationId?: string;
  surveyId?: string;
  languages?: string[];
  json: boolean;
}

type FileOutcome =
  | { file: string; status: 'unreadable'; message: string }
  | { file: string; status: 'published' | 'checked' | 'not_publishable'; kind: 'xlsx' | 'xls'; result: XlsformImport; version?: number };

/** "survey row 12 (relevant) q7: error: ..." — where, then how bad, then what to do. */
export function problemLine(problem: XlsformProblem): string {
  const where = [problem.sheet, problem.row !== undefined ? `row ${problem.row}` : '', problem.column ? `(${problem.column})` : '', problem.name ?? ''].filter(Boolean).join(' ');
  return `${where}: ${problem.severity}: ${problem.message}`;
}

function countsLine(result: XlsformImport): string {
  const count = (severity: XlsformProblem['severity']) => result.problems.filter((p) => p.severity === severity).length;
  const { questions, groups, languages, skippedRows } = result.summary;
  return `${questions} questions in ${groups} groups, languages ${languages.join(', ') || '(none)'}; ${skippedRows} rows skipped; ${count('error')} errors, ${count('skipped')} skipped, ${count('warning')} warnings`;
}

function textOf(text: LocalizedText | undefined, language: string): string {
  if (!text) return '';
  return (text as Record<string, string>)[language] ?? Object.values(text as Record<string, string>)[0] ?? '';
}

/** One line per item, indented under its group: "q7 single (3 choices): How is the food?". */
function itemLines(items: Item[], language: string, depth = 1): string[] {
  return items.flatMap((item) => {
    const pad = '  '.repeat(depth);
    if (item.kind === 'group') return [`${pad}${item.id} group: ${textOf(item.title, language)}`, ...itemLines(item.items, language, depth + 1)];
    const choices = 'choices' in item && Array.isArray(item.choices) ? ` (${item.choices.length} choices)` : '';
    const relevant = item.relevant ? ' [shown when a condition holds]' : '';
    return [`${pad}${item.id} ${item.kind}${choices}${relevant}: ${textOf('text' in item ? (item.text as LocalizedText) : undefined, language).replace(/\s+/g, ' ').slice(0, 100)}`];
  });
}

function surveyLines(survey: unknown): string[] {
  if (!survey || typeof survey !== 'object') return ['No survey was made.'];
  const s = survey as { id?: string; title?: LocalizedText; defaultLanguage?: string; items?: Item[] };
  const language = s.defaultLanguage ?? 'en';
  return [`Survey ${s.id ?? '(no id)'} "${textOf(s.title, language)}":`, ...itemLines(Array.isArray(s.items) ? s.items : [], language)];
}

async function importOne(db: Kysely<Database>, file: string, input: ImportXlsformInput): Promise<FileOutcome> {
  let bytes: Uint8Array;
  try {
    if (statSync(file).size > WORKBOOK_LIMITS.maxBytes) return { file, status: 'unreadable', message: `over ${WORKBOOK_LIMITS.maxBytes / 1024 / 1024} MB, more than any XLSForm needs` };
    bytes = readFileSync(file);
  } catch (error) {
    return { file, status: 'unreadable', message: `cannot read the file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  }
  const read = readWorkbook(bytes, basename(file));
  if (!read.ok) return { file, status: 'unreadable', message: read.message };
  const result = importXlsform(read.workbook, { fileName: basename(file), surveyId: input.surveyId, languages: input.languages });
  if (!result.publishable) return { file, status: 'not_publishable', kind: read.kind, result };
  if (input.dryRun) return { file, status: 'checked', kind: read.kind, result };
  const published = await publishSurveyVersion(db, { organisationId: input.organisationId!, definition: result.survey });
  return { file, status: 'published', kind: read.kind, result, version: published.version };
}

function report(outcome: FileOutcome, log: (line: string) => void): void {
  if (outcome.status === 'unreadable') {
    log(`${outcome.file}: not read: ${outcome.message}`);
    return;
  }
  log(`${outcome.file} (${outcome.kind}): ${countsLine(outcome.result)}`);
  for (const problem of outcome.result.problems) log(`  ${problemLine(problem)}`);
  for (const line of surveyLines(outcome.result.survey)) log(line);
  const id = (outcome.result.survey as { id?: string } | null)?.id;
  if (outcome.status === 'published') log(`Published ${id} version ${outcome.version}; tablets get it with their next bundle`);
  else if (outcome.status === 'checked') log(`Dry run: nothing stored; ${id} can be published`);
  else log(`Not publishable: correct the errors above${outcome.result.problems.some((p) => p.severity === 'error') ? '' : ' (the survey made does not pass the survey checks)'}; nothing stored`);
}

export async function importXlsformFiles(db: Kysely<Database>, input: ImportXlsformInput, out: { log: (line: string) => void }): Promise<void> {
  if (input.organisationId && !input.dryRun) {
    const organisation = await db.selectFrom('organisations').select('id').where('id', '=', input.organisationId).executeTakeFirst();
    if (!organisation) throw new XlsformImportFailed(`no organisation ${input.organisationId} (see list-organisations)`);
  }
  const outcomes: FileOutcome[] = [];
  for (const file of input.files) {
    const outcome = await importOne(db, file, input);
    outcomes.push(outcome);
    if (!input.json) {
      report(outcome, out.log);
      if (input.files.length > 1) out.log('');
    }
  }
  if (input.json) {
    out.log(JSON.stringify(outcomes.map((o) => (o.status === 'unreadable' ? o : { file: o.file, status: o.status, kind: o.kind, version: o.version, ...o.result })), null, 2));
  }
  const count = (status: FileOutcome['status']) => outcomes.filter((o) => o.status === status).length;
  const failed = count('unreadable') + count('not_publishable');
  if (input.files.length > 1 && !input.json) {
    out.log(`${input.files.length} files: ${input.dryRun ? `${count('checked')} publishable` : `${count('published')} published`}, ${count('not_publishable')} with errors, ${count('unreadable')} not read`);
  }
  if (failed > 0) {
    throw new XlsformImportFailed(input.files.length > 1
      ? `${failed} of ${input.files.length} files ${input.dryRun ? 'cannot be published' : 'were not published'}`
      : input.dryRun ? 'the form cannot be published as it is' : 'the form was not published: nothing stored');
  }
}
