/**
 * Series styles: each series differs in colour, point shape and dash, so lines can be told apart
 * without colour (WCAG 1.4.1); colours have 3:1 contrast on white (WCAG 1.4.11).
 */
export const SERIES_COLOURS = ['#1f5f9e', '#a34a00', '#2b7a3d', '#7b3fa0', '#b0304a', '#00707a', '#5c5c00', '#4a4a4a', '#8a4b08', '#2d4fa3'] as const;
export const POINT_STYLES = ['circle', 'triangle', 'rect', 'rectRot', 'star', 'crossRot', 'rectRounded', 'cross', 'line', 'dash'] as const;
const DASHES: number[][] = [[], [6, 4], [2, 3], [10, 3, 2, 3], [1, 5], [12, 6], [4, 2, 4, 6], [8, 2], [3, 8], [14, 3]];

export function seriesStyle(index: number) {
  const colour = SERIES_COLOURS[index % SERIES_COLOURS.length]!;
  return {
    borderColor: colour,
    backgroundColor: colour,
    pointStyle: POINT_STYLES[index % POINT_STYLES.length]!,
    pointRadius: 5,
    borderDash: DASHES[index % DASHES.length]!,
    borderWidth: 2,
  };
}

/** Axis ticks as percentages (0..100). */
export const percentTick = (format: (share: number) => string) => (value: string | number) => format(Number(value) / 100);
