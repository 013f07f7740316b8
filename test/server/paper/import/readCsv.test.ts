import { describe, expect, it } from 'vitest';
import { detectSeparator, readCsv, readCsvText } from '../../../../src/server/paper/import/readCsv.ts';
import { SAVE_AS_UTF8 } from '../../../../src/server/paper/import/decodeCsvText.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out[2 + i * 2 + (endian === 'le' ? 0 : 1)] = code & 0xff;
    out[2 + i * 2 + (endian === 'le' ? 1 : 0)] = code >> 8;
  }
  return out;
}
const limits = (over: Partial<{ maxRows: number; maxColumns: number }>) => ({ maxBytes: 1e9, maxRows: 10_000, maxColumns: 500, maxUnzippedBytes: 1e9, ...over });

describe('readCsv', () => {
  it('reads quoted cells with separators, doubled quotes and line breaks inside, CRLF or LF', () => {
    const grid = readCsvText('serial,comment,room.satisfied\r\n000001-9,"Cold, and ""noisy""\r\nat night",1\n000002-5,plain,2\r\n');
    expect(grid.fileProblems).toEqual([]);
    expect(grid.header).toEqual(['serial', 'comment', 'room.satisfied']);
    expect(grid.rows).toEqual([
      { row: 2, cells: ['000001-9', 'Cold, and "noisy"\r\nat night', '1'] },
      { row: 3, cells: ['000002-5', 'plain', '2'] },
    ]);
  });

  it('takes the separator from the header line: comma, semicolon (much of Europe) or tab', () => {
    expect(detectSeparator('serial;a;b\n1,5;2;3')).toBe(';');
    expect(detectSeparator('serial\ta\tb\n')).toBe('\t');
    expect(detectSeparator('serial,a\n1;2;3;4')).toBe(',');
    expect(detectSeparator('"x;y",a,b\n')).toBe(',');
    expect(readCsvText('serial;note\n000001-9;1,5 kg').rows[0]!.cells).toEqual(['000001-9', '1,5 kg']);
    expect(readCsvText('serial\tnote\n000001-9\ta, b').rows[0]!.cells).toEqual(['000001-9', 'a, b']);
  });

  it('skips empty rows but keeps the spreadsheet row numbers, and a last line without a line break', () => {
    const grid = readCsvText('\nserial,a\n\n,\n000001-9,x');
    expect(grid.header).toEqual(['serial', 'a']);
    expect(grid.rows).toEqual([{ row: 5, cells: ['000001-9', 'x'] }]);
  });

  it('reads UTF-8 with and without a BOM, and UTF-16 LE and BE with a BOM', () => {
    const text = 'serial,comment\n000001-9,Ça va مرحبا\n';
    const expected = ['000001-9', 'Ça va مرحبا'];
    expect(readCsv(utf8(text)).rows[0]!.cells).toEqual(expected);
    expect(readCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)])).header).toEqual(['serial', 'comment']);
    expect(readCsv(utf16(text, 'le')).rows[0]!.cells).toEqual(expected);
    expect(readCsv(utf16(text, 'be')).rows[0]!.cells).toEqual(expected);
  });

  it('refuses text that is not UTF-8 (Windows-1252 "é", UTF-16 without BOM) and says to save as CSV UTF-8', () => {
    const latin1 = new Uint8Array([...utf8('serial,comment\n000001-9,caf'), 0xe9, 0x0a]);
    expect(readCsv(latin1)).toEqual({ header: [], rows: [], fileProblems: [SAVE_AS_UTF8] });
    expect(SAVE_AS_UTF8).toContain('"CSV UTF-8');
    expect(readCsv(utf16('serial\n', 'le').subarray(2)).fileProblems).toEqual([SAVE_AS_UTF8]);
  });

  it('says where a quoted cell never ends, and that an empty file has no headings', () => {
    expect(readCsvText('serial,a\n000001-9,ok\n000002-5,"never closed\n').fileProblems).toEqual([
      'a quoted cell that starts on row 3 never ends: check for a missing closing quote (")',
    ]);
    expect(readCsvText('').fileProblems[0]).toMatch(/^the file is empty/);
    expect(readCsv(new Uint8Array([0xef, 0xbb, 0xbf])).fileProblems[0]).toMatch(/^the file is empty/);
  });

  it('stops reading at the row limit and says so, without reading the rest', () => {
    const lines = ['serial,a', ...Array.from({ length: 100_000 }, (_, i) => `${i},x`)].join('\n');
    const started = performance.now();
    const grid = readCsvText(lines);
    expect(grid.rows).toHaveLength(10_000);
    expect(grid.rows.at(-1)!.row).toBe(10_001);
    expect(grid.fileProblems).toEqual(['the file has more than 10,000 rows of sheets; reading stopped there. Split it into files of at most 10,000 rows']);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(readCsvText('serial\n1\n2\n3\n', limits({ maxRows: 2 })).fileProblems[0]).toContain('more than 2 rows');
    expect(readCsvText('serial\n1\n2\n', limits({ maxRows: 2 })).fileProblems).toEqual([]);
  });

  it('stops at the column limit, in the header or in a row', () => {
    const wide = (n: number) => Array.from({ length: n }, (_, i) => `q${i}`).join(',');
    expect(readCsvText(`${wide(501)}\n`).fileProblems).toEqual(['the file has more than 500 columns; a survey has fewer questions, so check it is the right file']);
    expect(readCsvText(`${wide(500)}\n`).fileProblems).toEqual([]);
    expect(readCsvText(`serial,a\n${wide(600)}\n`).fileProblems[0]).toContain('more than 500 columns');
  });
});
