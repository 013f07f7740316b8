import { createEffect, createMemo, createSignal, For, Show } from 'solid-js';
import { loadNamespace, loadSecondLanguage, t } from '../../i18n/i18n.ts';
import { languageInfo } from '../../survey/languages.ts';
import { localize } from '../../survey/localize.ts';
import { formatSerial } from '../../survey/paper/paperSerial.ts';
import type { SurveyDefinition } from '../../survey/schema.ts';
import { makePaperPrintApi, type PaperBatch } from '../../staff/web/api/paperPrintApi.ts';
import { createApiData } from '../../staff/web/createApiData.ts';
import { formatCount, formatDateTime } from '../../staff/web/formatFigures.ts';
import { useStaff } from '../../staff/web/StaffContext.ts';
import { ErrorNotice } from '../../staff/web/ui/ErrorNotice.tsx';
import { StatusNote } from '../../staff/web/ui/StatusNote.tsx';
import { submitListener } from '../../staff/web/ui/submitListener.ts';
import { TableScroll } from '../../staff/web/ui/TableScroll.tsx';
import { PaperBatchView, type BatchLayout, type PaperJob } from './PaperBatchView.tsx';
import { parseSheetCount } from './parseSheetCount.ts';

/** A job on screen: a preview (no serials yet) or a batch to print; `id` tells one print run from the next. */
interface ShownJob {
  id: number;
  job: PaperJob;
  print: boolean;
}

const serialRange = (batch: { firstSerial: number; count: number }) => ({ first: formatSerial(batch.firstSerial), last: formatSerial(batch.firstSerial + batch.count - 1) });

/**
 * /staff/paper/print: choose facility, survey, published version, language and a number of
 * sheets; "Print" reserves the serials (POST /paper/batches) and opens the print dialog
 * with the batch laid out. A batch printed before can be printed again with its own serials.
 */
