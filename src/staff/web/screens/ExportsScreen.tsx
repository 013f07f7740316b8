import { createSignal, For, Show } from 'solid-js';
import { t } from '../../../i18n/i18n.ts';
import { languageInfo } from '../../../survey/languages.ts';
import type { ExportFormat } from '../api/makeStaffApi.ts';
import { formatCount } from '../formatFigures.ts';
import { useStaff } from '../StaffContext.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { ReportFilters } from '../ui/ReportFilters.tsx';
import { StatusNote } from '../ui/StatusNote.tsx';

/** Hands a fetched file to the browser's own download. */
function saveFile(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
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

  const downloadAggregate = async (format: ExportFormat) => {
    setBusy(true);
    setStatus('');
    setError(undefined);
    try {
      const file = await staff.api.downloadExport('aggregate', format, params(selection.facilityId()));
      saveFile(file.blob, file.fileName);
      setStatus(
        file.rows === 0
          ? t('results:exports.empty', { file: file.fileName })
          : file.rows === null
            ? t('results:exports.downloaded', { file: file.fileName })
            : t('results:exports.downloadedRows', { file: file.fileName, count: file.rows, formatted: formatCount(file.rows, staff.language()) }),
      );
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

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
        <StatusNote message={status()} />
        <ErrorNotice error={error()} />
      </section>

      <Show when={perResponse()}>
        <section class="sw-section" aria-labelledby="sw-exports-responses">
          <h2 id="sw-exports-responses">{t('results:exports.responsesTitle')}</h2>
          {/* Plain links: the server streams these, and the browser writes them to disk as they come. */}
          <p>{t('results:exports.responsesIntro')}</p>
          <ul class="sw-links">
            <li>
              <a href={staff.api.exportUrl('responses', 'csv', params(selection.facilityId()))} download="">
                {t('results:exports.responsesCsv')}
              </a>
            </li>
            <li>
              <a href={staff.api.exportUrl('responses', 'xlsx', params(selection.facilityId()))} download="">
                {t('results:exports.responsesXlsx')}
              </a>
            </li>
            <li>
              <a href={staff.api.exportUrl('responses', 'csv', params(undefined))} download="">
                {t('results:exports.responsesCsvAll')}
              </a>
            </li>
            <li>
              <a href={staff.api.exportUrl('responses', 'xlsx', params(undefined))} download="">
                {t('results:exports.responsesXlsxAll')}
              </a>
            </li>
          </ul>
        </section>
      </Show>
    </>
  );
}
