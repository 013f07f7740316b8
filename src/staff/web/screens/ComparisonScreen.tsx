import { For, Show } from 'solid-js';
import { t } from '../../../i18n/i18n.ts';
import type { ComparisonReport } from '../../../survey/reportTypes.ts';
import { ChartCanvas } from '../charts/ChartCanvas.tsx';
import { shareBarChart } from '../charts/shareBarChart.ts';
import { createApiData } from '../createApiData.ts';
import { formatCount, formatQuarter, formatShare } from '../formatFigures.ts';
import { useStaff } from '../StaffContext.ts';
import { HiddenFigure } from '../ui/HiddenFigure.tsx';
import { PictogramImage } from '../ui/PictogramImage.tsx';
import { ReportFilters } from '../ui/ReportFilters.tsx';
import { ReportState } from '../ui/ReportState.tsx';
import { TargetVerdict } from '../ui/TargetVerdict.tsx';
import { TableScroll } from '../ui/TableScroll.tsx';

type Cell = ComparisonReport['total'][string];

/** One indicator across facilities: a bar per facility and the same figures in a table. */
function IndicatorComparison(props: { report: ComparisonReport; indicator: ComparisonReport['indicators'][number]; index: number }) {
  const staff = useStaff();
  const name = () => staff.surveyText(props.indicator.topic?.title, props.report.survey) || staff.surveyText(props.indicator.text, props.report.survey);
  const cellOf = (row: ComparisonReport['rows'][number]): Cell | undefined => row.cells[props.indicator.questionId];
  const share = (cell: Cell | undefined) => (cell && !cell.hidden && cell.satisfiedShare !== null ? cell.satisfiedShare : null);

  const config = () =>
    shareBarChart({
      // A hidden facility keeps its place on the axis, named as hidden, so an empty bar is never read as 0%.
      labels: props.report.rows.map((row) => (share(cellOf(row)) === null ? t('results:chart.hiddenLabel', { name: row.facility.name }) : row.facility.name)),
      shares: props.report.rows.map((row) => share(cellOf(row))),
      seriesIndex: props.index,
      language: staff.language(),
    });
  const summary = () => {
    const parts = props.report.rows.map((row) => {
      const value = share(cellOf(row));
      return `${row.facility.name}: ${value === null ? t('results:hidden', { count: props.report.minCellSize }) : formatShare(value, staff.language())}`;
    });
    return t('results:comparison.chartLabel', { indicator: name(), target: formatShare(props.indicator.targetPercent / 100, staff.language()), figures: parts.join('; ') });
  };

  return (
    <section class="sw-section sw-comparison-indicator">
      <h3 class="sw-topic__title">
        <PictogramImage name={props.indicator.topic?.pictogram} class="sw-pictogram--topic" />
        {name()}
      </h3>
      <p class="sw-note">{staff.surveyText(props.indicator.text, props.report.survey)}</p>
      <figure class="sw-figure">
        <ChartCanvas config={config} label={summary()} class="sw-chart--bars" />
        <TableScroll label={t('results:comparison.indicatorCaption', { indicator: name(), target: formatShare(props.indicator.targetPercent / 100, staff.language()) })}>
          <table class="sw-table">
            <caption>{t('results:comparison.indicatorCaption', { indicator: name(), target: formatShare(props.indicator.targetPercent / 100, staff.language()) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('results:comparison.facility')}</th>
                <th scope="col">{t('results:comparison.shareSatisfied')}</th>
                <th scope="col">{t('results:indicators.result')}</th>
                <th scope="col">{t('results:indicators.answers')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.report.rows}>
                {(row) => <CellRow name={row.facility.name} cell={cellOf(row)} minCellSize={props.report.minCellSize} />}
              </For>
            </tbody>
            <tfoot>
              <CellRow name={t('results:comparison.allFacilities')} cell={props.report.total[props.indicator.questionId]} minCellSize={props.report.minCellSize} />
            </tfoot>
          </table>
        </TableScroll>
      </figure>
    </section>
  );
}

function CellRow(props: { name: string; cell: Cell | undefined; minCellSize: number }) {
  const staff = useStaff();
  const shown = () => props.cell && !props.cell.hidden;
  return (
    <tr>
      <th scope="row">{props.name}</th>
      <td class="sw-number">
        <Show when={shown()} fallback={<HiddenFigure minCellSize={props.minCellSize} />}>
          {props.cell!.satisfiedShare === null ? t('results:question.none') : formatShare(props.cell!.satisfiedShare, staff.language())}
        </Show>
      </td>
      <td>
        <TargetVerdict met={shown() ? props.cell!.met : null} />
      </td>
      <td class="sw-number">
        <Show when={shown()} fallback={<HiddenFigure minCellSize={props.minCellSize} />}>
          {formatCount(props.cell!.n, staff.language())}
        </Show>
      </td>
    </tr>
  );
}

/** One indicator's cell of the overview table: share satisfied and whether it meets the target. */
function OverviewCell(props: { cell: Cell | undefined; minCellSize: number }) {
  const staff = useStaff();
  return (
    <td>
      <Show when={props.cell && !props.cell.hidden} fallback={<HiddenFigure minCellSize={props.minCellSize} />}>
        <span class="sw-number">{props.cell!.satisfiedShare === null ? t('results:question.none') : formatShare(props.cell!.satisfiedShare, staff.language())}</span>{' '}
        <TargetVerdict met={props.cell!.met} />
      </Show>
    </td>
  );
}

/** Facilities side by side for one quarter (admin, analyst). */
export function ComparisonScreen() {
  const staff = useStaff();
  const { selection } = staff;
  const report = createApiData(
    () => (selection.surveyId() ? { survey: selection.surveyId(), period: selection.quarter() } : undefined),
    (choice) => staff.api.comparison(choice),
  );

  return (
    <>
      <h1>{t('results:comparison.title')}</h1>
      <ReportFilters idPrefix="sw-comparison" facility="none" periods="quarter" />
      <ReportState source={report}>
        {(data) => (
          <>
            <section class="sw-section" aria-labelledby="sw-comparison-overview">
              <h2 id="sw-comparison-overview">{t('results:comparison.overview')}</h2>
              <TableScroll label={t('results:comparison.caption', { period: formatQuarter(data().period.id) })}>
                <table class="sw-table">
                  <caption>{t('results:comparison.caption', { period: formatQuarter(data().period.id) })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('results:comparison.facility')}</th>
                      <th scope="col">{t('results:responses.complete')}</th>
                      <th scope="col">{t('results:responses.partial')}</th>
                      <th scope="col">{t('results:participation.title')}</th>
                      <For each={data().indicators}>
                        {(indicator) => <th scope="col">{staff.surveyText(indicator.topic?.title, data().survey) || staff.surveyText(indicator.text, data().survey)}</th>}
                      </For>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={data().rows}>
                      {(row) => (
                        <tr>
                          <th scope="row">{row.facility.name}</th>
                          <td class="sw-number">{formatCount(row.responses.complete, staff.language())}</td>
                          <td class="sw-number">{formatCount(row.responses.partial, staff.language())}</td>
                          <td class="sw-number">{row.participation.rate === null ? t('results:participation.unknown') : formatShare(row.participation.rate, staff.language())}</td>
                          <For each={data().indicators}>{(indicator) => <OverviewCell cell={row.cells[indicator.questionId]} minCellSize={data().minCellSize} />}</For>
                        </tr>
                      )}
                    </For>
                  </tbody>
                  <tfoot>
                    <tr>
                      <th scope="row">{t('results:comparison.allFacilities')}</th>
                      <td class="sw-number">{formatCount(data().rows.reduce((n, row) => n + row.responses.complete, 0), staff.language())}</td>
                      <td class="sw-number">{formatCount(data().rows.reduce((n, row) => n + row.responses.partial, 0), staff.language())}</td>
                      <td />
                      <For each={data().indicators}>{(indicator) => <OverviewCell cell={data().total[indicator.questionId]} minCellSize={data().minCellSize} />}</For>
                    </tr>
                  </tfoot>
                </table>
              </TableScroll>
            </section>
            <section class="sw-section" aria-labelledby="sw-comparison-indicators">
              <h2 id="sw-comparison-indicators">{t('results:comparison.byIndicator')}</h2>
              <Show when={data().indicators.length > 0} fallback={<p>{t('results:indicators.none')}</p>}>
                <For each={data().indicators}>{(indicator, index) => <IndicatorComparison report={data()} indicator={indicator} index={index()} />}</For>
              </Show>
            </section>
          </>
        )}
      </ReportState>
    </>
  );
}
