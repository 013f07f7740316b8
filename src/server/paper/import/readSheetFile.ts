/**
 * Which reader a file needs, from its first bytes (never trusting the name alone), and the
 * refusals for files no reader takes: legacy .xls (a binary format with a long record of
 * parser flaws), OpenDocument, XLSB, PDFs and images.
 */
import { readCsv } from './readCsv.ts';
import { readXlsx } from './readXlsx.ts';
import { IMPORT_LIMITS, type ImportLimits, type SheetGrid } from './sheetGrid.ts';

export type SheetRead = { ok: true; kind: 'csv' | 'xlsx'; grid: SheetGrid } | { ok: false; message: string };

export const SAVE_AS_XLSX_OR_CSV = 'save it as "Excel Workbook (.xlsx)" or "CSV UTF-8" and upload that';

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

export function readSheetFile(bytes: Uint8Array, fileName: string, limits: ImportLimits = IMPORT_LIMITS): SheetRead {
  const extension = /\.([a-z0-9]{1,8})$/i.exec(fileName.trim())?.[1]?.toLowerCase() ?? '';
  // D0 CF 11 E0: an OLE compound file, i.e. Excel 97-2003 .xls.
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0]) || extension === 'xls') {
    return { ok: false, message: `this is an old Excel 97-2003 file (.xls), which is not read: ${SAVE_AS_XLSX_OR_CSV}` };
  }
  if (['ods', 'xlsb', 'numbers', 'xlsm'].includes(extension)) return { ok: false, message: `.${extension} files are not read: ${SAVE_AS_XLSX_OR_CSV}` };
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46]) || startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || startsWith(bytes, [0xff, 0xd8, 0xff]) || startsWith(bytes, [0x47, 0x49, 0x46])) {
    return { ok: false, message: `this is not a spreadsheet (a PDF or an image?): type the paper answers into the template, then ${SAVE_AS_XLSX_OR_CSV}` };
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return { ok: true, kind: 'xlsx', grid: readXlsx(bytes, limits) };
  return { ok: true, kind: 'csv', grid: readCsv(bytes, limits) };
}
