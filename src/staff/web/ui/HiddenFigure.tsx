import { t } from '../../../i18n/i18n.ts';

/** A small cell: words, never a number (docs/staff-api.md, Small cells). */
export function HiddenFigure(props: { minCellSize: number }) {
  return <span class="sw-hidden-figure">{t('results:hidden', { count: props.minCellSize })}</span>;
}
