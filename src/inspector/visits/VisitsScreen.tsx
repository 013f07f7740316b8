import { For, Show } from 'solid-js';
import { t } from '../../i18n/i18n.ts';
import { makeVisitsApi } from '../../staff/web/api/visitsApi.ts';
import { createApiData } from '../../staff/web/createApiData.ts';
import { formatDay } from '../../staff/web/formatFigures.ts';
import { useStaff } from '../../staff/web/StaffContext.ts';
import { ReportState } from '../../staff/web/ui/ReportState.tsx';
import { VisitReportView } from './VisitReportView.tsx';
import './visits.css';

const api = makeVisitsApi();

/**
 * Monitoring visits of one facility (SMAcc model): every visit, newest first, with
 * its report. Printable: the print style sheet keeps the reports and drops the navigation.
 */
export default function VisitsScreen() {
  const staff = useStaff();
  const { selection } = staff;
  const report = createApiData(() => (selection.facilityId() ? { facilityId: selection.facilityId() } : undefined), (choice) => api.report(choice));
  const facilityName = () => staff.facilities()?.find((f) => f.id === selection.facilityId())?.name ?? '';

  return (
    <>
      <h1>{t('results:visits.title')}</h1>
      <p>{t('results:visits.intro')}</p>
      <p class="sw-note">{t('results:visits.privacy')}</p>
      <Show when={staff.facilities()?.length === 0}>
        <p>{t('results:dashboard.noFacilities')}</p>
      </Show>
      <div class="sw-filters" role="group" aria-label={t('results:filters.label')}>
        <div class="sw-field">
          <label for="sw-visits-facility">{t('results:filters.facility')}</label>
          <select id="sw-visits-facility" onInput={(event) => selection.set({ facility: event.currentTarget.value })}>
            <For each={staff.facilities() ?? []}>
              {(facility) => (
                <option value={facility.id} selected={facility.id === selection.facilityId()}>
                  {facility.name}
                </option>
              )}
            </For>
          </select>
        </div>
        <button type="button" class="sw-button sw-no-print" onClick={() => window.print()}>
          {t('results:visits.print')}
        </button>
      </div>
      <ReportState source={report}>
        {(data) => (
          <>
            <p class="sw-visits-where">{t('results:visits.where', { facility: facilityName(), survey: staff.surveyText(data().survey.title, data().survey) })}</p>
            <Show when={data().visits.length > 0} fallback={<p>{t('results:visits.none')}</p>}>
              <nav class="sw-toc" aria-label={t('results:visits.listTitle')}>
                <ul>
                  <For each={data().visits}>
                    {(visit) => (
                      <li>
                        <a href={`#sw-visit-${visit.responseId}-report`}>
                          {t('results:visits.visitTitle', { day: formatDay(visit.visitDay, staff.language()) })}
                          {visit.serialText ? ` (${visit.serialText})` : ''}
                        </a>
                      </li>
                    )}
                  </For>
                </ul>
              </nav>
              <For each={data().visits}>{(visit) => <VisitReportView visit={visit} defaultLanguage={data().survey.defaultLanguage} />}</For>
            </Show>
          </>
        )}
      </ReportState>
    </>
  );
}
