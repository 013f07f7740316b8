import { createSignal, For, Show } from 'solid-js';
import { t } from '../../../i18n/i18n.ts';
import { languageInfo } from '../../../survey/languages.ts';
import type { ExportFormat, ExportParams } from '../api/makeStaffApi.ts';
import { formatCount } from '../formatFigures.ts';
import { useStaff } from '../StaffContext.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { ReportFilters } from '../ui/ReportFilters.tsx';
import { StatusNote } from '../ui/StatusNote.tsx';

/** Hands a file (a fetched blob's URL, or a server address the browser streams to disk) to the browser's own download. */
function startDownload(url: string, fileName: string) {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
}

function saveFile(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  startDownload(url, fileName);
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Aggregate tables for every results role; one row per response for admin and analyst. */
export function ExportsScreen() {
  const staff = useStaff();
  const { selection } = staff;
  const perResponse = () => staff.user().role === 'admin' || staff.user().role === 'analyst';
  const survey = () => staff.surveys()?.find((s) => s.id === selection.surveyId());
  const labelLanguages = () => survey()?.languages ?? [];
  const [labelLanguage, setLabelLanguage] = createSignal('');
  const chosenLanguage = () => {
    const languages = labelLanguages();
    if (languages.includes(labelLanguage())) return labelLanguage();
    if (languages.includes(staff.language())) return staff.language();
    return survey()?.defaultLanguage ?? 'en';
  };
  const [status, setStatus] = createSignal('');
  const [error, setError] = createSignal<unknown>();
  const [busy, setBusy] = createSignal(false);
  const params = (facility: string | undefined) => ({ survey: selection.surveyId(), period: selection.quarter(), facility, lang: chosenLanguage() });

  const saidOf = (file: { fileName: string; rows: number | null }) =>
    file.rows === 0
      ? t('results:exports.empty', { file: file.fileName })
      : file.rows === null
        ? t('results:exports.downloaded', { file: file.fileName })
        : t('results:exports.downloadedRows', { file: file.fileName, count: file.rows, formatted: formatCount(file.rows, staff.language()) });
  // Which section the last message belongs to, so it shows next to the button that caused it.
  const [section, setSection] = createSignal<'aggregate' | 'responses'>('aggregate');
  const run = async (from: 'aggregate' | 'responses', work: () => Promise<string>) => {
    setSection(from);
    setBusy(true);
    setStatus('');
    setError(undefined);
    try {
      setStatus(await work());
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const downloadAggregate = (format: ExportFormat) =>
    run('aggregate', async () => {
      const file = await staff.api.downloadExport('aggregate', format, params(selection.facilityId()));
      saveFile(file.blob, file.fileName);
      return saidOf(file);
    });
  // Streamed files: the headers are checked first, so a refusal or an empty file is said on screen.
  const downloadResponses = (format: ExportFormat, query: ExportParams) =>
    run('responses', async () => {
      const file = await staff.api.checkExport('responses', format, query);
      startDownload(staff.api.exportUrl('responses', format, query), file.fileName);
      return saidOf(file);
    });

  return (
    <>
      <h1>{t('results:exports.title')}</h1>
      <ReportFilters idPrefix="sw-exports" facility="one" periods="quarter" />
      <div class="sw-field">
        <label for="sw-exports-language">{t('results:exports.labelLanguage')}</label>
        <select id="sw-exports-language" onInput={(event) => setLabelLanguage(event.currentTarget.value)}>
          <For each={labelLanguages()}>
            {(code) => (
              <option value={code} selected={code === chosenLanguage()}>
                {languageInfo(code).nativeName} ({languageInfo(code).englishName})
              </option>
            )}
          </For>
        </select>
      </div>

      <section class="sw-section" aria-labelledby="sw-exports-aggregate">
        <h2 id="sw-exports-aggregate">{t('results:exports.aggregateTitle')}</h2>
        <p>{t('results:exports.aggregateIntro')}</p>
        <div class="sw-actions">
          <button type="button" class="sw-button" disabled={busy() || !selection.facilityId()} onClick={() => void downloadAggregate('csv')}>
            {t('results:exports.aggregateCsv')}
          </button>
          <button type="button" class="sw-button" disabled={busy() || !selection.facilityId()} onClick={() => void downloadAggregate('xlsx')}>
            {t('results:exports.aggregateXlsx')}
          </button>
        </div>
        <Show when={section() === 'aggregate'}>
          <StatusNote message={status()} />
          <ErrorNotice error={error()} />
        </Show>
      </section>

      <Show when={perResponse()}>
        <section class="sw-section" aria-labelledby="sw-exports-responses">
          <h2 id="sw-exports-responses">{t('results:exports.responsesTitle')}</h2>
          <p>{t('results:exports.responsesIntro')}</p>
          <div class="sw-actions">
            <button type="button" class="sw-button" disabled={busy() || !selection.facilityId()} onClick={() => void downloadResponses('csv', params(selection.facilityId()))}>
              {t('results:exports.responsesCsv')}
            </button>
            <button type="button" class="sw-button" disabled={busy() || !selection.facilityId()} onClick={() => void downloadResponses('xlsx', params(selection.facilityId()))}>
              {t('results:exports.responsesXlsx')}
            </button>
            <button type="button" class="sw-button" disabled={busy()} onClick={() => void downloadResponses('csv', params(undefined))}>
              {t('results:exports.responsesCsvAll')}
            </button>
            <button type="button" class="sw-button" disabled={busy()} onClick={() => void downloadResponses('xlsx', params(undefined))}>
              {t('results:exports.responsesXlsxAll')}
            </button>
          </div>
          <Show when={section() === 'responses'}>
            <StatusNote message={status()} />
            <ErrorNotice error={error()} />
          </Show>
        </section>
      </Show>
    </>
  );
}
