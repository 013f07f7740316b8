import type { ChartConfiguration } from 'chart.js';
import { SERIES_COLOURS } from '../charts/chartStyle.ts';
import { shareBarOptions, sharePercent } from '../charts/shareBars.ts';

/**
 * Horizontal bars of the share satisfied per indicator, two per indicator: answered alone and
 * with help. The first is filled and the second outlined, so they differ without colour
 * (WCAG 1.4.1); null draws no bar, and the table beside the chart says why.
 */
export function modeBarChart(bars: { labels: string[]; series: Array<{ label: string; shares: Array<number | null> }>; language: string; rtl: boolean }): ChartConfiguration {
  return {
    type: 'bar',
    data: {
      labels: bars.labels,
      datasets: bars.series.map((series, index) => {
        const colour = SERIES_COLOURS[index % SERIES_COLOURS.length]!;
        return {
          label: series.label,
          data: series.shares.map(sharePercent),
          backgroundColor: index === 0 ? colour : '#ffffff',
          borderColor: colour,
          borderWidth: index === 0 ? 0 : 3,
        };
      }),
    },
    options: shareBarOptions(bars.language, bars.rtl, { legend: { position: 'bottom', rtl: bars.rtl } }),
  };
}
