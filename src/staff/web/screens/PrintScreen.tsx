import { t } from '../../../i18n/i18n.ts';
import { createFacilityReport } from '../createFacilityReport.ts';
import { FacilityReportBody, periodLabel } from '../figures/FacilityReportBody.tsx';
import { formatDateTime } from '../formatFigures.ts';
import { useStaff } from '../StaffContext.ts';
import { ReportState } from '../ui/ReportState.tsx';

/**
 * The facility's quarterly report laid out for A4 (/staff/print?survey=&facility=&period=&lang=):
 * every figure in a table, charts at a printed size, nothing interactive but the print button.
 */
export function PrintScreen() {
  const staff = useStaff();
  const report = createFacilityReport(staff);
  const printedAt = formatDateTime(new Date().toISOString(), staff.language());

  return (
    <div class="sw-print">
      <ReportState source={report}>
        {(data) => (
          <article class="sw-print__page">
            <header class="sw-print__head">
              <h1>{t('results:print.title', { facility: data().facility.name, period: periodLabel(data().period, staff.language()) })}</h1>
              <p>{staff.surveyText(data().survey.title, data().survey)}</p>
              <p class="sw-note">{t('results:print.printedAt', { time: printedAt, threshold: data().minCellSize })}</p>
              <button type="button" class="sw-button sw-button--primary sw-no-print" onClick={() => window.print()}>
                {t('results:print.print')}
              </button>
            </header>
            <FacilityReportBody report={data()} print />
          </article>
        )}
      </ReportState>
    </div>
  );
}
