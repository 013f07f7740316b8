import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kioskWords } from '../../../src/server/xlsform/kioskWords.ts';
import { exportXlsform } from '../../../src/survey/xlsform/exportXlsform.ts';
import { importXlsform } from '../../../src/survey/xlsform/importXlsform.ts';
import { parseSurvey } from '../../../src/survey/parseSurvey.ts';

const parsed = parseSurvey(JSON.parse(readFileSync('public/surveys/resident-satisfaction.json', 'utf8')));
if (!parsed.ok) throw new Error('the resident survey does not parse');
const resident = parsed.survey;

describe('exported scale choices in the kiosk words', () => {
  it('labels yes and no as the kiosk says them, and still imports back to the same survey', () => {
    const workbook = exportXlsform(resident, { translate: kioskWords });
    const choices = workbook.sheets.find((sheet) => sheet.name === 'choices')!;
    const header = choices.rows[0]!.cells;
    const nameAt = header.indexOf('name');
    const frenchAt = header.findIndex((column) => /^label::.*\(fr\)$/.test(column));
    const yes = choices.rows.find((row) => row.cells[nameAt] === 'yes')!;
    expect(yes.cells[frenchAt]).toBe('Oui');
    expect(importXlsform(workbook).survey).toEqual(resident);
  });
});
