/**
 * What a spreadsheet file reads as, before any survey is known: the header row and the
 * data rows as text, with the spreadsheet row number of each (1 = header) so every problem
 * names the row a person sees in their spreadsheet program.
 */
export interface GridRow {
  /** Spreadsheet row number (the header is row 1). */
  row: number;
  /** Cell text by column index; missing cells are "". */
  cells: string[];
  /** XLSX only: columns whose cell held a formula (refused: an import never takes a computed value). */
  formulas?: number[];
}

export interface SheetGrid {
  header: string[];
  rows: GridRow[];
  /** Problems with the file as a whole (encoding, limits, a broken spreadsheet): nothing is imported. */
  fileProblems: string[];
}

/** Limits of docs/paper-import.md: reading stops at the first one reached. */
export const IMPORT_LIMITS = {
  maxBytes: 20 * 1024 * 1024,
  maxRows: 10_000,
  maxColumns: 500,
  /** The unpacked parts of an XLSX we read (zip bombs: a 20 MB file can unpack to gigabytes). */
  maxUnzippedBytes: 200 * 1024 * 1024,
} as const;

export type ImportLimits = { -readonly [K in keyof typeof IMPORT_LIMITS]: number };

/** "A", "B", ... "Z", "AA": the column letters a spreadsheet shows. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function tooManyRows(limit: number): string {
  return `the file has more than ${limit.toLocaleString('en')} rows of sheets; reading stopped there. Split it into files of at most ${limit.toLocaleString('en')} rows`;
}

export function tooManyColumns(limit: number): string {
  return `the file has more than ${limit} columns; a survey has fewer questions, so check it is the right file`;
}

/** True for a row with nothing in it (spreadsheets keep empty rows; they are skipped, their numbers kept). */
export function isEmptyRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}
