import { Show } from 'solid-js';
import { t } from '../../../i18n/i18n.ts';
import { createFacilityReport } from '../createFacilityReport.ts';
import { FacilityReportBody, periodLabel } from '../figures/FacilityReportBody.tsx';
import { useStaff } from '../StaffContext.ts';
import { ReportFilters } from '../ui/ReportFilters.tsx';
import { ReportState } from '../ui/ReportState.tsx';

/** A facility's results for a quarter (or response totals for a date range). */
export function DashboardScreen() {
  const staff = useStaff();
  const { selection, router } = staff;
  const report = createFacilityReport(staff);
  const canEnterResidents = () => staff.user().role === 'admin' || staff.user().role === 'manager';
  const printHref = () => {
    const params = new URLSearchParams({ survey: selection.surveyId(), facility: selection.facilityId(), lang: staff.language() });
    const period = selection.period();
    if (period.kind === 'quarter') params.set('period', period.quarter);
    else {
      params.set('from', period.from);
      params.set('to', period.to);
    }
    return `${router.href('print', '')}?${params}`;
  };
  const commentsHref = (questionId: string) => {
    const params = router.search();
    params.set('question', questionId);
    return router.href('comments', `?${params}`);
  };

  return (
    <>
      <h1>{t('results:dashboard.title')}</h1>
      <ReportFilters idPrefix="sw-dashboard" facility="one" periods="quarter-or-range" />
      <Show when={staff.facilities()?.length === 0}>
        <p>{t('results:dashboard.noFacilities')}</p>
      </Show>
      <ReportState source={report}>
        {(data) => (
          <>
            <p class="sw-report-head">
              {t('results:dashboard.showing', { facility: data().facility.name, period: periodLabel(data().period, staff.language()), survey: staff.surveyText(data().survey.title, data().survey) })}{' '}
              <a href={printHref()} target="_blank" rel="noopener">
                {t('results:dashboard.printView')}
              </a>
            </p>
            <FacilityReportBody
              report={data()}
              onResidentsSaved={canEnterResidents() ? () => report.refetch() : undefined}
              commentsHref={data().period.kind === 'quarter' ? commentsHref : undefined}
            />
          </>
        )}
      </ReportState>
    </>
  );
}
