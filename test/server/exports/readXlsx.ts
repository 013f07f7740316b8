import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { expect } from 'vitest';

export type ReadCell = string | number | null;

/** Collects a streamed body into one buffer. */
export async function collect(chunks: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks as AsyncIterable<Uint8Array>) parts.push(chunk);
  return Buffer.concat(parts);
}

function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)![0];
  let n = 0;
  for (const letter of letters) n = n * 26 + letter.charCodeAt(0) - 64;
  return n - 1;
}

/**
 * Reads an .xlsx as a spreadsheet program would: the zip, its package parts, every part
 * well-formed XML, and the first sheet's cells by their references (numbers as numbers).
 * Fails on a formula anywhere.
 */
export function readXlsx(bytes: Uint8Array): { rows: ReadCell[][]; sheetName: string; sheetXml: string } {
  const files = unzipSync(bytes);
  for (const part of ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/worksheets/sheet1.xml']) {
    expect(files[part], part).toBeDefined();
    const xml = strFromU8(files[part]!);
    expect(XMLValidator.validate(xml), part).toBe(true);
  }
  const sheetXml = strFromU8(files['xl/worksheets/sheet1.xml']!);
  expect(sheetXml).not.toMatch(/<f[\s>]/);
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, trimValues: false, isArray: (name) => name === 'row' || name === 'c' });
  const workbook = parser.parse(strFromU8(files['xl/workbook.xml']!));
  const sheet = parser.parse(sheetXml);
  const rows: ReadCell[][] = [];
  for (const row of sheet.worksheet.sheetData?.row ?? []) {
    const cells: ReadCell[] = [];
    for (const c of row.c ?? []) {
      const index = columnIndex(c['@r']);
      while (cells.length < index) cells.push(null);
      if (c['@t'] === 'inlineStr') {
        const t = c.is.t;
        cells.push(typeof t === 'object' ? String(t['#text'] ?? '') : String(t));
      } else {
        cells.push(Number(c.v));
      }
    }
    expect(Number(row['@r'])).toBe(rows.length + 1);
    rows.push(cells);
  }
  return { rows, sheetName: workbook.workbook.sheets.sheet['@name'], sheetXml };
}
