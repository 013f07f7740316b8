import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readWorkbook, type WorkbookRead } from '../../../src/server/xlsform/readWorkbook.ts';
import { WORKBOOK_LIMITS, type WorkbookLimits } from '../../../src/server/xlsform/workbookLimits.ts';
import type { Workbook } from '../../../src/survey/xlsform/workbook.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/xlsforms');
const OWN = join(import.meta.dirname, 'fixtures');
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));
const own = (name: string) => new Uint8Array(readFileSync(join(OWN, name)));

function workbookOf(read: WorkbookRead): Workbook {
  if (!read.ok) throw new Error(read.message);
  return read.workbook;
}

const sheet = (workbook: Workbook, name: string) => workbook.sheets.find((s) => s.name === name)!;
const row = (workbook: Workbook, name: string, n: number) => sheet(workbook, name).rows.find((r) => r.row === n)?.cells;
const limits = (changes: Partial<WorkbookLimits>): WorkbookLimits => ({ ...WORKBOOK_LIMITS, ...changes });

describe('readWorkbook on the six public XLSForms', { timeout: 30_000 }, () => {
  it('reads every sheet of each, by its content, with the row numbers a spreadsheet shows', () => {
    const shapes = Object.fromEntries(['pyxform__tutorial.xls', 'pyxform__widgets.xls', 'pyxform__repeat_date_test.xls', 'pyxform__or_other.xlsx',
      'CorrelAid_xlsform2lstsv__testB.xlsx', 'impact-initiatives-hppu_humind__REACH_2024_MSNA-kobo-tool_draft_v11.xlsx'].map((name) => {
      const read = readWorkbook(fixture(name), 'upload.bin');
      return [name, read.ok ? `${read.kind} ${read.workbook.sheets.map((s) => `${s.name}:${s.rows.length}`).join(' ')}` : read.message];
    }));
    expect(shapes).toEqual({
      'pyxform__tutorial.xls': 'xls survey:13 choices:8',
      'pyxform__widgets.xls': 'xls survey:41 choices:19 settings:2',
      'pyxform__repeat_date_test.xls': 'xls survey:8 choices:19',
      'pyxform__or_other.xlsx': 'xlsx survey:3 choices:6',
      'CorrelAid_xlsform2lstsv__testB.xlsx': 'xlsx NOTES:7 projects:3 roles:24 choices_fixed:22 survey_roles:4 survey_skills:58 survey_end:16 choices:37 settings:2 survey:65',
      'impact-initiatives-hppu_humind__REACH_2024_MSNA-kobo-tool_draft_v11.xlsx': 'xlsx README:2 survey:322 choices:452 backup expenditure:11',
    });
  });

  it('gives cells as text: a date cell as YYYY-MM-DD, a boolean as TRUE/FALSE, numbers in their shortest form', () => {
    const tutorial = workbookOf(readWorkbook(fixture('pyxform__tutorial.xls'), 'tutorial.xls'));
    expect(row(tutorial, 'survey', 1)).toEqual(['tutorial notes', 'type', 'name', 'label', 'bind:relevant', 'bind:constraint']);
    const dates = workbookOf(readWorkbook(fixture('pyxform__repeat_date_test.xls'), 'x'));
    // pyxform's own test: a label typed into a date cell.
    expect(row(dates, 'survey', 2)).toEqual(['note', '', '', '2012-12-12']);
    expect(row(workbookOf(readWorkbook(fixture('pyxform__widgets.xls'), 'x')), 'settings', 2)).toEqual(['FALSE']);
  });

  it('reads the same cells from an .xls as from the .xlsx it was saved from, on two large real forms', () => {
    for (const [xls, xlsx] of [['REACH_2024_MSNA.libreoffice.xls', 'impact-initiatives-hppu_humind__REACH_2024_MSNA-kobo-tool_draft_v11.xlsx'], ['CorrelAid_testB.libreoffice.xls', 'CorrelAid_xlsform2lstsv__testB.xlsx']] as const) {
      const fromXls = readWorkbook(own(xls), xls);
      expect(fromXls.ok && fromXls.kind).toBe('xls');
      expect(workbookOf(fromXls)).toEqual(workbookOf(readWorkbook(fixture(xlsx), xlsx)));
    }
    expect(sheet(workbookOf(readWorkbook(own('REACH_2024_MSNA.libreoffice.xls'), 'x')), 'choices').rows.length).toBe(452);
  });

  it('reads each kind of cell alike from .xls and .xlsx: numbers, dates, formulas, Arabic, Tigrinya, texts across record boundaries', () => {
    const xls = workbookOf(readWorkbook(own('cell-types.xls'), 'x'));
    const xlsx = workbookOf(readWorkbook(own('cell-types.xlsx'), 'x'));
    const expected = (formulaText: string) => [
      ['type', 'value'], ['integer', '3'], ['decimal', '2.5'], ['negative', '-1234567.89'], ['date', '2024-03-05'],
      // LibreOffice stores a boolean as 1 with a TRUE/FALSE format.
      ['boolean', '1'], ['formula number', '42'], ['formula text', formulaText], ['arabic', 'هل أنت راضٍ؟'], ['tigrinya', 'ሰላም'],
      ['long arabic', ('مرحبا بكم في المركز '.repeat(500)).slice(0, 9000)], ['long latin', `${'abcdefghij'.repeat(950)}é`], ['fraction', '0.1'],
      ['after gap', '', 'third column'],
    ];
    // In .xls, LibreOffice keeps no cached text for a text formula; .xlsx has it.
    expect(sheet(xls, 'survey').rows.map((r) => r.cells)).toEqual(expected('0'));
    expect(sheet(xlsx, 'survey').rows.map((r) => r.cells)).toEqual(expected('yes_no'));
    expect(sheet(xls, 'survey').rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15]);
    expect(sheet(xls, 'choices')).toEqual(sheet(xlsx, 'choices'));
  });
});

