import type { ChartConfiguration } from 'chart.js';
import { For, Show } from 'solid-js';
import { t } from '../../../i18n/i18n.ts';
import type { TrendPoint } from '../../../survey/reportTypes.ts';
import { formatCount, formatQuarter, formatShare } from '../formatFigures.ts';
import { useStaff } from '../StaffContext.ts';
import { ChartCanvas } from './ChartCanvas.tsx';
import { percentTick, seriesStyle } from './chartStyle.ts';
import { TableScroll } from '../ui/TableScroll.tsx';

/** Share satisfied per indicator across quarters: a line chart and the same figures in a table. */
export function TrendFigure(props: {
  trend: TrendPoint[];
  /** Indicator question ids with their names (topic titles), in the report's order. */
  indicators: Array<{ questionId: string; label: string }>;
  print?: boolean;
}) {
  const staff = useStaff();
  const share = (value: number | null | undefined) => (value == null ? null : Math.round(value * 1000) / 10);

  const config = (): ChartConfiguration => ({
    type: 'line',
    data: {
      labels: props.trend.map((point) => formatQuarter(point.period)),
      datasets: props.indicators.map((indicator, index) => ({
        label: indicator.label,
        data: props.trend.map((point) => share(point.indicators[indicator.questionId])),
        spanGaps: false,
        ...seriesStyle(index),
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: props.print ? false : { duration: 250 },
      devicePixelRatio: props.print ? 3 : undefined,
      locale: staff.language(),
      scales: {
        y: { min: 0, max: 100, ticks: { callback: percentTick((value) => formatShare(value, staff.language())) }, title: { display: true, text: t('results:trend.axisShare') } },
        x: { reverse: document.documentElement.dir === 'rtl' },
      },
      plugins: {
        legend: { position: 'bottom', rtl: document.documentElement.dir === 'rtl', labels: { usePointStyle: true } },
        tooltip: { enabled: !props.print },
      },
    },
  });

  const summary = () =>
    props.trend.length === 0
      ? t('results:trend.empty')
      : t('results:trend.chartLabel', {
          from: formatQuarter(props.trend[0]!.period),
          to: formatQuarter(props.trend[props.trend.length - 1]!.period),
          count: props.indicators.length,
        });

  return (
    <figure class="sw-figure">
      <Show when={props.trend.length > 0} fallback={<p>{t('results:trend.empty')}</p>}>
        <ChartCanvas config={config} label={summary()} class="sw-chart--trend" />
        <TableScroll label={t('results:trend.tableCaption')}>
          <table class="sw-table sw-trend-table">
            <caption>{t('results:trend.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('results:trend.quarter')}</th>
                <th scope="col">{t('results:trend.responses')}</th>
                <For each={props.indicators}>{(indicator) => <th scope="col">{indicator.label}</th>}</For>
              </tr>
            </thead>
            <tbody>
              <For each={props.trend}>
                {(point) => (
                  <tr>
                    <th scope="row">{formatQuarter(point.period)}</th>
                    <td class="sw-number">{formatCount(point.responses.total, staff.language())}</td>
                    <For each={props.indicators}>
                      {(indicator) => {
                        const value = () => point.indicators[indicator.questionId];
                        return <td class="sw-number">{value() == null ? t('results:trend.notShown') : formatShare(value()!, staff.language())}</td>;
                      }}
                    </For>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </TableScroll>
        <p class="sw-note">{t('results:trend.notShownNote')}</p>
      </Show>
    </figure>
  );
}
