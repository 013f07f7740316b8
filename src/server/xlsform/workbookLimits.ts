/**
 * Limits on an uploaded XLSForm (docs/xlsform.md): far above any real form (the 2024 REACH
 * MSNA, a large humanitarian survey, has 4 sheets, at most 452 rows and 24 columns), low
 * enough that a hostile file cannot make the reader use much memory or time.
 */
export const WORKBOOK_LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  maxSheets: 50,
  /** Per sheet. */
  maxRows: 20_000,
  maxColumns: 500,
  /** The text of all cells together, in UTF-16 code units. */
  maxTextChars: 50 * 1024 * 1024,
  /** The unpacked XLSX parts read (zip bombs: 10 MB can unpack to gigabytes). */
  maxUnzippedBytes: 100 * 1024 * 1024,
} as const;

export type WorkbookLimits = { -readonly [K in keyof typeof WORKBOOK_LIMITS]: number };

/** Raised inside a reader for a file it cannot or will not read; the message is for the person who sent it. */
export class WorkbookProblem extends Error {}

/** Counts rows, columns and text against the limits while a reader fills a workbook. */
export class WorkbookBudget {
  private text = 0;
  constructor(readonly limits: WorkbookLimits) {}

  sheets(count: number): void {
    if (count > this.limits.maxSheets) throw new WorkbookProblem(`the workbook has ${count} sheets, more than the ${this.limits.maxSheets} an XLSForm could need (survey, choices, settings): check it is the right file`);
  }

  rows(sheet: string, count: number): void {
    if (count > this.limits.maxRows) throw new WorkbookProblem(`the sheet "${sheet.slice(0, 40)}" has more than ${this.limits.maxRows.toLocaleString('en')} rows, more than any XLSForm needs: check it is the right file`);
  }

  column(sheet: string, column: number): void {
    if (column >= this.limits.maxColumns) throw new WorkbookProblem(`the sheet "${sheet.slice(0, 40)}" has a cell beyond column ${this.limits.maxColumns}, more than any XLSForm needs: delete the far columns or check it is the right file`);
  }

  cellText(length: number): void {
    this.text += length;
    if (this.text > this.limits.maxTextChars) throw new WorkbookProblem(`the workbook holds more than ${Math.round(this.limits.maxTextChars / 1024 / 1024)} MB of text, more than any XLSForm needs: check it is the right file`);
  }
}

/** Puts a cell's text into a row, with "" in the columns between. */
export function setCell(cells: string[], column: number, value: string): void {
  while (cells.length < column) cells.push('');
  cells[column] = value;
}

/** Excel's number text: the shortest decimal that reads back as the same number ("1", "2.5"). */
export function numberText(n: number): string {
  return Number.isFinite(n) ? String(n) : '';
}
