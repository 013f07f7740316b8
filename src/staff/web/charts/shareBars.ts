import type { ChartConfiguration } from 'chart.js';
import { formatShare } from '../formatFigures.ts';
import { percentTick } from './chartStyle.ts';

/** A share (0..1) as the bar's percentage with one decimal; null draws no bar. */
export const sharePercent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

/** Horizontal bars on a 0-100 % axis, mirrored right to left: what every share chart has in common. */
export function shareBarOptions(language: string, rtl: boolean, legend: NonNullable<ChartConfiguration<'bar'>['options']>['plugins']): ChartConfiguration<'bar'>['options'] {
  return {
    indexAxis: 'y',
    responsive: true,
    maintainAspectRatio: false,
    locale: language,
    scales: {
      x: { min: 0, max: 100, reverse: rtl, ticks: { callback: percentTick((value) => formatShare(value, language)) } },
      y: { position: rtl ? 'right' : 'left' },
    },
    plugins: legend,
  };
}
