/**
 * An XLSX reader for paper answer files, on the shared untrusted-input pieces of
 * src/server/spreadsheets/xlsxParts.ts. First worksheet only; shared strings, inline
 * strings, numbers, booleans; a formula is marked so the row can be refused (an import
 * never takes a computed value).
 */
import { strFromU8 } from 'fflate';
import { excelDay, readSharedStrings, readWorkbookIndex, richText, unzipParts, worksheetRows, XlsxProblem, type UnzipBudget } from '../../spreadsheets/xlsxParts.ts';
import { IMPORT_LIMITS, isEmptyRow, tooManyColumns, tooManyRows, type GridRow, type ImportLimits, type SheetGrid } from './sheetGrid.ts';

export { excelDay } from '../../spreadsheets/xlsxParts.ts';

const NOT_A_WORKBOOK = 'the file is not a readable XLSX workbook: open it in your spreadsheet program and save it again as "Excel Workbook (.xlsx)" or as "CSV UTF-8"';

function readWorkbook(bytes: Uint8Array, limits: ImportLimits): SheetGrid {
  const budget: UnzipBudget = {
    left: limits.maxUnzippedBytes,
    cap: limits.maxUnzippedBytes,
    tooBig: `the workbook unpacks to more than ${Math.round(limits.maxUnzippedBytes / 1024 / 1024)} MB, more than any file of paper answers needs: check it is the right file, or save it as CSV UTF-8`,
    notReadable: NOT_A_WORKBOOK,
  };
  const index = readWorkbookIndex(bytes, budget);
  const sheetPath = index.sheets[0]?.path ?? 'xl/worksheets/sheet1.xml';
  const stringsPath = index.stringsPath;

  const parts = unzipParts(bytes, (name) => name === sheetPath || name === stringsPath, budget);
  if (!parts[sheetPath]) throw new XlsxProblem('the workbook has no worksheet: put the answers on the first sheet');
  const shared = readSharedStrings(parts[stringsPath], stringsPath, NOT_A_WORKBOOK);
  delete parts[stringsPath];
  const sheetXml = strFromU8(parts[sheetPath]);
  delete parts[sheetPath];

  const fileProblems: string[] = [];
  const rows: GridRow[] = [];
  let header: string[] | undefined;
  let filledOnColumn = -1;
  for (const { number, cells: raw } of worksheetRows(sheetXml, sheetPath, NOT_A_WORKBOOK)) {
    const cells: string[] = [];
    const formulas: number[] = [];
    for (const { column, type, raw: value0, inline, hasFormula } of raw) {
      let value: string;
      if (type === 's') value = shared[Number(value0)] ?? '';
      else if (type === 'inlineStr') value = richText(inline);
      else if (type === 'b') value = value0 === '1' ? 'true' : value0 === '0' ? 'false' : value0;
      else if (type === 'n' && value0 !== '') {
        const n = Number(value0);
        value = Number.isFinite(n) ? (column === filledOnColumn ? (excelDay(n, index.date1904) ?? String(n)) : String(n)) : value0;
      } else value = value0;
      if (!hasFormula && value === '') continue;
      // A cell far to the right with only formatting in it is no column; one with a value is.
      if (column >= limits.maxColumns) {
        fileProblems.push(tooManyColumns(limits.maxColumns));
        return { header: header ?? [], rows, fileProblems };
      }
      while (cells.length < column) cells.push('');
      cells[column] = value;
      if (hasFormula) formulas.push(column);
    }
    if (!header) {
      if (isEmptyRow(cells) && formulas.length === 0) continue;
      header = cells;
      filledOnColumn = cells.findIndex((h) => h.trim().toLowerCase() === 'filled_on');
      continue;
    }
    if (isEmptyRow(cells) && formulas.length === 0) continue;
    if (rows.length >= limits.maxRows) {
      fileProblems.push(tooManyRows(limits.maxRows));
      break;
    }
    rows.push(formulas.length ? { row: number, cells, formulas } : { row: number, cells });
  }
  if (!header) return { header: [], rows: [], fileProblems: ['the first worksheet is empty: its first row must hold the column headings (serial, then one column per question id)'] };
  return { header, rows, fileProblems };
}

export function readXlsx(bytes: Uint8Array, limits: ImportLimits = IMPORT_LIMITS): SheetGrid {
  try {
    return readWorkbook(bytes, limits);
  } catch (error) {
    if (error instanceof XlsxProblem) return { header: [], rows: [], fileProblems: [error.message] };
    throw error;
  }
}
