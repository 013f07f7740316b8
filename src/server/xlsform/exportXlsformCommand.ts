/** `npm run admin -- export-xlsform --organisation ID --survey ID [--version N] --out FILE`: a published version as an XLSForm. */
import { writeFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { currentSurveyVersions, getSurveyVersion } from '../queries/surveyVersions.ts';
import { exportXlsform } from '../../survey/xlsform/exportXlsform.ts';
import { kioskWords } from './kioskWords.ts';
import { writeXlsxWorkbook } from './writeWorkbook.ts';

export class XlsformExportFailed extends Error {}

export async function exportXlsformFile(db: Kysely<Database>, input: { organisationId: string; surveyId: string; version?: number; out: string }, log: (line: string) => void): Promise<void> {
  const survey = input.version === undefined
    ? (await currentSurveyVersions(db, input.organisationId)).find((s) => s.id === input.surveyId)
    : await getSurveyVersion(db, input.organisationId, input.surveyId, input.version);
  if (!survey) throw new XlsformExportFailed(`organisation ${input.organisationId} has no survey ${input.surveyId}${input.version === undefined ? '' : ` version ${input.version}`}`);
  const workbook = exportXlsform(survey, { translate: kioskWords });
  const bytes = writeXlsxWorkbook(workbook);
  try {
    writeFileSync(input.out, bytes);
  } catch (error) {
    throw new XlsformExportFailed(`cannot write ${input.out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  log(`Wrote ${input.out}: ${survey.id} version ${survey.version} as an XLSForm (sheets ${workbook.sheets.map((s) => s.name).join(', ')}; ${bytes.length} bytes)`);
}
