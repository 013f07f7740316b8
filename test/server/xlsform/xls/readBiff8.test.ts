import { describe, expect, it } from 'vitest';
import { readBiff8, rkNumber } from '../../../../src/server/xlsform/xls/readBiff8.ts';
import { WORKBOOK_LIMITS } from '../../../../src/server/xlsform/workbookLimits.ts';
import { bof, concat, eof, f64, latin, record, u16, u32, wide, workbook, xlString } from './biffRecords.ts';

const cells = (stream: Uint8Array) => readBiff8(stream, WORKBOOK_LIMITS).sheets.map((s) => [s.name, s.rows.map((r) => [r.row, ...r.cells])]);

describe('readBiff8', () => {
  it('decodes RK numbers: integers, doubles and hundredths', () => {
    expect(rkNumber((5 << 2) | 2)).toBe(5);
    expect(rkNumber((-3 << 2) | 2)).toBe(-3);
    expect(rkNumber((1234 << 2) | 3)).toBe(12.34);
    // 2.5 is 0x4004000000000000: its top 32 bits are the RK.
    expect(rkNumber(0x40040000)).toBe(2.5);
    expect(rkNumber(0x40040000 | 1)).toBe(0.025);
  });

  it('reads shared strings split across CONTINUE records, switching between one- and two-byte characters', () => {
    const arabic = 'هل أنت راضٍ؟';
    // String 0 starts compressed in the SST and goes on, as two-byte characters, in a CONTINUE.
    const sst = record(0x00fc, u32(3), u32(3), u16(6), [0], latin('abc'));
    const cont = record(0x003c, [1], wide('déf'), xlString(arabic));
    // String 2 has rich-text runs and a phonetic block that are skipped.
    const cont2 = record(0x003c, u16(4), [0x0c], u16(1), u32(3), latin('rich'), u32(0), [9, 9, 9]);
    const sheet = [
      record(0x00fd, u16(0), u16(0), u16(0), u32(0)),
      record(0x00fd, u16(0), u16(1), u16(0), u32(1)),
      record(0x00fd, u16(1), u16(0), u16(0), u32(2)),
      // A string index past the table reads as an empty cell.
      record(0x00fd, u16(1), u16(3), u16(0), u32(99)),
    ];
    expect(cells(workbook([sst, cont, cont2], [{ name: 'survey', records: sheet }]))).toEqual([['survey', [[1, 'abcdéf', arabic], [2, 'rich']]]]);
  });

  it('reads numbers, booleans, errors, MULRK, LABEL, and a formula by its cached result (text from the STRING record)', () => {
    const sheet = [
      record(0x0203, u16(0), u16(0), u16(0), f64(2.5)),
      record(0x027e, u16(0), u16(1), u16(0), u32((7 << 2) | 2)),
      record(0x00bd, u16(1), u16(0), u16(0), u32((1 << 2) | 2), u16(0), u32((2 << 2) | 2), u16(0), u32((3 << 2) | 2), u16(2)),
      record(0x0205, u16(2), u16(0), u16(0), [1, 0]),
      record(0x0205, u16(2), u16(1), u16(0), [0x2a, 1]),
      record(0x0204, u16(3), u16(0), u16(0), xlString('ሰላም')),
      // FORMULA: a number result, then a text result whose text follows in STRING (+ CONTINUE).
      record(0x0006, u16(4), u16(0), u16(0), f64(42), u16(0), u32(0), u16(0)),
      record(0x0006, u16(4), u16(1), u16(0), [0, 0, 0, 0, 0, 0, 0xff, 0xff], u16(0), u32(0), u16(0)),
      record(0x0207, u16(6), [0], latin('yes')),
      record(0x003c, [0], latin('_no')),
      record(0x0006, u16(4), u16(2), u16(0), [1, 0, 1, 0, 0, 0, 0xff, 0xff], u16(0), u32(0), u16(0)),
      record(0x0006, u16(4), u16(3), u16(0), [3, 0, 0, 0, 0, 0, 0xff, 0xff], u16(0), u32(0), u16(0)),
    ];
    expect(cells(workbook([], [{ name: 's', records: sheet }]))).toEqual([['s', [
      [1, '2.5', '7'], [2, '1', '2', '3'], [3, 'TRUE', '#N/A'], [4, 'ሰላም'], [5, '42', 'yes_no', 'TRUE'],
    ]]]);
  });

  it('reads a number as a date when its XF has a date format, built-in or custom, in the 1900 and the 1904 date systems', () => {
    const globals = (mode: number) => [
      record(0x0022, u16(mode)),
      record(0x041e, u16(164), xlString('dd/mm/yyyy')),
      record(0x041e, u16(165), xlString('0.00" days"')),
      record(0x00e0, u16(0), u16(0), new Array(16).fill(0)),
      record(0x00e0, u16(0), u16(14), new Array(16).fill(0)),
      record(0x00e0, u16(0), u16(164), new Array(16).fill(0)),
      record(0x00e0, u16(0), u16(165), new Array(16).fill(0)),
    ];
    const sheet = [0, 1, 2, 3].map((xf) => record(0x0203, u16(0), u16(xf), u16(xf), f64(41255)));
    expect(cells(workbook(globals(0), [{ name: 's', records: sheet }]))).toEqual([['s', [[1, '41255', '2012-12-12', '2012-12-12', '41255']]]]);
    expect(cells(workbook(globals(1), [{ name: 's', records: sheet }]))).toEqual([['s', [[1, '41255', '2016-12-13', '2016-12-13', '41255']]]]);
  });

  it('passes over a chart embedded in a sheet and sheets that are charts, keeps the rows in order', () => {
    const chart = [bof(0x20), record(0x0203, u16(9), u16(0), u16(0), f64(1)), eof()];
    const sheet = [record(0x0203, u16(5), u16(0), u16(0), f64(6)), ...chart, record(0x0203, u16(0), u16(0), u16(0), f64(1))];
    expect(cells(workbook([], [{ name: 'survey', records: sheet }, { name: 'Chart1', kind: 0x20, records: [] }]))).toEqual([['survey', [[1, '1'], [6, '6']]]]);
  });

  it('refuses encrypted and Excel 5 workbooks, and streams cut short, with what to do', () => {
    const message = (stream: Uint8Array) => { try { readBiff8(stream, WORKBOOK_LIMITS); return 'read'; } catch (error) { return (error as Error).message; } };
    expect(message(workbook([record(0x002f, u16(1))], []))).toBe('this .xls file is protected by a password: open it, remove the password, and save it as "Excel Workbook (.xlsx)"');
    expect(message(concat([record(0x0809, u16(0x0500), u16(5)), eof()]))).toMatch(/^this .xls file was written by Excel 5\/95 or older/);
    expect(message(new Uint8Array([1, 2, 3]))).toMatch(/^this .xls file is not an Excel 97-2003 workbook/);
    const whole = workbook([], [{ name: 'survey', records: [record(0x0203, u16(0), u16(0), u16(0), f64(1))] }]);
    expect(message(whole.subarray(0, whole.length - 4))).toBe('the .xls file is damaged (the sheet "survey" has no end: the file is cut short): open it in your spreadsheet program and save it again as "Excel Workbook (.xlsx)"');
    expect(message(whole.subarray(0, whole.length - 10))).toMatch(/a record runs past the end of the workbook/);
    const sst = record(0x00fc, u32(1), u32(1), u16(50), [0], latin('short'));
    expect(message(workbook([sst], [{ name: 's', records: [] }]))).toMatch(/a text record is cut short/);
  });
});
