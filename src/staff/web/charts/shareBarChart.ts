import type { ChartConfiguration } from 'chart.js';
import { t } from '../../../i18n/i18n.ts';
import { formatShare } from '../formatFigures.ts';
import { percentTick, SERIES_COLOURS } from './chartStyle.ts';

/**
 * Horizontal bars of the share satisfied, one per facility or group (0..1, null draws no bar).
 * The caller names each bar; a hidden one should say so, so an empty bar is never read as 0%.
 */
export function shareBarChart(bars: { labels: string[]; shares: Array<number | null>; seriesIndex: number; language: string }): ChartConfiguration {
  const rtl = document.documentElement.dir === 'rtl';
  return {
    type: 'bar',
    data: {
      labels: bars.labels,
      datasets: [
        {
          label: t('results:comparison.shareSatisfied'),
          data: bars.shares.map((share) => (share === null ? null : Math.round(share * 1000) / 10)),
          backgroundColor: SERIES_COLOURS[bars.seriesIndex % SERIES_COLOURS.length],
        },
      ],
    },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      locale: bars.language,
      scales: {
        x: { min: 0, max: 100, reverse: rtl, ticks: { callback: percentTick((value) => formatShare(value, bars.language)) } },
        y: { position: rtl ? 'right' : 'left' },
      },
      plugins: { legend: { display: false } },
    },
  };
}