export default function PaperPrintScreen() {
  const staff = useStaff();
  const api = makePaperPrintApi();
  const workspace = createApiData(() => ({ staff: staff.user().id }), () => api.workspace());
  const [facilityChoice, setFacilityChoice] = createSignal('');
  const [surveyChoice, setSurveyChoice] = createSignal('');
  const [versionChoice, setVersionChoice] = createSignal(0);
  const [languageChoice, setLanguageChoice] = createSignal('');
  const [countText, setCountText] = createSignal('10');
  const [problem, setProblem] = createSignal('');
  const [error, setError] = createSignal<unknown>();
  const [status, setStatus] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [printJob, setPrintJob] = createSignal<ShownJob>();
  const [layout, setLayout] = createSignal<BatchLayout>();
  const [progress, setProgress] = createSignal<{ done: number; total: number }>();
  const [loadedLanguages, setLoadedLanguages] = createSignal<string[]>([]);
  let jobs = 0;

  const facilities = () => workspace.data()?.facilities ?? [];
  const facility = () => facilities().find((f) => f.id === facilityChoice()) ?? facilities()[0];
  const surveyIds = createMemo(() => [...new Set((workspace.data()?.surveys ?? []).map((s) => s.id))]);
  const surveyTitle = (id: string) => {
    const current = (workspace.data()?.surveys ?? []).filter((s) => s.id === id).sort((a, b) => b.version - a.version)[0];
    return current ? staff.surveyText(current.title, current) : id;
  };
  const surveyId = () => (surveyIds().includes(surveyChoice()) ? surveyChoice() : surveyIds()[0]);
  const versions = createApiData(() => (surveyId() ? { surveyId: surveyId()! } : undefined), (choice) => api.versions(choice.surveyId));
  const version = () => {
    const list = versions.data() ?? [];
    return list.find((v) => v.version === versionChoice())?.version ?? list.at(-1)?.version;
  };
  const knownDefinition = (id: string, number: number) => workspace.data()?.surveys.find((s) => s.id === id && s.version === number);
  const definition = createApiData(
    () => (surveyId() && version() ? { surveyId: surveyId()!, version: version()! } : undefined),
    async (choice): Promise<SurveyDefinition> => knownDefinition(choice.surveyId, choice.version) ?? api.definition(choice.surveyId, choice.version),
  );
  const language = () => {
    const survey = definition.data();
    if (!survey) return undefined;
    if (survey.languages.includes(languageChoice())) return languageChoice();
    return survey.languages.includes(staff.language()) ? staff.language() : survey.defaultLanguage;
  };

  const preview = createMemo<ShownJob | undefined>(() => {
    const survey = definition.data();
    const where = facility();
    const lang = language();
    if (!survey || !where || !lang) return undefined;
    return { id: ++jobs, job: { survey, language: lang, facility: { id: where.id, name: where.name }, serials: null }, print: false };
  });
  const shown = () => printJob() ?? preview();
  // The sheet's words are the respondent's language: load that language's paper and kiosk strings first.
  const paperWords = loadNamespace('paper');
  createEffect(() => {
    const lang = shown()?.job.language;
    if (lang && !loadedLanguages().includes(lang)) {
      void paperWords.then(() => loadSecondLanguage(lang)).then(() => setLoadedLanguages((list) => [...list, lang]));
    }
  });
  const ready = () => {
    const job = shown();
    return job && loadedLanguages().includes(job.job.language) ? job : undefined;
  };
  // Another choice: back to its preview (a batch already reserved stays in the list below).
  const choose = (set: () => void) => {
    set();
    setPrintJob(undefined);
    setProgress(undefined);
    setStatus('');
    setProblem('');
  };

  const printBatch = (batch: PaperBatch, survey: SurveyDefinition, facilityName: string) => {
    setLayout(undefined);
    setProgress(undefined);
    setPrintJob({
      id: ++jobs,
      print: true,
      job: { survey, language: batch.language, facility: { id: batch.facilityId, name: facilityName }, serials: Array.from({ length: batch.count }, (_, i) => batch.firstSerial + i) },
    });
  };

  const reserveAndPrint = async () => {
    setProblem('');
    setError(undefined);
    setStatus('');
    const count = parseSheetCount(countText());
    if (count === undefined) return setProblem(t('results:paperPrint.countInvalid'));
    const survey = definition.data();
    const where = facility();
    const lang = language();
    if (!survey || !where || !lang) return;
    setBusy(true);
    try {
      const batch = await api.createBatch({ facilityId: where.id, surveyId: survey.id, surveyVersion: survey.version, language: lang, count });
      workspace.mutate((current) => (current ? { ...current, batches: [batch, ...current.batches.filter((b) => b.id !== batch.id)] } : current));
      printBatch(batch, survey, where.name);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const reprint = async (batch: PaperBatch) => {
    setProblem('');
    setError(undefined);
    setStatus('');
    setBusy(true);
    try {
      const survey = knownDefinition(batch.surveyId, batch.surveyVersion) ?? (await api.definition(batch.surveyId, batch.surveyVersion));
      const name = facilities().find((f) => f.id === batch.facilityId)?.name ?? batch.facilityId;
      printBatch(batch, survey, name);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const onReady = (shownJob: ShownJob, laidOut: BatchLayout) => {
    setLayout(laidOut);
    const serials = shownJob.job.serials;
    if (!shownJob.print || !serials || printJob()?.id !== shownJob.id) return;
    const range = serialRange({ firstSerial: serials[0]!, count: serials.length });
    setStatus(t('results:paperPrint.printed', { ...range, count: serials.length, sheets: formatCount(serials.length, staff.language()), pages: formatCount(laidOut.pagesPerSheet, staff.language()) }));
    window.print();
  };

  const batches = () => (workspace.data()?.batches ?? []).filter((b) => b.facilityId === facility()?.id).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const languageName = (code: string) => `${languageInfo(code).nativeName} (${languageInfo(code).englishName})`;

  return (
    <div class="pp-screen">
      <h1>{t('results:paperPrint.title')}</h1>
      <p>{t('results:paperPrint.intro')}</p>
      <ErrorNotice error={workspace.error()} />
      <Show when={workspace.loading() && !workspace.data()}>
        <p class="sw-note" role="status">
          {t('results:loading')}
        </p>
      </Show>
      <Show when={workspace.data()}>
        <Show when={surveyIds().length > 0 && facilities().length > 0} fallback={<p>{t('results:paperPrint.nothingToPrint')}</p>}>
          <form class="sw-form" ref={submitListener(reserveAndPrint)} aria-labelledby="pp-print-title">
            <h2 id="pp-print-title">{t('results:paperPrint.newTitle')}</h2>
            <div class="sw-field">
              <label for="pp-facility">{t('results:paperPrint.facility')}</label>
              <select id="pp-facility" onInput={(e) => choose(() => setFacilityChoice(e.currentTarget.value))}>
                <For each={facilities()}>{(f) => <option value={f.id} selected={f.id === facility()?.id}>{f.name}</option>}</For>
              </select>
            </div>
            <div class="sw-field">
              <label for="pp-survey">{t('results:paperPrint.survey')}</label>
              <select id="pp-survey" onInput={(e) => {
                const next = e.currentTarget.value;
                // Another survey starts at its newest version.
                choose(() => {
                  setSurveyChoice(next);
                  setVersionChoice(0);
                });
              }}>
                <For each={surveyIds()}>{(id) => <option value={id} selected={id === surveyId()}>{surveyTitle(id)}</option>}</For>
              </select>
            </div>
            <div class="sw-field">
              <label for="pp-version">{t('results:paperPrint.version')}</label>
              <select id="pp-version" disabled={!versions.data()} onInput={(e) => choose(() => setVersionChoice(Number(e.currentTarget.value)))}>
                <For each={versions.data() ?? []}>
                  {(v) => (
                    <option value={v.version} selected={v.version === version()}>
                      {t('results:paperPrint.versionOption', { version: v.version, title: localize(v.title, staff.language(), Object.keys(v.title)[0] ?? 'en') })}
                    </option>
                  )}
                </For>
              </select>
            </div>
            <div class="sw-field">
              <label for="pp-language">{t('results:paperPrint.language')}</label>
              <select id="pp-language" disabled={!definition.data()} onInput={(e) => choose(() => setLanguageChoice(e.currentTarget.value))}>
                <For each={definition.data()?.languages ?? []}>{(code) => <option value={code} selected={code === language()}>{languageName(code)}</option>}</For>
              </select>
            </div>
            <div class="sw-field">
              <label for="pp-count">{t('results:paperPrint.count')}</label>
              <input id="pp-count" type="number" inputmode="numeric" min="1" max="500" step="1" aria-describedby="pp-count-hint" value={countText()} onInput={(e) => setCountText(e.currentTarget.value)} />
              <span class="sw-note" id="pp-count-hint">
                {t('results:paperPrint.countHint')}
              </span>
            </div>
            <button type="submit" class="sw-button sw-button--primary" disabled={busy() || !ready() || !definition.data()}>
              {t('results:paperPrint.print')}
            </button>
            <Show when={problem()}>
              <p class="sw-error" role="alert">
                {problem()}
              </p>
            </Show>
          </form>
          <ErrorNotice error={versions.error()} />
          <ErrorNotice error={definition.error()} />
          <ErrorNotice error={error()} />
          <StatusNote message={status()} />
          <Show when={progress()}>
            {(at) => (
              <p class="sw-note" role="status">
                {t('results:paperPrint.preparing', { done: formatCount(at().done, staff.language()), total: formatCount(at().total, staff.language()) })}
              </p>
            )}
          </Show>
          <Show when={printJob()}>
            <button type="button" class="sw-button sw-no-print" onClick={() => window.print()}>
              {t('results:paperPrint.printAgainDialog')}
            </button>
          </Show>

          <section class="sw-section" aria-labelledby="pp-batches-title">
            <h2 id="pp-batches-title">{t('results:paperPrint.batchesTitle')}</h2>
            <p>{t('results:paperPrint.batchesIntro')}</p>
            <Show when={batches().length > 0} fallback={<p class="sw-note">{t('results:paperPrint.noBatches')}</p>}>
              <TableScroll label={t('results:paperPrint.batchesTitle')}>
                <table class="sw-table">
                  <caption>{t('results:paperPrint.batchesCaption', { facility: facility()?.name ?? '' })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('results:paperPrint.serials')}</th>
                      <th scope="col">{t('results:paperPrint.survey')}</th>
                      <th scope="col">{t('results:paperPrint.version')}</th>
                      <th scope="col">{t('results:paperPrint.language')}</th>
                      <th scope="col">{t('results:paperPrint.createdAt')}</th>
                      <th scope="col">{t('results:paperPrint.action')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={batches()}>
                      {(batch) => (
                        <tr>
                          <td>
                            <bdi dir="ltr">{t('results:paperPrint.range', serialRange(batch))}</bdi> ({formatCount(batch.count, staff.language())})
                          </td>
                          <td>{surveyTitle(batch.surveyId)}</td>
                          <td>{batch.surveyVersion}</td>
                          <td>{languageName(batch.language)}</td>
                          <td>{formatDateTime(batch.createdAt, staff.language())}</td>
                          <td>
                            <button type="button" class="sw-button" disabled={busy()} onClick={() => void reprint(batch)}>
                              {t('results:paperPrint.reprint', serialRange(batch))}
                            </button>
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </TableScroll>
            </Show>
          </section>

          <section class="sw-section pp-preview-section" aria-labelledby="pp-preview-title">
            <h2 id="pp-preview-title">{printJob() ? t('results:paperPrint.batchTitle') : t('results:paperPrint.previewTitle')}</h2>
            <p class="sw-note">{printJob() ? t('results:paperPrint.batchNote') : t('results:paperPrint.previewNote')}</p>
            <Show when={layout()?.oversized.length}>
              <p class="sw-error" role="alert">
                {t('results:paperPrint.oversized', { questions: layout()!.oversized.join(', ') })}
              </p>
            </Show>
            <div class="pp-preview" tabIndex={0} role="region" aria-label={t('results:paperPrint.previewRegion')}>
              <Show when={ready()} keyed fallback={<p role="status">{t('results:loading')}</p>}>
                {(job) => <PaperBatchView job={job.job} onReady={(laidOut) => onReady(job, laidOut)} onProgress={(done, total) => job.print && setProgress(done < total ? { done, total } : undefined)} />}
              </Show>
            </div>
          </section>
        </Show>
      </Show>
    </div>
  );
}
