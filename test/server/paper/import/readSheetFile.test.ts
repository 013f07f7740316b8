import { describe, expect, it } from 'vitest';
import { parseSheetInWorker } from '../../../../src/server/paper/import/parseSheetInWorker.ts';
import { readSheetFile } from '../../../../src/server/paper/import/readSheetFile.ts';
import { makeXlsx } from './makeXlsx.ts';

const text = (t: string) => new TextEncoder().encode(t);

describe('readSheetFile', () => {
  it('tells an XLSX from a CSV by its first bytes, whatever the name says', () => {
    const xlsx = makeXlsx([['serial'], ['000001-9']]);
    expect(readSheetFile(xlsx, 'answers.csv')).toMatchObject({ ok: true, kind: 'xlsx', grid: { header: ['serial'], rows: [{ row: 2, cells: ['000001-9'] }] } });
    expect(readSheetFile(text('serial\n000001-9\n'), 'answers.xlsx')).toMatchObject({ ok: true, kind: 'csv', grid: { rows: [{ row: 2, cells: ['000001-9'] }] } });
  });

  it('refuses legacy .xls (by its bytes or its name), other spreadsheet formats, PDFs and images', () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(readSheetFile(ole, 'answers')).toEqual({ ok: false, message: 'this is an old Excel 97-2003 file (.xls), which is not read: save it as "Excel Workbook (.xlsx)" or "CSV UTF-8" and upload that' });
    expect(readSheetFile(text('serial\n'), 'old.XLS').ok).toBe(false);
    expect(readSheetFile(makeXlsx([['serial']]), 'answers.ods')).toMatchObject({ ok: false, message: expect.stringMatching(/^\.ods files are not read/) });
    expect(readSheetFile(text('%PDF-1.7'), 'scan.csv')).toMatchObject({ ok: false, message: expect.stringMatching(/^this is not a spreadsheet/) });
    expect(readSheetFile(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10]), 'photo.csv').ok).toBe(false);
  });
});

describe('parseSheetInWorker', { timeout: 20_000 }, () => {
  it('reads in a worker thread exactly what the reader reads in place', async () => {
    const xlsx = makeXlsx([['serial', 'comment'], ['000001-9', { inline: 'Çok güzel' }], ['000002-5', { formula: '1+1', value: 2 }]]);
    expect(await parseSheetInWorker(xlsx, 'visit.xlsx')).toEqual(readSheetFile(xlsx, 'visit.xlsx'));
    expect(await parseSheetInWorker(text('serial;a\n"1";"b\nc"\n'), 'x.csv')).toEqual(readSheetFile(text('serial;a\n"1";"b\nc"\n'), 'x.csv'));
  });

  it('runs two files at once and more in turn, each in its own worker', async () => {
    const files = Array.from({ length: 4 }, (_, i) => text(`serial\n${i}\n`));
    const reads = await Promise.all(files.map((bytes) => parseSheetInWorker(bytes, 'x.csv')));
    expect(reads.map((read) => (read.ok ? read.grid.rows[0]!.cells[0] : read.message))).toEqual(['0', '1', '2', '3']);
  });
});
