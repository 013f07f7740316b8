/**
 * Calendar quarters as wave dates: Fedasil surveys residents quarterly, so the create form
 * offers this quarter and the next few as one-click date ranges.
 */
export interface QuarterRange { label: string; startsOn: string; endsOn: string }

const pad = (n: number) => String(n).padStart(2, '0');

/** Q1..Q4 of a year: first and last day. */
export function quarterRange(year: number, quarter: 1 | 2 | 3 | 4): QuarterRange {
  const firstMonth = (quarter - 1) * 3 + 1;
  const lastDay = new Date(Date.UTC(year, firstMonth + 2, 0)).getUTCDate();
  return { label: `${year} Q${quarter}`, startsOn: `${year}-${pad(firstMonth)}-01`, endsOn: `${year}-${pad(firstMonth + 2)}-${pad(lastDay)}` };
}

/** The quarter containing `today` (YYYY-MM-DD) and the `count - 1` after it. */
export function upcomingQuarters(today: string, count = 4): QuarterRange[] {
  let year = Number(today.slice(0, 4));
  let quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const ranges: QuarterRange[] = [];
  for (let i = 0; i < count; i++) {
    ranges.push(quarterRange(year, quarter as 1 | 2 | 3 | 4));
    quarter += 1;
    if (quarter > 4) { quarter = 1; year += 1; }
  }
  return ranges;
}
