/**
 * A spreadsheet as the XLSForm code sees it: every sheet, every row, cells as text.
 *
 * Cell text: strings as stored; numbers as the shortest decimal text ("1", "2.5");
 * booleans "TRUE"/"FALSE"; a cell formatted as a date gives "YYYY-MM-DD"; formulas give
 * their cached value. Empty rows may be omitted.
 */
export interface WorkbookRow {
  /** 1-based, as the spreadsheet shows. */
  row: number;
  cells: string[];
}

export interface WorkbookSheet {
  name: string;
  /** The header is rows[0] when present. */
  rows: WorkbookRow[];
}

export interface Workbook {
  sheets: WorkbookSheet[];
}
