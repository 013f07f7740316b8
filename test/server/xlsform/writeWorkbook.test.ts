import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../../src/server/xlsform/readWorkbook.ts';
import { writeXlsxWorkbook } from '../../../src/server/xlsform/writeWorkbook.ts';
import type { Workbook } from '../../../src/survey/xlsform/workbook.ts';

const readBack = (workbook: Workbook) => {
  const read = readWorkbook(writeXlsxWorkbook(workbook), 'export.xlsx');
  if (!read.ok) throw new Error(read.message);
  return read.workbook;
};

describe('writeXlsxWorkbook', { timeout: 30_000 }, () => {
  it('writes every sheet and cell as text that reads back the same, row numbers kept', () => {
    const workbook: Workbook = { sheets: [
      { name: 'survey', rows: [
        { row: 1, cells: ['type', 'name', 'label::English (en)', 'label::Arabic (ar)', 'relevant'] },
        { row: 2, cells: ['select_one yes_no', 'q1', 'Is the food <good> & "warm"?', 'هل الطعام جيد؟'] },
        { row: 4, cells: ['integer', 'q2', '=1+1 is a label, not a formula', '', "${q1} = 'yes'"] },
        { row: 5, cells: ['note', 'q3', '  spaces kept  \nand a new line', 'ሰላም 😀'] },
      ] },
      { name: 'choices', rows: [{ row: 1, cells: ['list_name', 'name', 'label'] }, { row: 2, cells: ['yes_no', '1', '01'] }] },
      { name: 'settings', rows: [{ row: 1, cells: ['form_id', 'version'] }, { row: 2, cells: ['resident', '2'] }] },
    ] };
    expect(readBack(workbook)).toEqual(workbook);
  });

  it('drops characters XML cannot hold, and makes sheet names Excel accepts (31 characters, no / ? * [ ], each once)', () => {
    const read = readBack({ sheets: [
      { name: 'a/b?c*[d]', rows: [{ row: 1, cells: ['x\u0001y'] }] },
      { name: 'A/B?C*[D]', rows: [] },
      { name: 'x'.repeat(40), rows: [] },
    ] });
    expect(read.sheets.map((s) => s.name)).toEqual(['a b c  d', 'A B C  D-2', 'x'.repeat(31)]);
    expect(read.sheets[0]!.rows).toEqual([{ row: 1, cells: ['xy'] }]);
  });

  it('shares repeated strings, styles the cells as text and freezes the header row', () => {
    const files = unzipSync(writeXlsxWorkbook({ sheets: [{ name: 'choices', rows: [{ row: 1, cells: ['list_name', 'name'] }, { row: 2, cells: ['faces', '1'] }, { row: 3, cells: ['faces', '2'] }] }] }));
    expect(Object.keys(files)[0]).toBe('[Content_Types].xml');
    expect(strFromU8(files['xl/sharedStrings.xml']!)).toContain('count="6" uniqueCount="5"');
    expect(strFromU8(files['xl/styles.xml']!)).toContain('numFmtId="49"');
    expect(strFromU8(files['xl/worksheets/sheet1.xml']!)).toContain('state="frozen"');
    expect(strFromU8(files['xl/worksheets/sheet1.xml']!)).not.toContain('<f>');
  });

  it('rewrites a real form read from a file into an equal workbook', () => {
    const bytes = readFileSync(join(import.meta.dirname, '../../fixtures/xlsforms/impact-initiatives-hppu_humind__REACH_2024_MSNA-kobo-tool_draft_v11.xlsx'));
    const read = readWorkbook(new Uint8Array(bytes), 'msna.xlsx');
    if (!read.ok) throw new Error(read.message);
    expect(readBack(read.workbook)).toEqual(read.workbook);
  });
});
