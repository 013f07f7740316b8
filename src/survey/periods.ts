/**
 * Reporting periods. Fixed periods are calendar quarters ("2026-Q3") in the facility's
 * time zone: they never overlap, so no figure hidden in one can be found by subtracting
 * another. Custom date ranges exist for totals only.
 */
export type QuarterId = `${number}-Q${1 | 2 | 3 | 4}`;

const QUARTER = /^(\d{4})-Q([1-4])$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isQuarterId(text: string): text is QuarterId {
  return QUARTER.test(text);
}

/** The quarter a local date (YYYY-MM-DD) falls in. */
export function quarterOfDay(day: string): QuarterId {
  const month = Number(day.slice(5, 7));
  return `${Number(day.slice(0, 4))}-Q${Math.ceil(month / 3) as 1 | 2 | 3 | 4}`;
}

/** First and last local date of a quarter, inclusive. */
export function quarterDays(quarter: QuarterId): { from: string; to: string } {
  const [, year, q] = QUARTER.exec(quarter)!;
  const firstMonth = (Number(q) - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  const lastDay = new Date(Date.UTC(Number(year), lastMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { from: `${year}-${pad(firstMonth)}-01`, to: `${year}-${pad(lastMonth)}-${pad(lastDay)}` };
}

/** The quarter `offset` quarters after (negative: before) the given one. */
export function shiftQuarter(quarter: QuarterId, offset: number): QuarterId {
  const [, year, q] = QUARTER.exec(quarter)!;
  const index = Number(year) * 4 + Number(q) - 1 + offset;
  return `${Math.floor(index / 4)}-Q${((index % 4) + 1) as 1 | 2 | 3 | 4}`;
}

/** A real calendar date written YYYY-MM-DD (rejects 2026-02-30). */
export function isCalendarDay(text: string): boolean {
  const m = DAY.exec(text);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCFullYear() === Number(m[1]) && date.getUTCMonth() === Number(m[2]) - 1 && date.getUTCDate() === Number(m[3]);
}
