import { createSignal, Show } from 'solid-js';
import { loadNamespace, t } from '../../i18n/i18n.ts';
import { createApiData } from '../web/createApiData.ts';
import { useStaff } from '../web/StaffContext.ts';
import { ErrorNotice } from '../web/ui/ErrorNotice.tsx';
import { StatusNote } from '../web/ui/StatusNote.tsx';
import { editorUrl, makeAuthoringApi } from './authoringApi.ts';
import { freeSurveyId, isSurveyId } from './surveyIdRules.ts';
import { SurveyIdField } from './SurveyIdField.tsx';
import { makeXlsformCheckApi, type XlsformCheckAnswer } from './xlsformCheckApi.ts';
import { XlsformReport } from './XlsformReport.tsx';
import './library.css';

/**
 * /staff/surveys/import: an XLSForm (.xlsx or .xls) is checked on the server as soon as it is
 * chosen: the row-level report (errors first) and what the survey would hold; nothing is
 * stored until "Save as draft", which opens the editor on the new survey. A file the server
 * cannot read shows the reader's own message.
 */
export default function XlsformImportScreen() {
  const [words, setWords] = createSignal<'loading' | 'ready' | 'failed'>('loading');
  loadNamespace('authoring').then(() => setWords('ready'), () => setWords('failed'));
  return (
    <Show when={words() !== 'loading'} fallback={<p role="status">{t('results:loading')}</p>}>
      <XlsformImport />
    </Show>
  );
}

const LANGUAGE_LIST = /^\s*[a-z]{2,3}(-[A-Za-z0-9]{2,8})*(\s*,\s*[a-z]{2,3}(-[A-Za-z0-9]{2,8})*)*\s*$/;

function XlsformImport() {
  const staff = useStaff();
  const checker = makeXlsformCheckApi();
  const api = makeAuthoringApi();
  const library = createApiData(() => ({}), () => api.surveys());
  const taken = () => new Set((library.data() ?? []).map((s) => s.id));
  const [file, setFile] = createSignal<File>();
  const [languages, setLanguages] = createSignal('');
  const [answer, setAnswer] = createSignal<XlsformCheckAnswer>();
  const [typedId, setTypedId] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  const [status, setStatus] = createSignal('');
  const [error, setError] = createSignal<unknown>();

  const check = () => (answer()?.ok ? (answer() as Extract<XlsformCheckAnswer, { ok: true }>).check : undefined);
  const refusal = () => { const a = answer(); return a && !a.ok ? a : undefined; };
  const id = () => typedId() ?? (file() ? freeSurveyId(file()!.name, taken()) : '');
  const idProblem = () => (id() === '' ? '' : !isSurveyId(id()) ? t('authoring:library.idInvalid') : taken().has(id()) ? t('authoring:library.idTaken') : '');
  const languagesProblem = () => (languages().trim() && !LANGUAGE_LIST.test(languages()) ? t('authoring:import.languagesInvalid') : '');
  const canSave = () => { const c = check(); return !!c && !!c.survey && typeof c.survey === 'object' && !Array.isArray(c.survey); };

  const run = async () => {
    const chosen = file();
    if (!chosen || languagesProblem()) return;
    setBusy(true);
    setError(undefined);
    setAnswer(undefined);
    setStatus(t('authoring:import.checking', { file: chosen.name }));
    try {
      const list = languages().trim() ? languages().split(',').map((l) => l.trim()) : undefined;
      const result = await checker.check(chosen, chosen.name, list ? { languages: list } : {});
      setAnswer(result);
      setStatus(result.ok ? t('authoring:import.checked', { file: result.check.fileName }) : '');
    } catch (caught) {
      setStatus('');
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    const c = check();
    if (!c || !canSave()) return;
    if (idProblem() || !id()) return setError(idProblem() || t('authoring:library.idInvalid'));
    setBusy(true);
    setError(undefined);
    try {
      await api.createSurvey(id(), { kind: 'definition', definition: c.survey as Record<string, unknown>, origin: `xlsform:${c.fileName}`.slice(0, 300) });
      staff.router.follow(editorUrl(id()));
    } catch (caught) {
      setError(caught);
      library.refetch();
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1>{t('authoring:import.title')}</h1>
      <p>{t('authoring:import.intro')}</p>
      <p><a href="/staff/surveys">{t('authoring:import.toLibrary')}</a></p>

      <section class="sw-section" aria-labelledby="sw-xlsform-file">
        <h2 id="sw-xlsform-file">{t('authoring:import.fileTitle')}</h2>
        <div class="sw-field">
          <label for="sw-xlsform-choose">{t('authoring:import.file')}</label>
          <input
            id="sw-xlsform-choose"
            type="file"
            accept=".xlsx,.xls,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel"
            aria-describedby="sw-xlsform-file-hint"
            disabled={busy()}
            onChange={(event) => {
              const chosen = event.currentTarget.files?.[0];
              setFile(chosen);
              setTypedId(undefined);
              setAnswer(undefined);
              if (chosen) void run();
            }}
          />
          <p id="sw-xlsform-file-hint" class="sw-note">{t('authoring:import.fileHint')}</p>
        </div>
        <div class="sw-field">
          <label for="sw-xlsform-languages">{t('authoring:import.languages')}</label>
          <input
            id="sw-xlsform-languages"
            type="text"
            dir="ltr"
            spellcheck={false}
            placeholder="en, fr, ar"
            value={languages()}
            aria-invalid={languagesProblem() ? 'true' : undefined}
            aria-describedby={`sw-xlsform-languages-hint${languagesProblem() ? ' sw-xlsform-languages-problem' : ''}`}
            onInput={(event) => setLanguages(event.currentTarget.value)}
          />
          <p id="sw-xlsform-languages-hint" class="sw-note">{t('authoring:import.languagesHint')}</p>
          <Show when={languagesProblem()}>
            <p id="sw-xlsform-languages-problem" class="sw-error">{languagesProblem()}</p>
          </Show>
        </div>
        <Show when={file() && !busy()}>
          <div class="sw-actions">
            <button type="button" class="sw-button sw-button--quiet" onClick={() => void run()}>{t('authoring:import.checkAgain')}</button>
          </div>
        </Show>
        <StatusNote message={status()} />
        <ErrorNotice error={error()} />
        <Show when={refusal()}>
          {(refused) => (
            <div class="sw-error" role="alert">
              <p>{t(`authoring:import.refused.${refused().code === 'too_large' || refused().code === 'unsupported_file' || refused().code === 'broken_file' ? refused().code : 'other'}`)}</p>
              <p dir="ltr" lang="en">{refused().message}</p>
            </div>
          )}
        </Show>
      </section>

      <Show when={check()}>
        {(shown) => (
          <>
            <XlsformReport check={shown()} />
            <section class="sw-section" aria-labelledby="sw-xlsform-save">
              <h2 id="sw-xlsform-save">{t('authoring:import.saveTitle')}</h2>
              <p>{shown().publishable ? t('authoring:import.savePublishable') : t('authoring:import.saveWithErrors')}</p>
              <Show when={canSave()} fallback={<p class="sw-note">{t('authoring:import.nothingToSave')}</p>}>
                <form class="sw-form" novalidate onSubmit={(event) => { event.preventDefault(); void save(); }}>
                  <SurveyIdField id="sw-xlsform-id" value={id()} problem={idProblem()} onInput={setTypedId} />
                  <div class="sw-actions">
                    <button type="submit" class="sw-button sw-button--primary" disabled={busy()}>{t('authoring:import.save')}</button>
                  </div>
                </form>
              </Show>
            </section>
          </>
        )}
      </Show>
    </>
  );
}
