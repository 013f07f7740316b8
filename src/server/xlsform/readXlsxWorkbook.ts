/**
 * Every sheet of an XLSX workbook as text (the Workbook of src/survey/xlsform/workbook.ts),
 * on the untrusted-input pieces shared with the paper-answer reader. Numbers in a date
 * format read as YYYY-MM-DD, booleans as TRUE/FALSE, formulas as their cached value.
 */
import { strFromU8 } from 'fflate';
import type { Workbook, WorkbookRow, WorkbookSheet } from '../../survey/xlsform/workbook.ts';
import { excelDay, readDateStyles, readSharedStrings, readWorkbookIndex, richText, unzipParts, worksheetRows, type RawCell, type UnzipBudget } from '../spreadsheets/xlsxParts.ts';
import { numberText, setCell, WorkbookBudget, WorkbookProblem, type WorkbookLimits } from './workbookLimits.ts';

export const NOT_AN_XLSX = 'the file is not a readable XLSX workbook: open it in your spreadsheet program and save it again as "Excel Workbook (.xlsx)"';

function cellText(cell: RawCell, shared: string[], dateStyles: boolean[], date1904: boolean): string {
  switch (cell.type) {
    case 's': return shared[Number(cell.raw)] ?? '';
    case 'inlineStr': return richText(cell.inline);
    case 'b': return cell.raw === '1' ? 'TRUE' : cell.raw === '0' ? 'FALSE' : cell.raw;
    // An ISO date cell (t="d"), written by some tools instead of a day number.
    case 'd': return /^\d{4}-\d{2}-\d{2}/.exec(cell.raw)?.[0] ?? cell.raw;
    case 'n': {
      if (cell.raw === '') return '';
      const n = Number(cell.raw);
      if (!Number.isFinite(n)) return cell.raw;
      return (dateStyles[cell.style] ? excelDay(n, date1904) : undefined) ?? numberText(n);
    }
    // "str" (a formula's text result), "e" (an error such as #N/A): the text as stored.
    default: return cell.raw;
  }
}

/** Reads every sheet; throws WorkbookProblem (or XlsxProblem) for a file it cannot read. */
export function readXlsxWorkbook(bytes: Uint8Array, limits: WorkbookLimits): Workbook {
  const budget: UnzipBudget = {
    left: limits.maxUnzippedBytes,
    cap: limits.maxUnzippedBytes,
    tooBig: `the workbook unpacks to more than ${Math.round(limits.maxUnzippedBytes / 1024 / 1024)} MB, more than any XLSForm needs: check it is the right file`,
    notReadable: NOT_AN_XLSX,
  };
  const counts = new WorkbookBudget(limits);
  const index = readWorkbookIndex(bytes, budget);
  counts.sheets(index.sheets.length);
  if (index.sheets.length === 0) throw new WorkbookProblem('the workbook has no sheets: an XLSForm needs at least a "survey" sheet');
  const shared = unzipParts(bytes, (name) => name === index.stringsPath || name === index.stylesPath, budget);
  const strings = readSharedStrings(shared[index.stringsPath], index.stringsPath, NOT_AN_XLSX);
  const dateStyles = readDateStyles(shared[index.stylesPath], index.stylesPath, NOT_AN_XLSX);
  const sheets: WorkbookSheet[] = [];
  for (const { name, path } of index.sheets) {
    // One sheet unpacked at a time: its XML is dropped before the next is read.
    const part = unzipParts(bytes, (file) => file === path, budget)[path];
    const rows: WorkbookRow[] = [];
    if (part) {
      for (const raw of worksheetRows(strFromU8(part), path, NOT_AN_XLSX)) {
        const cells: string[] = [];
        for (const cell of raw.cells) {
          const value = cellText(cell, strings, dateStyles, index.date1904);
          if (value === '') continue;
          counts.column(name, cell.column);
          counts.cellText(value.length);
          setCell(cells, cell.column, value);
        }
        if (cells.length === 0) continue;
        rows.push({ row: raw.number, cells });
        counts.rows(name, rows.length);
      }
    }
    sheets.push({ name, rows });
  }
  return { sheets };
}
