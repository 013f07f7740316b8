import type { ChartConfiguration } from 'chart.js';
import { t } from '../../../i18n/i18n.ts';
import { SERIES_COLOURS } from './chartStyle.ts';
import { shareBarOptions, sharePercent } from './shareBars.ts';

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
          data: bars.shares.map(sharePercent),
          backgroundColor: SERIES_COLOURS[bars.seriesIndex % SERIES_COLOURS.length],
        },
      ],
    },
    options: shareBarOptions(bars.language, rtl, { legend: { display: false } }),
  };
}
