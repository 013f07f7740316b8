import { createEffect, createSignal, For, on, Show } from 'solid-js';
import { t } from '../../i18n/i18n.ts';
import { formatCount } from '../../staff/web/formatFigures.ts';
import { TableScroll } from '../../staff/web/ui/TableScroll.tsx';
import type { ImportReport } from '../../staff/web/api/paperImportApi.ts';

const PAGE = 50;

/**
 * Every problem of a file by row and column, 50 to a page (a wrong file can have thousands).
 * The messages are the server's text, shown as text: never HTML.
 */
export function ImportProblemTable(props: { report: ImportReport; language: string }) {
  const [page, setPage] = createSignal(0);
  createEffect(on(() => props.report, () => setPage(0)));
  const problems = () => props.report.problems;
  const pages = () => Math.max(1, Math.ceil(problems().length / PAGE));
  const shown = () => problems().slice(page() * PAGE, page() * PAGE + PAGE);
  const n = (count: number) => formatCount(count, props.language);

  return (
    <section class="sw-section" aria-labelledby="sw-import-problems">
      <h2 id="sw-import-problems">{t('results:paperImport.problemsTitle')}</h2>
      <Show when={props.report.problemCount > problems().length}>
        <p class="sw-note">{t('results:paperImport.problemsCapped', { listed: n(problems().length), total: n(props.report.problemCount) })}</p>
      </Show>
      <TableScroll label={t('results:paperImport.problemsTitle')}>
        <table class="sw-table">
          <caption>
            {t('results:paperImport.problemsCaption', { first: n(page() * PAGE + 1), last: n(page() * PAGE + shown().length), total: n(problems().length) })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('results:paperImport.row')}</th>
              <th scope="col">{t('results:paperImport.column')}</th>
              <th scope="col">{t('results:paperImport.problem')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={shown()}>
              {(problem) => (
                <tr>
                  <td>{problem.row > 0 ? n(problem.row) : '–'}</td>
                  <td dir="auto">{problem.column || t('results:paperImport.wholeRow')}</td>
                  <td dir="ltr" lang="en">{problem.message}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </TableScroll>
      <Show when={pages() > 1}>
        <div class="sw-actions" role="group" aria-label={t('results:paperImport.pages')}>
          <button type="button" class="sw-button sw-button--small" disabled={page() === 0} onClick={() => setPage(page() - 1)}>
            {t('results:paperImport.previousPage')}
          </button>
          <span>{t('results:paperImport.pageOf', { page: n(page() + 1), pages: n(pages()) })}</span>
          <button type="button" class="sw-button sw-button--small" disabled={page() >= pages() - 1} onClick={() => setPage(page() + 1)}>
            {t('results:paperImport.nextPage')}
          </button>
        </div>
      </Show>
    </section>
  );
}
