/** One counter of the day-level rollup: response counts only (custom date ranges show totals only). */
export interface RollupCell {
  surveyId: string;
  surveyVersion: number;
  facilityId: string;
  periodDay: string;
  questionId: string;
  answerValue: string;
  count: number;
}

/** Pseudo-questions that count responses themselves, for participation and breakdowns. */
export const RESPONSE_STATUS = '_response.status';
export const RESPONSE_MODE = '_response.mode';
export const RESPONSE_LANGUAGE = '_response.language';
/** Free text is counted as answered, never by value: its words stay out of the rollups. */
export const ANSWERED = '_answered';

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The date, YYYY-MM-DD, in a facility's time zone: reporting periods follow it. */
export function localDay(isoTime: string, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(new Date(isoTime));
}

/**
 * The day-level cells one response adds 1 to: its status, mode and language. What it
 * answered is counted per quarter in report_cells (src/server/reports/reportCellsFor.ts),
 * since a day-by-day count of answers could be differenced down to one respondent.
 */
export function rollupCellsFor(input: {
  surveyId: string;
  surveyVersion: number;
  facilityId: string;
  timeZone: string;
  reportedAt: string;
  status: string;
  mode: string;
  language: string;
}): RollupCell[] {
  const base = { surveyId: input.surveyId, surveyVersion: input.surveyVersion, facilityId: input.facilityId, periodDay: localDay(input.reportedAt, input.timeZone), count: 1 };
  return [
    { ...base, questionId: RESPONSE_STATUS, answerValue: input.status },
    { ...base, questionId: RESPONSE_MODE, answerValue: input.mode },
    { ...base, questionId: RESPONSE_LANGUAGE, answerValue: input.language },
  ];
}

/**
 * Adds up cells with the same key, so a batch costs one upsert per distinct cell, and
 * returns them in key order: concurrent batches then lock shared cells in the same order
 * and wait for each other instead of deadlocking (PostgreSQL).
 */
export function mergeRollupCells(cells: Iterable<RollupCell>): RollupCell[] {
  const merged = new Map<string, RollupCell>();
  for (const cell of cells) {
    const key = [cell.surveyId, cell.surveyVersion, cell.facilityId, cell.periodDay, cell.questionId, cell.answerValue].join('\u0000');
    const existing = merged.get(key);
    if (existing) existing.count += cell.count;
    else merged.set(key, { ...cell });
  }
  return [...merged.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, cell]) => cell);
}
