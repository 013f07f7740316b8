import { createMemo, createSignal, For, Show } from 'solid-js';
import { t } from '../../i18n/i18n.ts';
import { makePaperImportApi, type ImportAnswer } from '../../staff/web/api/paperImportApi.ts';
import { createApiData } from '../../staff/web/createApiData.ts';
import { formatCount } from '../../staff/web/formatFigures.ts';
import { useStaff } from '../../staff/web/StaffContext.ts';
import { ErrorNotice } from '../../staff/web/ui/ErrorNotice.tsx';
import { StatusNote } from '../../staff/web/ui/StatusNote.tsx';
import { ImportProblemTable } from './ImportProblemTable.tsx';

/**
 * /staff/paper/import: choose the facility and a CSV or XLSX file of paper answers; a dry
 * run starts at once and lists every problem by row and column. "Import" stays off until
 * the file is clean; "Import only the N clean rows" takes the rest. Importing the same
 * file again finds its sheets already received (docs/paper-import.md).
 */
export default function PaperImportScreen() {
  const staff = useStaff();
  const api = makePaperImportApi();
  const workspace = createApiData(() => ({ staff: staff.user().id }), () => api.workspace());
  const [facilityChoice, setFacilityChoice] = createSignal('');
  const [file, setFile] = createSignal<File>();
  const [answer, setAnswer] = createSignal<ImportAnswer>();
  const [imported, setImported] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [status, setStatus] = createSignal('');
  const [error, setError] = createSignal<unknown>();
  const [templateChoice, setTemplateChoice] = createSignal('');

  const facilities = () => workspace.data()?.facilities ?? [];
  const facility = () => facilities().find((f) => f.id === facilityChoice()) ?? facilities()[0];
  const surveys = createMemo(() => [...(workspace.data()?.surveys ?? [])].sort((a, b) => a.id.localeCompare(b.id) || b.version - a.version));
  const template = () => surveys().find((s) => `${s.id}@${s.version}` === templateChoice()) ?? surveys()[0];
  const report = () => answer()?.report;
  const n = (count: number) => formatCount(count, staff.language());
  const hasProblems = () => !!report() && (report()!.problemCount > 0 || report()!.fileProblems.length > 0);

  const run = async (mode: { dryRun: boolean; onlyClean: boolean }) => {
    const chosen = file();
    const where = facility();
    if (!chosen || !where) return;
    setBusy(true);
    setError(undefined);
    setStatus(mode.dryRun ? t('results:paperImport.checking', { file: chosen.name }) : t('results:paperImport.importing'));
    try {
      const result = await api.upload(where.id, chosen, chosen.name, mode);
      setAnswer(result);
      setImported(!mode.dryRun && !result.blocked);
      const r = result.report;
      if (mode.dryRun) setStatus(t('results:paperImport.checked', { file: r.fileName }));
      else if (result.blocked) setStatus('');
      else setStatus(t('results:paperImport.imported', { count: r.imported ?? 0, formatted: n(r.imported ?? 0), duplicates: n(r.duplicateRows) }));
    } catch (caught) {
      setStatus('');
      setAnswer(undefined);
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const check = () => run({ dryRun: true, onlyClean: false });

  return (
    <>
      <h1>{t('results:paperImport.title')}</h1>
      <p>{t('results:paperImport.intro')}</p>
      <ErrorNotice error={workspace.error()} />
      <Show when={workspace.data() && facilities().length === 0}>
        <p class="sw-note">{t('results:paperImport.noFacilities')}</p>
      </Show>
      <Show when={facilities().length > 0}>
        <section class="sw-section" aria-labelledby="sw-import-file">
          <h2 id="sw-import-file">{t('results:paperImport.fileTitle')}</h2>
          <div class="sw-field">
            <label for="sw-import-facility">{t('results:paperImport.facility')}</label>
            <select
              id="sw-import-facility"
              disabled={busy()}
              onInput={(event) => {
                setFacilityChoice(event.currentTarget.value);
                // Serials are a facility's own: the same file reads differently for another one.
                if (file()) void check();
              }}
            >
              <For each={facilities()}>{(f) => <option value={f.id} selected={f.id === facility()?.id}>{f.name}</option>}</For>
            </select>
          </div>
          <div class="sw-field">
            <label for="sw-import-choose">{t('results:paperImport.file')}</label>
            <input
              id="sw-import-choose"
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby="sw-import-file-hint"
              disabled={busy()}
              onChange={(event) => {
                const chosen = event.currentTarget.files?.[0];
                setFile(chosen);
                setAnswer(undefined);
                setImported(false);
                if (chosen) void check();
              }}
            />
            <p id="sw-import-file-hint" class="sw-note">{t('results:paperImport.fileHint')}</p>
          </div>
          <Show when={file() && !busy()}>
            <div class="sw-actions">
              <button type="button" class="sw-button sw-button--quiet" onClick={() => void check()}>
                {t('results:paperImport.checkAgain')}
              </button>
            </div>
          </Show>
          <StatusNote message={status()} />
          <ErrorNotice error={error()} />
        </section>

        <Show when={report()}>
          {(shown) => (
            <>
              <section class="sw-section" aria-labelledby="sw-import-summary">
                <h2 id="sw-import-summary">{imported() ? t('results:paperImport.resultTitle') : t('results:paperImport.summaryTitle')}</h2>
                <Show when={shown().surveyId}>
                  <p>{t('results:paperImport.surveyVersion', { survey: shown().surveyId!, version: String(shown().surveyVersion) })}</p>
                </Show>
                <dl class="sw-stats">
                  <div>
                    <dt>{t('results:paperImport.rows')}</dt>
                    <dd>{n(shown().rows)}</dd>
                  </div>
                  <div>
                    <dt>{imported() ? t('results:paperImport.importedRows') : t('results:paperImport.cleanRows')}</dt>
                    <dd>{n(imported() ? (shown().imported ?? 0) : shown().cleanRows)}</dd>
                  </div>
                  <div>
                    <dt>{t('results:paperImport.duplicateRows')}</dt>
                    <dd>{n(shown().duplicateRows)}</dd>
                  </div>
                  <div>
                    <dt>{t('results:paperImport.problemRows')}</dt>
                    <dd>{n(shown().problemRows)}</dd>
                  </div>
                </dl>
                <Show when={answer()?.blocked}>
                  <p class="sw-error" role="alert">{t('results:paperImport.blocked')}</p>
                </Show>
                <Show when={shown().fileProblems.length > 0}>
                  <div role="alert">
                    <h3>{t('results:paperImport.fileProblemsTitle')}</h3>
                    <ul>
                      <For each={shown().fileProblems}>{(problem) => <li dir="ltr" lang="en">{problem}</li>}</For>
                    </ul>
                  </div>
                </Show>
                <Show when={!imported()}>
                  <div class="sw-actions">
                    <button
                      type="button"
                      class="sw-button sw-button--primary"
                      disabled={busy() || hasProblems() || shown().cleanRows === 0}
                      onClick={() => void run({ dryRun: false, onlyClean: false })}
                    >
                      {t('results:paperImport.import')}
                    </button>
                    <Show when={shown().problemCount > 0 && shown().fileProblems.length === 0 && shown().cleanRows > 0}>
                      <button type="button" class="sw-button" disabled={busy()} onClick={() => void run({ dryRun: false, onlyClean: true })}>
                        {t('results:paperImport.importClean', { count: shown().cleanRows, formatted: n(shown().cleanRows) })}
                      </button>
                    </Show>
                  </div>
                  <Show when={shown().cleanRows === 0 && !hasProblems() && shown().duplicateRows > 0}>
                    <p class="sw-note">{t('results:paperImport.allReceived')}</p>
                  </Show>
                </Show>
              </section>
              <Show when={shown().problems.length > 0}>
                <ImportProblemTable report={shown()} language={staff.language()} />
              </Show>
            </>
          )}
        </Show>

        <section class="sw-section" aria-labelledby="sw-import-template">
          <h2 id="sw-import-template">{t('results:paperImport.templateTitle')}</h2>
          <p>{t('results:paperImport.templateIntro')}</p>
          <Show when={surveys().length > 0} fallback={<p class="sw-note">{t('results:paperImport.noSurveys')}</p>}>
            <div class="sw-field">
              <label for="sw-import-template-survey">{t('results:paperImport.templateSurvey')}</label>
              <select id="sw-import-template-survey" onInput={(event) => setTemplateChoice(event.currentTarget.value)}>
                <For each={surveys()}>
                  {(s) => (
                    <option value={`${s.id}@${s.version}`} selected={s === template()}>
                      {t('results:paperImport.templateOption', { title: staff.surveyText(s.title, s), version: String(s.version) })}
                    </option>
                  )}
                </For>
              </select>
            </div>
            <p>
              <a class="sw-button" href={api.templateUrl(template()!.id, template()!.version)} download="">
                {t('results:paperImport.templateDownload')}
              </a>
            </p>
          </Show>
        </section>
      </Show>
    </>
  );
}
