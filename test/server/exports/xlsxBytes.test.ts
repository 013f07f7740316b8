import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { columnName, xlsxBytes } from '../../../src/server/exports/xlsxBytes.ts';
import { collect, readXlsx } from './readXlsx.ts';
import { csvValues } from './parseCsv.ts';

const rows = [
  ['Facility', 'Quarter', 'Count', 'Comment'],
  ['Centre A', '2026-Q3', 12, 'Too loud at night'],
  ['Centre "B" & <C>', '2026-Q3', -2, '=1+1'],
  ['Centre D', '2026-Q4', 0.25, ' @cmd'],
  ['مركز', '2026-Q4', null, 'line 1\nline 2, with comma'],
];

function libreOffice(): string | null {
  for (const path of ['/usr/bin/libreoffice', '/usr/bin/soffice']) if (existsSync(path)) return path;
  return null;
}

describe('xlsxBytes', () => {
  it('makes a workbook whose sheet holds the same rows, numbers as numbers and text as inline strings', async () => {
    const { rows: read, sheetName, sheetXml } = readXlsx(await collect(xlsxBytes(rows, { sheetName: 'Responses' })));
    expect(sheetName).toBe('Responses');
    expect(read).toEqual([
      rows[0], rows[1],
      ['Centre "B" & <C>', '2026-Q3', -2, "'=1+1"],
      ['Centre D', '2026-Q4', 0.25, "' @cmd"],
      ['مركز', '2026-Q4', null, 'line 1\nline 2, with comma'],
    ]);
    expect(sheetXml).toContain('<c r="C3"><v>-2</v></c>');
    expect(sheetXml).toContain('t="inlineStr"');
  });

  it('never writes a formula, and guards text that looks like one', async () => {
    const { sheetXml, rows: read } = readXlsx(await collect(xlsxBytes([['=SUM(A1:A2)', '+1', '-2+3', '@x', '\t=1']], { sheetName: 'S' })));
    expect(sheetXml).not.toContain('<f>');
    expect(read[0]).toEqual(["'=SUM(A1:A2)", "'+1", "'-2+3", "'@x", "'\t=1"]);
  });

  it('drops characters XML cannot hold and keeps a sheet name Excel accepts', async () => {
    const { rows: read, sheetName } = readXlsx(await collect(xlsxBytes([['a\u0000b\u0007c\uFFFEd\uD800e']], { sheetName: 'Q3/2026: [all]*?' })));
    expect(read).toEqual([['abcde']]);
    expect(sheetName).toBe('Q3 2026   all');
  });

  it('writes only the header row when there are no rows', async () => {
    expect(readXlsx(await collect(xlsxBytes([['Facility', 'Quarter']], { sheetName: 'S' }))).rows).toEqual([['Facility', 'Quarter']]);
  });

  it('streams a large sheet in many chunks as the rows are pulled', async () => {
    let made = 0;
    async function* many() {
      yield ['n', 'text'];
      for (let i = 0; i < 20_000; i++) { made++; yield [i, `answer number ${i} ${'x'.repeat(i % 50)}`]; }
    }
    const generator = xlsxBytes(many(), { sheetName: 'S' });
    const first = await generator.next();
    expect(first.done).toBe(false);
    expect(made).toBeLessThan(20_000);
    const rest = await collect(generator);
    const { rows: read } = readXlsx(Buffer.concat([first.value as Uint8Array, rest]));
    expect(read).toHaveLength(20_001);
    expect(read[12_346]).toEqual([12_345, `answer number 12345 ${'x'.repeat(12_345 % 50)}`]);
  });

  it('names columns as spreadsheets do', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it.skipIf(!libreOffice())('opens in LibreOffice, which reads back the same cells', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sayso-xlsx-'));
    try {
      writeFileSync(join(dir, 'export.xlsx'), await collect(xlsxBytes(rows, { sheetName: 'Responses' })));
      execFileSync(libreOffice()!, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true', '--outdir', dir, join(dir, 'export.xlsx')], { timeout: 120_000, stdio: 'ignore' });
      const csv = readFileSync(join(dir, 'export.csv'), 'utf8').replace(/^\uFEFF/, '').replace(/\r?\n/g, '\r\n');
      expect(csvValues(csv)).toEqual([
        rows[0], rows[1],
        ['Centre "B" & <C>', '2026-Q3', -2, "'=1+1"],
        ['Centre D', '2026-Q4', 0.25, "' @cmd"],
        ['مركز', '2026-Q4', null, 'line 1\r\nline 2, with comma'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);
});
