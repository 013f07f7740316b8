/** Test helper: an XLSForm fixture (test/fixtures/xlsforms/) read by the server's own reader. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readWorkbook } from '../../../src/server/xlsform/readWorkbook.ts';
import type { Workbook } from '../../../src/survey/xlsform/workbook.ts';

export const FIXTURES = join(import.meta.dirname, '../../fixtures/xlsforms');

export function readFixtureWorkbook(fileName: string): Workbook {
  const read = readWorkbook(new Uint8Array(readFileSync(join(FIXTURES, fileName))), fileName);
  if (!read.ok) throw new Error(`${fileName}: ${read.message}`);
  return read.workbook;
}

export function readFixtureText(fileName: string): string {
  return readFileSync(join(FIXTURES, fileName), 'utf8');
}
