/**
 * `npm run admin -- import-paper FILE --facility ID [--dry-run] [--only-clean]`: the same
 * import as the staff screen, entered by "cli", with the report printed one problem a line.
 * Throws (exit code 1) when problems stop the import, after printing them.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ImportReport } from './importReport.ts';
import { runPaperImport } from './runPaperImport.ts';
import { IMPORT_LIMITS } from './sheetGrid.ts';

export class PaperImportRefused extends Error {}

export function reportLines(report: ImportReport): string[] {
  const lines = [
    `${report.fileName}: ${report.surveyId ? `survey ${report.surveyId} version ${report.surveyVersion}, ` : ''}${report.rows} rows: ${report.cleanRows} clean, ${report.duplicateRows} already received, ${report.problemRows} with problems`,
  ];
  for (const problem of report.fileProblems) lines.push(`File: ${problem}`);
  for (const problem of report.problems) lines.push(`Row ${problem.row}${problem.column ? `, ${problem.column}` : ''}: ${problem.message}`);
  if (report.problemCount > report.problems.length) lines.push(`... and ${report.problemCount - report.problems.length} more problems`);
  return lines;
}

export async function importPaperFile(db: Kysely<Database>, input: { file: string; facilityId: string; dryRun: boolean; onlyClean: boolean }, out: { log: (line: string) => void }): Promise<void> {
  const facility = await db.selectFrom('facilities').select(['id', 'organisation_id', 'time_zone']).where('id', '=', input.facilityId).executeTakeFirst();
  if (!facility) throw new PaperImportRefused(`no facility ${input.facilityId} (see list-facilities)`);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(input.file);
  } catch (error) {
    throw new PaperImportRefused(`cannot read ${input.file}: ${(error as Error).message}`);
  }
  if (bytes.length > IMPORT_LIMITS.maxBytes) throw new PaperImportRefused(`${input.file} is over ${IMPORT_LIMITS.maxBytes / 1024 / 1024} MB: split it into smaller files`);
  const outcome = await runPaperImport(db, { organisationId: facility.organisation_id, facility, staffId: 'cli' }, { fileName: basename(input.file), bytes, dryRun: input.dryRun, onlyClean: input.onlyClean });
  if (outcome.kind === 'unsupported') throw new PaperImportRefused(`${input.file}: ${outcome.message}`);
  for (const line of reportLines(outcome.report)) out.log(line);
  if (outcome.kind === 'blocked') {
    throw new PaperImportRefused(outcome.report.fileProblems.length
      ? 'the file has problems as a whole: nothing was imported'
      : 'rows have problems: nothing was imported. Correct them, or add --only-clean to import the clean rows');
  }
  if (input.dryRun) out.log(`Dry run: nothing imported${outcome.report.cleanRows ? `; ${outcome.report.cleanRows} rows would be imported` : ''}`);
  else out.log(`Imported ${outcome.report.imported} new sheets as responses (import ${outcome.report.importId})`);
}
