import * as v from 'valibot';
import { isCalendarDay } from '../../../survey/periods.ts';

export interface VisitQuery { facility: string; survey: string; from?: string; to?: string }

/** The survey the visit report reads when none is named. */
export const DEFAULT_VISIT_SURVEY = 'monitoring-visit';

const Params = {
  facility: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,100}$/, 'must be a facility id')),
  survey: v.pipe(v.string(), v.regex(/^[a-z][a-z0-9-]{1,62}$/, 'must be a survey id such as monitoring-visit')),
  from: v.pipe(v.string(), v.check(isCalendarDay, 'must be a date such as 2026-07-01')),
  to: v.pipe(v.string(), v.check(isCalendarDay, 'must be a date such as 2026-07-01')),
};

/** facility (required), survey (default monitoring-visit), from/to (days, both included); a parameter sent twice is refused. */
export function parseVisitQuery(raw: Record<string, string[] | undefined>): { ok: true; query: VisitQuery } | { ok: false; message: string } {
  const out: Record<string, string> = {};
  for (const [name, schema] of Object.entries(Params)) {
    const values = raw[name] ?? [];
    if (values.length > 1) return { ok: false, message: `${name} is given more than once` };
    const value = values[0];
    if (value === undefined || value === '') continue;
    const parsed = v.safeParse(schema, value);
    if (!parsed.success) return { ok: false, message: `${name} ${parsed.issues[0]!.message}` };
    out[name] = parsed.output;
  }
  if (!out.facility) return { ok: false, message: 'facility is required' };
  if (out.from && out.to && out.from > out.to) return { ok: false, message: 'from must not be after to' };
  return {
    ok: true,
    query: { facility: out.facility, survey: out.survey ?? DEFAULT_VISIT_SURVEY, ...(out.from ? { from: out.from } : {}), ...(out.to ? { to: out.to } : {}) },
  };
}
