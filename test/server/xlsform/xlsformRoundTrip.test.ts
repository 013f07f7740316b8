import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../../src/server/xlsform/readWorkbook.ts';
import { writeXlsxWorkbook } from '../../../src/server/xlsform/writeWorkbook.ts';
import { parseSurvey } from '../../../src/survey/parseSurvey.ts';
import type { SurveyDefinition } from '../../../src/survey/schema.ts';
import { exportXlsform } from '../../../src/survey/xlsform/exportXlsform.ts';
import { importXlsform } from '../../../src/survey/xlsform/importXlsform.ts';

const SURVEYS = join(import.meta.dirname, '../../../public/surveys');
const builtIn = readdirSync(SURVEYS).filter((name) => name.endsWith('.json') && name !== 'index.json');

/** Survey → XLSForm sheets → .xlsx bytes → sheets read from the bytes → survey. */
function throughAFile(survey: SurveyDefinition) {
  const read = readWorkbook(writeXlsxWorkbook(exportXlsform(survey)), `${survey.id}.xlsx`);
  if (!read.ok) throw new Error(read.message);
  return importXlsform(read.workbook);
}

describe('XLSForm export and import through a real .xlsx file', { timeout: 30_000 }, () => {
  it.each(builtIn)('%s comes back the same survey', (name) => {
    const parsed = parseSurvey(JSON.parse(readFileSync(join(SURVEYS, name), 'utf8')));
    if (!parsed.ok) throw new Error(`${name} does not parse`);
    const back = throughAFile(parsed.survey);
    expect(back.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(back.publishable).toBe(true);
    expect(back.survey).toEqual(parsed.survey);
  });

  it('a survey imported from a public XLSForm exports and imports back the same', () => {
    for (const file of ['pyxform__or_other.xlsx', 'pyxform__repeat_date_test.xls']) {
      const read = readWorkbook(new Uint8Array(readFileSync(join(import.meta.dirname, '../../fixtures/xlsforms', file))), file);
      if (!read.ok) throw new Error(read.message);
      const first = importXlsform(read.workbook, { fileName: file });
      const parsed = parseSurvey(first.survey);
      if (!parsed.ok) throw new Error(`${file} made no valid survey`);
      expect(throughAFile(parsed.survey).survey).toEqual(parsed.survey);
    }
  });
});
