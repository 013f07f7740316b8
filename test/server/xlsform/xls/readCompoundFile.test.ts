import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../../../src/server/xlsform/readWorkbook.ts';
import { CompoundFile } from '../../../../src/server/xlsform/xls/readCompoundFile.ts';
import { f64, record, u16, workbook, xlString } from './biffRecords.ts';
import { makeCompoundFile } from './makeCompoundFile.ts';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/xlsforms');

/** A workbook stream with one sheet: a text cell, a number, and optionally a long text to make it large. */
function biff(longText = '') {
  return workbook([], [{ name: 'survey', records: [
    record(0x0204, u16(0), u16(0), u16(0), xlString('type')),
    record(0x0203, u16(1), u16(0), u16(0), f64(7)),
    ...(longText ? [record(0x0204, u16(2), u16(0), u16(0), xlString(longText))] : []),
  ] }]);
}

describe('the compound file container', () => {
  it('reads a small Workbook stream from the mini stream, in version 3 and 4 files', () => {
    for (const version of [3, 4] as const) {
      const file = makeCompoundFile([{ name: 'Workbook', data: biff() }, { name: '\u0005SummaryInformation', data: new Uint8Array(200) }], version);
      expect(readWorkbook(file, 'small.xls')).toEqual({ ok: true, kind: 'xls', workbook: { sheets: [{ name: 'survey', rows: [{ row: 1, cells: ['type'] }, { row: 2, cells: ['7'] }] }] } });
    }
  });

  it('reads a large Workbook stream from regular sectors, in version 3 and 4 files', () => {
    const long = 'x'.repeat(6000);
    for (const version of [3, 4] as const) {
      const read = readWorkbook(makeCompoundFile([{ name: 'Workbook', data: biff(long) }], version), 'large.xls');
      expect(read.ok && read.workbook.sheets[0]!.rows[2]).toEqual({ row: 3, cells: [long] });
    }
  });

  it('reads the small property streams of the real fixtures from their mini streams', () => {
    for (const name of ['pyxform__tutorial.xls', 'pyxform__widgets.xls', 'pyxform__repeat_date_test.xls']) {
      const bytes = new Uint8Array(readFileSync(join(FIXTURES, name)));
      const file = new CompoundFile(bytes);
      const summary = file.rootStreams().find((e) => e.name === '\u0005SummaryInformation')!;
      const data = file.stream('\u0005SummaryInformation', bytes.length)!;
      expect(data.length).toBe(summary.size);
      // A property set starts with its byte order mark, FE FF.
      expect([data[0], data[1]]).toEqual([0xfe, 0xff]);
    }
  });

  it('says an Excel 5/95 file (a "Book" stream) is not read, and a file with no workbook is no workbook', () => {
    expect(readWorkbook(makeCompoundFile([{ name: 'Book', data: new Uint8Array(100) }]), 'old.xls')).toMatchObject({ ok: false, message: expect.stringMatching(/^this .xls file was written by Excel 5\/95 or older/) });
    expect(readWorkbook(makeCompoundFile([{ name: 'WordDocument', data: new Uint8Array(5000) }]), 'letter.doc')).toMatchObject({ ok: false, message: expect.stringMatching(/^this is an Office file but not an Excel workbook/) });
  });

  it('finds a stream name in any case, as the format says', () => {
    expect(readWorkbook(makeCompoundFile([{ name: 'WORKBOOK', data: biff() }]), 'x.xls')).toMatchObject({ ok: true });
  });
});
