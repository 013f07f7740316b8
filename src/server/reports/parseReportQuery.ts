import * as v from 'valibot';
import { isCalendarDay, isQuarterId, type QuarterId } from '../../survey/periods.ts';
import type { ReportPeriodQuery } from './facilityReport.ts';

/** A custom range is at most a leap year long, both ends included (docs/staff-api.md). */
export const MAX_RANGE_DAYS = 366;

export type Parsed<T> = { ok: true; query: T } | { ok: false; parameter: string; message: string };

const SurveyParam = v.pipe(v.string(), v.regex(/^[a-z][a-z0-9-]{1,62}$/, 'must be a survey id such as resident-satisfaction'));
const FacilityParam = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,100}$/, 'must be a facility id'));
const QuarterParam = v.pipe(
  v.string(),
  v.check((text) => isQuarterId(text) && Number(text.slice(0, 4)) >= 1970, 'must be a quarter such as 2026-Q3'),
  v.transform((text) => text as QuarterId),
);
const DayParam = v.pipe(v.string(), v.check(isCalendarDay, 'must be a date such as 2026-07-01'));
const DimensionParam = v.pipe(v.string(), v.regex(/^[a-z][a-z0-9_.]{0,99}$/, 'must be language, mode, source or a demographic question id'));

/** Query parameters as Hono gives them (c.req.queries()): a parameter sent twice is refused, not guessed at. */
type RawQuery = Record<string, string[] | undefined>;

class QueryProblem extends Error {
  constructor(readonly parameter: string, message: string) {
    super(message);
  }
}

function param<T>(raw: RawQuery, name: string, schema: v.GenericSchema<string, T>, required: true): T;
function param<T>(raw: RawQuery, name: string, schema: v.GenericSchema<string, T>, required: false): T | undefined;
function param<T>(raw: RawQuery, name: string, schema: v.GenericSchema<string, T>, required: boolean): T | undefined {
  const values = raw[name] ?? [];
  if (values.length > 1) throw new QueryProblem(name, 'is given more than once');
  const value = values[0];
  if (value === undefined || value === '') {
    if (required) throw new QueryProblem(name, 'is required');
    return undefined;
  }
  const parsed = v.safeParse(schema, value);
  if (!parsed.success) throw new QueryProblem(name, parsed.issues[0]!.message);
  return parsed.output;
}

function parse<T>(read: () => T): Parsed<T> {
  try {
    return { ok: true, query: read() };
  } catch (error) {
    if (error instanceof QueryProblem) return { ok: false, parameter: error.parameter, message: `${error.parameter} ${error.message}` };
    throw error;
  }
}

const dayNumber = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000;

/** survey, facility, and either period=YYYY-Qn or from/to (days, at most 366 of them). */
export function parseFacilityQuery(raw: RawQuery): Parsed<{ survey: string; facility: string; period: ReportPeriodQuery }> {
  return parse(() => {
    const survey = param(raw, 'survey', SurveyParam, true);
    const facility = param(raw, 'facility', FacilityParam, true);
    const quarter = param(raw, 'period', QuarterParam, false);
    const from = param(raw, 'from', DayParam, false);
    const to = param(raw, 'to', DayParam, false);
    if (quarter !== undefined) {
      if (from !== undefined || to !== undefined) throw new QueryProblem('period', 'cannot be combined with from/to: give a quarter or a date range');
      return { survey, facility, period: { quarter } };
    }
    if (from === undefined && to === undefined) throw new QueryProblem('period', 'is required (a quarter such as 2026-Q3), or from and to');
    if (from === undefined) throw new QueryProblem('from', 'is required with to');
    if (to === undefined) throw new QueryProblem('to', 'is required with from');
    if (to < from) throw new QueryProblem('to', 'must not be before from');
    if (dayNumber(to) - dayNumber(from) + 1 > MAX_RANGE_DAYS) throw new QueryProblem('to', `makes a range over ${MAX_RANGE_DAYS} days`);
    return { survey, facility, period: { from, to } };
  });
}

/** A date range would let figures be differenced (suppressSmallCells.ts): these reports take quarters only. */
function quartersOnly(raw: RawQuery): void {
  for (const name of ['from', 'to']) if (raw[name] !== undefined) throw new QueryProblem(name, 'is not allowed here: this report is for a quarter (period) only');
}

export function parseComparisonQuery(raw: RawQuery): Parsed<{ survey: string; quarter: QuarterId }> {
  return parse(() => {
    quartersOnly(raw);
    return { survey: param(raw, 'survey', SurveyParam, true), quarter: param(raw, 'period', QuarterParam, true) };
  });
}

/** Breakdowns are quarters only; facility is optional here (the route requires it of managers). */
export function parseBreakdownQuery(raw: RawQuery): Parsed<{ survey: string; quarter: QuarterId; dimension: string; facility: string | undefined }> {
  return parse(() => {
    quartersOnly(raw);
    return {
      survey: param(raw, 'survey', SurveyParam, true),
      quarter: param(raw, 'period', QuarterParam, true),
      dimension: param(raw, 'dimension', DimensionParam, true),
      facility: param(raw, 'facility', FacilityParam, false),
    };
  });
}

/** survey, facility and period (a quarter): the reports of mediator mode. */
export function parseFacilityQuarterQuery(raw: RawQuery): Parsed<{ survey: string; facility: string; quarter: QuarterId }> {
  return parse(() => {
    quartersOnly(raw);
    return { survey: param(raw, 'survey', SurveyParam, true), facility: param(raw, 'facility', FacilityParam, true), quarter: param(raw, 'period', QuarterParam, true) };
  });
}
