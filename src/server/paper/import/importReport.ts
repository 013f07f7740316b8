/** The answer of POST /paper/imports and of `npm run admin -- import-paper` (docs/paper-import.md). */
export interface ImportProblem {
  /** Spreadsheet row number (1 = the header row). */
  row: number;
  /** The column's heading as written, or "" for the whole row. */
  column: string;
  message: string;
}

export interface ImportReport {
  fileName: string;
  surveyId: string | null;
  surveyVersion: number | null;
  /** Data rows read (empty rows not counted). */
  rows: number;
  columns: string[];
  /** Rows that would become new responses. */
  cleanRows: number;
  /** Rows whose sheet is already a response with the same answers (imported before, or keyed in). */
  duplicateRows: number;
  /** At most MAX_LISTED_PROBLEMS, in row order; problemCount says how many there are in all. */
  problems: ImportProblem[];
  problemCount: number;
  /** Rows with at least one problem. */
  problemRows: number;
  fileProblems: string[];
  imported?: number;
  importId?: string;
}

/** A file of the wrong survey can have a problem in every cell: the list stops here, the count does not. */
export const MAX_LISTED_PROBLEMS = 2000;

/** Whether an import may go ahead: never with a file problem; with row problems only when told to skip those rows. */
export function importBlocked(report: ImportReport, onlyClean: boolean): boolean {
  return report.fileProblems.length > 0 || (report.problemCount > 0 && !onlyClean);
}
