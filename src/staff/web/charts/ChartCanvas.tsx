import type { ChartConfiguration } from 'chart.js';
import { createEffect, createResource, onCleanup, Show } from 'solid-js';
import { t } from '../../../i18n/i18n.ts';

/**
 * One chart.js canvas. The canvas is an image to assistive technology (role="img") whose name
 * summarises it; the figures themselves are in the data table the caller puts beside it.
 */
export function ChartCanvas(props: {
  config: () => ChartConfiguration;
  /** The summary screen readers hear instead of the picture. */
  label: string;
  class?: string;
}) {
  let canvas: HTMLCanvasElement | undefined;
  let chart: { destroy: () => void; resize: () => void } | undefined;
  // null: the chart code could not be loaded (offline); the table beside it still has the figures.
  const [runtime] = createResource(() => import('./chartRuntime.ts').catch(() => null));

  createEffect(() => {
    const loaded = runtime();
    const config = props.config();
    if (!loaded || !canvas) return;
    chart?.destroy();
    chart = new loaded.Chart(canvas, config);
  });
  // The print layout differs from the screen's: redraw at the printed size.
  const redraw = () => chart?.resize();
  window.addEventListener('beforeprint', redraw);
  window.addEventListener('afterprint', redraw);
  onCleanup(() => {
    window.removeEventListener('beforeprint', redraw);
    window.removeEventListener('afterprint', redraw);
    chart?.destroy();
  });

  return (
    <div class={`sw-chart ${props.class ?? ''}`}>
      <canvas ref={(el) => (canvas = el)} role="img" aria-label={props.label} />
      <Show when={runtime() === null}>
        <p class="sw-note">{t('results:chart.failed')}</p>
      </Show>
    </div>
  );
}
