import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from '../../../src/server/exports/csvCell.ts';
import { csvBytes } from '../../../src/server/exports/csvBytes.ts';
import { guardFormula } from '../../../src/server/exports/guardFormula.ts';
import { collect } from './readXlsx.ts';
import { csvValues, parseCsv } from './parseCsv.ts';

describe('csvCell', () => {
  it.each([
    ['=1+1', `"'=1+1"`],
    ['+SUM(A1:A9)', `"'+SUM(A1:A9)"`],
    ['-2+3', `"'-2+3"`],
    ['@cmd', `"'@cmd"`],
    ['\t=1', `"'\t=1"`],
    ['\r=1', `"'\r=1"`],
    [' =x', `"' =x"`],
    ['   +1', `"'   +1"`],
    ['\uff1d1+1', `"'\uff1d1+1"`],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
  ])('prefixes text a spreadsheet would run as a formula: %j', (text, written) => {
    expect(csvCell(text)).toBe(written);
  });

  it('leaves ordinary text alone, a dash or at sign inside it too', () => {
    expect(csvCell('Too loud at night')).toBe('"Too loud at night"');
    expect(csvCell('ok - mostly @ home')).toBe('"ok - mostly @ home"');
    expect(guardFormula('x=1')).toBe('x=1');
  });

  it('writes numbers bare, a real negative number included, and no number for NaN', () => {
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell(0.6667)).toBe('0.6667');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('quotes commas, quotes and line breaks (RFC 4180), and they read back as they were', () => {
    const row = ['a,b', 'say "hi"', 'line 1\nline 2', 'cr\r\nlf', 7, -3.5, null, 'plain'];
    const line = csvRow(row);
    expect(line.endsWith('\r\n')).toBe(true);
    expect(line).toBe('"a,b","say ""hi""","line 1\nline 2","cr\r\nlf",7,-3.5,,"plain"\r\n');
    expect(csvValues(line)).toEqual([row]);
  });
});

describe('csvBytes', () => {
  it('writes UTF-8 with a byte order mark and CRLF after every row, header only when there are no rows', async () => {
    const bytes = await collect(csvBytes([['Facility', 'Quarter']]));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe('\uFEFF"Facility","Quarter"\r\n');
  });

  it('streams many rows in chunks that add up to the same file', async () => {
    async function* rows() {
      yield ['n', 'text'];
      for (let i = 0; i < 5000; i++) yield [i, `comment ${i}, with "quotes" and =formula ${i}`];
    }
    const chunks: Uint8Array[] = [];
    for await (const chunk of csvBytes(rows())) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(3);
    const text = new TextDecoder().decode(Buffer.concat(chunks));
    const records = parseCsv(text);
    expect(records).toHaveLength(5001);
    expect(records[4321]).toEqual([{ text: '4320', quoted: false }, { text: 'comment 4320, with "quotes" and =formula 4320', quoted: true }]);
  });

  it('keeps letters of every script intact across chunk boundaries', async () => {
    const words = ['مرحبا', 'ሰላም', 'Привіт', '😀 emoji'];
    const rows = Array.from({ length: 4000 }, (_, i) => [words[i % 4]!]);
    const text = new TextDecoder().decode(await collect(csvBytes(rows)));
    expect(parseCsv(text).map((r) => r[0]!.text)).toEqual(rows.map((r) => r[0]));
  });
});
