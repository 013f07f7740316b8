import { For, Show } from 'solid-js';
import { t } from '../../../i18n/i18n.ts';
import type { BreakdownReport, QuestionFigures } from '../../../survey/reportTypes.ts';
import { ChartCanvas } from '../charts/ChartCanvas.tsx';
import { formatCount, formatShare } from '../formatFigures.ts';
import { useStaff } from '../StaffContext.ts';
import { HiddenFigure } from '../ui/HiddenFigure.tsx';
import { PictogramImage } from '../ui/PictogramImage.tsx';
import { TableScroll } from '../ui/TableScroll.tsx';
import { modeBarChart } from './modeBarChart.ts';
import { answeredCount, chartShare, modeComparison, MODES, type Mode, type ModeComparisonRow } from './modeComparison.ts';

/** One mode's two cells (share satisfied, answers): hidden in words, "no responses" when none came that way. */
function ModeCells(props: { figures: QuestionFigures | null; minCellSize: number }) {
  const staff = useStaff();
  return (
    <Show when={props.figures} fallback={<td colSpan={2}>{t('results:assistance.noneInMode')}</td>}>
      {(figures) => (
        <Show when={!figures().hidden} fallback={<td colSpan={2}><HiddenFigure minCellSize={props.minCellSize} /></td>}>
          <td class="sw-number">{figures().satisfiedShare == null ? t('results:question.none') : formatShare(figures().satisfiedShare!, staff.language())}</td>
          <td class="sw-number">{formatCount(answeredCount(figures()), staff.language())}</td>
        </Show>
      )}
    </Show>
  );
}

/** Self vs assisted for every indicator of a breakdown by mode: a bar chart and the same figures in a table. */
export function ModeComparisonFigure(props: { report: BreakdownReport; caption: string }) {
  const staff = useStaff();
  const survey = () => props.report.survey;
  const rows = () => modeComparison(props.report);
  const modeName = (mode: Mode) => t(`results:breakdown.modes.${mode}`);
  const rowName = (row: ModeComparisonRow) => staff.surveyText(row.topic?.title, survey()) || staff.surveyText(row.text, survey());
  const cellWords = (figures: QuestionFigures | null) => {
    if (!figures) return t('results:assistance.noneInMode');
    if (figures.hidden) return t('results:hidden', { count: props.report.minCellSize });
    return figures.satisfiedShare == null ? t('results:question.none') : formatShare(figures.satisfiedShare, staff.language());
  };
  const summary = () =>
    t('results:assistance.chartLabel', {
      figures: rows()
        .map((row) => `${rowName(row)}: ${MODES.map((mode) => `${modeName(mode)} ${cellWords(row[mode])}`).join(', ')}`)
        .join('; '),
    });
  const config = () =>
    modeBarChart({
      labels: rows().map(rowName),
      series: MODES.map((mode) => ({ label: modeName(mode), shares: rows().map((row) => chartShare(row[mode])) })),
      language: staff.language(),
      rtl: document.documentElement.dir === 'rtl',
    });

  return (
    <Show when={rows().length > 0} fallback={<p>{t('results:assistance.noIndicators')}</p>}>
      <figure class="sw-figure">
        <ChartCanvas config={config} label={summary()} class="sw-chart--modes" />
        <TableScroll label={props.caption}>
          <table class="sw-table sw-mode-table">
            <caption>{props.caption}</caption>
            <thead>
              <tr>
                <th scope="col" rowSpan={2}>
                  {t('results:indicators.topic')}
                </th>
                <th scope="col" rowSpan={2}>
                  {t('results:indicators.question')}
                </th>
                <For each={[...MODES]}>
                  {(mode) => (
                    <th scope="colgroup" colSpan={2}>
                      {modeName(mode)}
                    </th>
                  )}
                </For>
              </tr>
              <tr>
                <For each={[...MODES]}>
                  {(mode) => (
                    <>
                      <th scope="col">
                        <span class="sw-visually-hidden">{modeName(mode)}: </span>
                        {t('results:indicators.satisfied')}
                      </th>
                      <th scope="col">
                        <span class="sw-visually-hidden">{modeName(mode)}: </span>
                        {t('results:indicators.answers')}
                      </th>
                    </>
                  )}
                </For>
              </tr>
            </thead>
            <tbody>
              <For each={rows()}>
                {(row) => (
                  <tr>
                    <th scope="row">
                      <span class="sw-with-pictogram">
                        <PictogramImage name={row.topic?.pictogram} />
                        {rowName(row)}
                      </span>
                    </th>
                    <td>{row.topic ? staff.surveyText(row.text, survey()) : ''}</td>
                    <ModeCells figures={row.self} minCellSize={props.report.minCellSize} />
                    <ModeCells figures={row.assisted} minCellSize={props.report.minCellSize} />
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </TableScroll>
      </figure>
    </Show>
  );
}