describe('readWorkbook refuses what it should, saying what to do', () => {
  it('sniffs by content: an .xlsx named .xls is read, a CSV named .xlsx is not', () => {
    expect(readWorkbook(fixture('pyxform__or_other.xlsx'), 'form.xls')).toMatchObject({ ok: true, kind: 'xlsx' });
    expect(readWorkbook(strToU8('type,name,label\ntext,q1,Name\n'), 'form.xlsx')).toEqual({ ok: false, reason: 'unsupported', message: 'this is not an Excel workbook (.xlsx or .xls); a CSV or text file is not read: open it in your spreadsheet program and save it as "Excel Workbook (.xlsx)"' });
  });

  it('names OpenDocument, XLSB, Word, PDF and XML files for what they are', () => {
    const ods = zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': strToU8('<x/>') });
    const xlsb = zipSync({ '[Content_Types].xml': strToU8('<x/>'), 'xl/workbook.bin': new Uint8Array(4) });
    const docx = zipSync({ '[Content_Types].xml': strToU8('<x/>'), 'word/document.xml': strToU8('<x/>') });
    const reasons = [ods, xlsb, docx, strToU8('%PDF-1.7'), strToU8('<?xml version="1.0"?><h:html/>')].map((bytes) => readWorkbook(bytes, 'f'));
    expect(reasons.map((r) => (r.ok ? 'read' : `${r.reason}: ${r.message.split(':')[0]}`))).toEqual([
      'unsupported: this is an OpenDocument spreadsheet (.ods), which is not read',
      'unsupported: this is an Excel binary workbook (.xlsb), which is not read',
      'unsupported: this is a Word document, not a spreadsheet',
      'unsupported: this is a PDF, not a spreadsheet',
      'unsupported: this is an XML file (an XForm or an Excel 2003 XML sheet?), not an XLSForm workbook',
    ]);
  });

  it('refuses a file over 10 MB before reading it, and an empty one', () => {
    expect(readWorkbook(new Uint8Array(10 * 1024 * 1024 + 1), 'big.xlsx')).toMatchObject({ ok: false, reason: 'too_large' });
    expect(readWorkbook(new Uint8Array(0), 'empty.xlsx')).toEqual({ ok: false, reason: 'broken', message: 'the file is empty' });
  });

  it('stops at the caps on sheets, rows, columns and text, in both formats', () => {
    for (const name of ['cell-types.xls', 'cell-types.xlsx']) {
      const bytes = own(name);
      const refusal = (changes: Partial<WorkbookLimits>) => {
        const read = readWorkbook(bytes, name, limits(changes));
        return read.ok ? 'read' : read.message;
      };
      expect(refusal({ maxSheets: 1 })).toBe('the workbook has 2 sheets, more than the 1 an XLSForm could need (survey, choices, settings): check it is the right file');
      expect(refusal({ maxRows: 10 })).toBe('the sheet "survey" has more than 10 rows, more than any XLSForm needs: check it is the right file');
      expect(refusal({ maxColumns: 2 })).toBe('the sheet "survey" has a cell beyond column 2, more than any XLSForm needs: delete the far columns or check it is the right file');
      expect(refusal({ maxTextChars: 1024 * 1024 / 100 })).toMatch(/^the workbook holds more than 0 MB of text/);
      expect(refusal({})).toBe('read');
    }
  });

  it('refuses a zip bomb by its declared unpacked size', () => {
    const bomb = zipSync({ 'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="survey" r:id="rId1"/></sheets></workbook>'), 'xl/worksheets/sheet1.xml': new Uint8Array(2 * 1024 * 1024) });
    expect(readWorkbook(bomb, 'bomb.xlsx', limits({ maxUnzippedBytes: 1024 * 1024 }))).toEqual({ ok: false, reason: 'broken', message: 'the workbook unpacks to more than 1 MB, more than any XLSForm needs: check it is the right file' });
  });

  it('refuses a DOCTYPE in any part (no entity expansion)', () => {
    const files = { 'xl/workbook.xml': strToU8('<!DOCTYPE x [<!ENTITY a "aaaa">]><workbook><sheets><sheet name="survey"/></sheets></workbook>') };
    expect(readWorkbook(zipSync(files), 'x.xlsx')).toMatchObject({ ok: false, reason: 'broken', message: expect.stringContaining('declares a DOCTYPE') });
  });
});
