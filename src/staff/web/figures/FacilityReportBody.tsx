import { For, Show } from 'solid-js';
import { t } from '../../../i18n/i18n.ts';
import type { FacilityReport } from '../../../survey/reportTypes.ts';
import { TrendFigure } from '../charts/TrendFigure.tsx';
import { formatCount, formatDay, formatQuarter, formatShare } from '../formatFigures.ts';
import { useStaff } from '../StaffContext.ts';
import { PictogramImage } from '../ui/PictogramImage.tsx';
import { ResidentCountForm } from '../ui/ResidentCountForm.tsx';
import { groupByTopic } from './groupByTopic.ts';
import { IndicatorTable, indicatorQuestions } from './IndicatorTable.tsx';
import { QuestionFigure } from './QuestionFigure.tsx';
import { TableScroll } from '../ui/TableScroll.tsx';

export function periodLabel(period: FacilityReport['period'], language: string): string {
  return period.kind === 'quarter' ? formatQuarter(period.id) : t('results:period.rangeName', { from: formatDay(period.from, language), to: formatDay(period.to, language) });
}

/**
 * A facility's report for a period, as the dashboard and the print view show it: responses,
 * participation, indicators against their targets, the trend, then every topic's questions.
 */
export function FacilityReportBody(props: {
  report: FacilityReport;
  print?: boolean;
  /** Set when the signed-in role may enter the resident count (admin, manager). */
  onResidentsSaved?: (() => void) | undefined;
  commentsHref?: ((questionId: string) => string) | undefined;
}) {
  const staff = useStaff();
  const lang = () => staff.language();
  const report = () => props.report;
  const indicatorNames = () =>
    indicatorQuestions(report().questions ?? []).map((q) => ({
      questionId: q.questionId,
      label: staff.surveyText(q.topic?.title, report().survey) || staff.surveyText(q.text, report().survey),
    }));

  return (
    <div class="sw-report">
      <section class="sw-section" aria-labelledby="sw-responses-title">
        <h2 id="sw-responses-title">{t('results:responses.title')}</h2>
        <dl class="sw-stats">
          <div>
            <dt>{t('results:responses.complete')}</dt>
            <dd>{formatCount(report().responses.complete, lang())}</dd>
          </div>
          <div>
            <dt>{t('results:responses.partial')}</dt>
            <dd>{formatCount(report().responses.partial, lang())}</dd>
          </div>
          <div>
            <dt>{t('results:responses.total')}</dt>
            <dd>{formatCount(report().responses.total, lang())}</dd>
          </div>
        </dl>
        <p class="sw-note">{t('results:responses.partialNote')}</p>
      </section>

      <Show when={report().period.kind === 'quarter'}>
        <section class="sw-section" aria-labelledby="sw-participation-title">
          <h2 id="sw-participation-title">{t('results:participation.title')}</h2>
          <Show
            when={report().participation.residents !== null && report().participation.rate !== null}
            fallback={<p>{t('results:participation.noResidents', { quarter: periodLabel(report().period, lang()) })}</p>}
          >
            <p>
              <strong>{t('results:participation.rate', { rate: formatShare(report().participation.rate!, lang()) })}</strong>{' '}
              {t('results:participation.detail', {
                complete: formatCount(report().responses.complete, lang()),
                residents: formatCount(report().participation.residents!, lang()),
              })}
            </p>
          </Show>
          <Show when={!props.print && props.onResidentsSaved && report().period.kind === 'quarter'}>
            <ResidentCountForm
              facilityId={report().facility.id}
              quarter={(report().period as { id: string }).id}
              current={report().participation.residents}
              onSaved={() => props.onResidentsSaved?.()}
              idPrefix="sw-dashboard"
            />
          </Show>
        </section>
      </Show>

      <Show
        when={report().questions}
        fallback={
          <section class="sw-section" aria-labelledby="sw-range-title">
            <h2 id="sw-range-title">{t('results:range.title')}</h2>
            <p>{t('results:period.rangeTotalsOnly')}</p>
          </section>
        }
      >
        {(questions) => (
          <>
            <section class="sw-section" aria-labelledby="sw-indicators-title">
              <h2 id="sw-indicators-title">{t('results:indicators.title')}</h2>
              <Show when={indicatorQuestions(questions()).length > 0} fallback={<p>{t('results:indicators.none')}</p>}>
                <TableScroll label={t('results:indicators.title')}>
                  <IndicatorTable
                    questions={questions()}
                    survey={report().survey}
                    minCellSize={report().minCellSize}
                    caption={t('results:indicators.caption', { facility: report().facility.name, period: periodLabel(report().period, lang()) })}
                  />
                </TableScroll>
              </Show>
            </section>

            <section class="sw-section" aria-labelledby="sw-trend-title">
              <h2 id="sw-trend-title">{t('results:trend.title')}</h2>
              <TrendFigure trend={report().trend} indicators={indicatorNames()} print={props.print} />
            </section>

            <section class="sw-section" aria-labelledby="sw-topics-title">
              <h2 id="sw-topics-title">{t('results:topics.title')}</h2>
              <For each={groupByTopic(questions())}>
                {(group) => (
                  <section class="sw-topic">
                    <h3 class="sw-topic__title">
                      <PictogramImage name={group.topic?.pictogram} class="sw-pictogram--topic" />
                      {group.topic ? staff.surveyText(group.topic.title, report().survey) : t('results:topics.other')}
                    </h3>
                    <For each={group.questions}>
                      {(question) => <QuestionFigure question={question} survey={report().survey} minCellSize={report().minCellSize} commentsHref={props.commentsHref} />}
                    </For>
                  </section>
                )}
              </For>
            </section>
          </>
        )}
      </Show>
    </div>
  );
}
