import { createMemo, For, Show } from 'solid-js';
import { t } from '../../i18n/i18n.ts';
import { languageInfo } from '../../survey/languages.ts';
import { formatCount } from '../web/formatFigures.ts';
import { useStaff } from '../web/StaffContext.ts';
import { TableScroll } from '../web/ui/TableScroll.tsx';
import type { XlsformCheck, XlsformCheckProblem } from './xlsformCheckApi.ts';

const SEVERITIES = ['error', 'skipped', 'warning'] as const;
const SHEETS = ['(file)', 'settings', 'survey', 'choices'];
/** A form with thousands of problems is the wrong file: the first ones say so as well as all would. */
export const SHOWN_PROBLEMS = 500;

/** Errors first, then skipped rows, then warnings; within each in spreadsheet order (the server's order is kept otherwise). */
export function orderProblems(problems: readonly XlsformCheckProblem[]): XlsformCheckProblem[] {
  const sheet = (name: string) => { const i = SHEETS.indexOf(name); return i < 0 ? SHEETS.length : i; };
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => SEVERITIES.indexOf(a.problem.severity) - SEVERITIES.indexOf(b.problem.severity)
      || sheet(a.problem.sheet) - sheet(b.problem.sheet) || (a.problem.row ?? 0) - (b.problem.row ?? 0) || a.index - b.index)
    .map(({ problem }) => problem);
}

/**
 * What the import made of the file: the survey in figures, then every problem by sheet, row
 * and column. The messages are the server's text (English), shown as text, never as HTML.
 */
export function XlsformReport(props: { check: XlsformCheck }) {
  const staff = useStaff();
  const n = (count: number) => formatCount(count, staff.language());
  const ordered = createMemo(() => orderProblems(props.check.problems));
  const count = (severity: XlsformCheckProblem['severity']) => props.check.problems.filter((p) => p.severity === severity).length;
  const shown = () => ordered().slice(0, SHOWN_PROBLEMS);

  return (
    <>
      <section class="sw-section" aria-labelledby="sw-xlsform-summary">
        <h2 id="sw-xlsform-summary">{t('authoring:import.summaryTitle')}</h2>
        <p class={props.check.publishable ? 'sw-success' : 'sw-error'}>
          {props.check.publishable ? t('authoring:import.publishable') : t('authoring:import.notPublishable', { formatted: n(count('error')) })}
        </p>
        <dl class="sw-stats">
          <div><dt>{t('authoring:import.questions')}</dt><dd>{n(props.check.summary.questions)}</dd></div>
          <div><dt>{t('authoring:import.groups')}</dt><dd>{n(props.check.summary.groups)}</dd></div>
          <div><dt>{t('authoring:import.skippedRows')}</dt><dd>{n(props.check.summary.skippedRows)}</dd></div>
          <div><dt>{t('authoring:import.errors')}</dt><dd>{n(count('error'))}</dd></div>
          <div><dt>{t('authoring:import.warnings')}</dt><dd>{n(count('warning'))}</dd></div>
        </dl>
        <p>
          {t('authoring:import.languagesFound', {
            languages: props.check.summary.languages.map((code) => `${languageInfo(code).englishName} (${code})`).join(', ') || '–',
          })}
        </p>
      </section>

      <section class="sw-section" aria-labelledby="sw-xlsform-problems">
        <h2 id="sw-xlsform-problems">{t('authoring:import.problemsTitle')}</h2>
        <Show when={ordered().length > 0} fallback={<p>{t('authoring:import.noProblems')}</p>}>
          <Show when={ordered().length > SHOWN_PROBLEMS}>
            <p class="sw-note">{t('authoring:import.problemsCapped', { shown: n(SHOWN_PROBLEMS), total: n(ordered().length) })}</p>
          </Show>
          <TableScroll label={t('authoring:import.problemsTitle')}>
            <table class="sw-table sw-xlsform-problems">
              <caption>{t('authoring:import.problemsCaption', { formatted: n(ordered().length) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('authoring:import.severity')}</th>
                  <th scope="col">{t('authoring:import.sheet')}</th>
                  <th scope="col">{t('authoring:import.row')}</th>
                  <th scope="col">{t('authoring:import.column')}</th>
                  <th scope="col">{t('authoring:import.name')}</th>
                  <th scope="col">{t('authoring:import.message')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={shown()}>
                  {(problem) => (
                    <tr class={`sw-xlsform-${problem.severity}`}>
                      <td>{t(`authoring:import.severities.${problem.severity}`)}</td>
                      <td dir="ltr">{problem.sheet}</td>
                      <td class="sw-number">{problem.row !== undefined ? n(problem.row) : '–'}</td>
                      <td dir="auto">{problem.column ?? '–'}</td>
                      <td dir="ltr"><Show when={problem.name} fallback="–"><code>{problem.name}</code></Show></td>
                      <td dir="ltr" lang="en">{problem.message}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </TableScroll>
        </Show>
      </section>
    </>
  );
}
