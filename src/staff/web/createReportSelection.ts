import { isCalendarDay, isQuarterId, type QuarterId } from '../../survey/periods.ts';
import type { ReportPeriodQuery } from './api/makeStaffApi.ts';
import type { StaffRouter } from './createStaffRouter.ts';
import { recentQuarters } from './formatFigures.ts';

export type PeriodChoice = { kind: 'quarter'; quarter: QuarterId } | { kind: 'range'; from: string; to: string };

export function periodQuery(period: PeriodChoice): ReportPeriodQuery {
  return period.kind === 'quarter' ? { period: period.quarter } : { from: period.from, to: period.to };
}

/**
 * The survey, facility and period the screens show, kept in the address (?survey=&facility=&period=
 * or &from=&to=), so a reload, the back button and the print link keep them. Values not among the
 * ones the caller may choose fall back to the first that is.
 */
export function createReportSelection(router: StaffRouter, choices: { surveyIds: () => string[]; facilityIds: () => string[] }) {
  const param = (name: string) => router.search().get(name) ?? '';

  const pick = (wanted: string, allowed: string[]) => (allowed.includes(wanted) ? wanted : allowed[0] ?? '');

  return {
    surveyId: () => pick(param('survey'), choices.surveyIds()),
    facilityId: () => pick(param('facility'), choices.facilityIds()),
    period: (): PeriodChoice => {
      const quarter = param('period');
      if (isQuarterId(quarter)) return { kind: 'quarter', quarter };
      const from = param('from');
      const to = param('to');
      if (isCalendarDay(from) && isCalendarDay(to)) return { kind: 'range', from, to };
      return { kind: 'quarter', quarter: recentQuarters(1)[0]! };
    },
    /** The quarter of the selection; screens that show quarters only use the current one when a range is chosen. */
    quarter(): QuarterId {
      const period = this.period();
      return period.kind === 'quarter' ? period.quarter : recentQuarters(1)[0]!;
    },
    /** The facility parameter as given ('all' for a breakdown over every facility the caller may see). */
    facilityParam: () => param('facility'),
    set(changes: { survey?: string; facility?: string; period?: PeriodChoice }) {
      const params = router.search();
      if (changes.survey !== undefined) params.set('survey', changes.survey);
      if (changes.facility !== undefined) params.set('facility', changes.facility);
      if (changes.period) {
        params.delete('period');
        params.delete('from');
        params.delete('to');
        if (changes.period.kind === 'quarter') params.set('period', changes.period.quarter);
        else {
          params.set('from', changes.period.from);
          params.set('to', changes.period.to);
        }
      }
      router.replaceSearch(params);
    },
  };
}

export type ReportSelection = ReturnType<typeof createReportSelection>;
