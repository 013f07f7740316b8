import { strToU8, unzipSync as unzipAll, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { excelDay, readXlsx } from '../../../../src/server/paper/import/readXlsx.ts';
import { makeXlsx } from './makeXlsx.ts';

const limits = (over: Partial<{ maxRows: number; maxColumns: number; maxUnzippedBytes: number }>) => ({ maxBytes: 1e9, maxRows: 10_000, maxColumns: 500, maxUnzippedBytes: 200 * 1024 * 1024, ...over });

describe('readXlsx', () => {
  it('reads the first worksheet: shared strings, inline strings, numbers and booleans, by cell reference', () => {
    const grid = readXlsx(makeXlsx([
      ['serial', 'filled_on', 'room.satisfied', 'food.rating', 'comment'],
      ['000001-9', '2026-11-20', true, 4, { inline: '  Cold <room> & "noise"  ' }],
      [1234, null, false, 3.5, 'Ça va'],
    ], { extraSheets: [[['not', 'this'], ['sheet', 'at all']]] }));
    expect(grid.fileProblems).toEqual([]);
    expect(grid.header).toEqual(['serial', 'filled_on', 'room.satisfied', 'food.rating', 'comment']);
    expect(grid.rows).toEqual([
      { row: 2, cells: ['000001-9', '2026-11-20', 'true', '4', '  Cold <room> & "noise"  '] },
      { row: 3, cells: ['1234', '', 'false', '3.5', 'Ça va'] },
    ]);
  });

  it('reads rich-text shared strings as their plain text', () => {
    expect(readXlsx(makeXlsx([['serial', 'comment'], ['000001-9', 'Bold start']], { richText: true })).rows[0]!.cells).toEqual(['000001-9', 'Bold start']);
  });

  it('reads a date typed into the filled_on column as the day (1900 and 1904 date systems)', () => {
    expect(excelDay(46350, false)).toBe('2026-11-24');
    expect(readXlsx(makeXlsx([['serial', 'filled_on'], ['000001-9', 46350]])).rows[0]!.cells).toEqual(['000001-9', '2026-11-24']);
    expect(readXlsx(makeXlsx([['serial', 'filled_on'], ['000001-9', 46350 - 1462]], { date1904: true })).rows[0]!.cells[1]).toBe('2026-11-24');
  });

  it('marks cells that hold a formula, even with a cached value, so the row can be refused', () => {
    const grid = readXlsx(makeXlsx([
      ['serial', 'a', 'b'],
      ['000001-9', { formula: '1+1', value: 2 }, 3],
      ['000002-5', 1, { formula: 'A1&"x"', value: 'serialx' }],
    ]));
    expect(grid.rows).toEqual([
      { row: 2, cells: ['000001-9', '2', '3'], formulas: [1] },
      { row: 3, cells: ['000002-5', '1', 'serialx'], formulas: [2] },
    ]);
  });

  it('refuses a zip bomb by its unpacked size without unpacking it', () => {
    // 30 MB of one repeated row compresses to a few dozen kilobytes.
    const row = '<row><c t="inlineStr"><is><t>x</t></is></c></row>';
    const huge = strToU8(`<worksheet><sheetData>${row.repeat(Math.ceil((30 * 1024 * 1024) / row.length))}</sheetData></worksheet>`);
    const base = makeXlsx([['serial']]);
    const bomb = zipSync({ ...Object.fromEntries(Object.entries(unzipAll(base))), 'xl/worksheets/sheet1.xml': huge }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const started = performance.now();
    const grid = readXlsx(bomb, limits({ maxUnzippedBytes: 10 * 1024 * 1024 }));
    expect(grid.fileProblems).toEqual(['the workbook unpacks to more than 10 MB, more than any file of paper answers needs: check it is the right file, or save it as CSV UTF-8']);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('never unpacks more than a zip declares: a bomb that lies about its size is cut off, and read as damaged', () => {
    const row = '<row><c t="inlineStr"><is><t>x</t></is></c></row>';
    const files = unzipAll(makeXlsx([['serial']]));
    files['xl/worksheets/sheet1.xml'] = strToU8(`<worksheet><sheetData>${row.repeat(Math.ceil((30 * 1024 * 1024) / row.length))}</sheetData></worksheet>`);
    const zip = zipSync(files, { level: 9 });
    // Claim 4 kB unpacked in the central directory entry of the sheet.
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    const name = new TextEncoder().encode('xl/worksheets/sheet1.xml');
    let patched = 0;
    for (let i = 0; i < zip.length - 46; i++) {
      if (view.getUint32(i, true) !== 0x02014b50) continue;
      const nameLength = view.getUint16(i + 28, true);
      if (nameLength === name.length && name.every((b, k) => zip[i + 46 + k] === b)) {
        view.setUint32(i + 24, 4096, true);
        patched += 1;
      }
    }
    expect(patched).toBe(1);
    const grid = readXlsx(zip);
    expect(grid.rows.length).toBeLessThan(100);
    expect(grid.fileProblems[0]).toMatch(/^the file is not a readable XLSX workbook/);
  });

  it('stops reading at the row and column limits and says so', () => {
    const rows = [['serial'], ...Array.from({ length: 30 }, (_, i) => [String(i)])];
    const grid = readXlsx(makeXlsx(rows), limits({ maxRows: 20 }));
    expect(grid.rows).toHaveLength(20);
    expect(grid.fileProblems).toEqual(['the file has more than 20 rows of sheets; reading stopped there. Split it into files of at most 20 rows']);
    expect(readXlsx(makeXlsx([Array.from({ length: 12 }, (_, i) => `q${i}`)]), limits({ maxColumns: 10 })).fileProblems[0]).toContain('more than 10 columns');
  });

  it('says a damaged or empty workbook cannot be read, and refuses a DOCTYPE (entity expansion)', () => {
    const damaged = makeXlsx([['serial'], ['000001-9']]).slice(0, 200);
    expect(readXlsx(damaged).fileProblems[0]).toMatch(/^the file is not a readable XLSX workbook/);
    expect(readXlsx(makeXlsx([])).fileProblems[0]).toMatch(/^the first worksheet is empty/);
    const files = unzipAll(makeXlsx([['serial']]));
    files['xl/sharedStrings.xml'] = strToU8('<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><sst><si><t>&b;</t></si></sst>');
    expect(readXlsx(zipSync(files)).fileProblems[0]).toContain('declares a DOCTYPE');
  });
});

