/** What the XLSForm import says about a row it could not take as it is. */
export interface XlsformProblem {
  /** "survey" | "choices" | "settings" | "(file)" */
  sheet: string;
  /** Spreadsheet row, as the spreadsheet program shows it. */
  row?: number;
  /** Header name, e.g. "relevant" or "label::French (fr)". */
  column?: string;
  /** The row's question name, when it has one. */
  name?: string;
  /** error: blocks publishing; skipped: the row is not in the survey; warning: imported with a change to check. */
  severity: 'error' | 'skipped' | 'warning';
  /** Plain English, says what to change. */
  message: string;
}

export interface XlsformImport {
  /** The Sayso definition made (version 1); passes parseSurvey when publishable. */
  survey: unknown;
  /** No 'error' problems and parseSurvey(survey).ok. */
  publishable: boolean;
  problems: XlsformProblem[];
  summary: { questions: number; groups: number; languages: string[]; skippedRows: number };
}

export const SEVERITY_ORDER: Record<XlsformProblem['severity'], number> = { error: 0, skipped: 1, warning: 2 };

/** Errors first, then skipped rows, then warnings; within each, in spreadsheet order. */
export function sortProblems(problems: XlsformProblem[]): XlsformProblem[] {
  const sheetOrder = (sheet: string) => ['(file)', 'settings', 'survey', 'choices'].indexOf(sheet);
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort(
      (a, b) =>
        SEVERITY_ORDER[a.problem.severity] - SEVERITY_ORDER[b.problem.severity] ||
        sheetOrder(a.problem.sheet) - sheetOrder(b.problem.sheet) ||
        (a.problem.row ?? 0) - (b.problem.row ?? 0) ||
        a.index - b.index,
    )
    .map(({ problem }) => problem);
}
