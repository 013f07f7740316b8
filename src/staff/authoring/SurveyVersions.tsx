import { createSignal, For, Show } from 'solid-js';
import { t } from '../../i18n/i18n.ts';
import { createApiData } from '../web/createApiData.ts';
import { formatCount, formatDateTime } from '../web/formatFigures.ts';
import { useStaff } from '../web/StaffContext.ts';
import { ErrorNotice } from '../web/ui/ErrorNotice.tsx';
import { xlsformDownloadUrl, type AuthoringApi, type LibrarySurvey } from './authoringApi.ts';
import { freeSurveyId, isSurveyId } from './surveyIdRules.ts';
import { SurveyIdField } from './SurveyIdField.tsx';

/**
 * A survey's published versions, newest first, each with its XLSForm download (immutable:
 * the file of a version never changes) and a way to copy it into a new survey of its own id.
 */
export function SurveyVersions(props: { api: AuthoringApi; survey: LibrarySurvey; title: string; taken: ReadonlySet<string>; onCreated: (id: string) => void }) {
  const staff = useStaff();
  const versions = createApiData(() => ({ id: props.survey.id }), ({ id }) => props.api.versions(id));
  const [copying, setCopying] = createSignal<number>();
  const n = (count: number) => formatCount(count, staff.language());
  return (
    <div>
      <ErrorNotice error={versions.error()} />
      <Show when={versions.data()} fallback={<Show when={!versions.error()}><p role="status">{t('results:loading')}</p></Show>}>
        {(list) => (
          <ul class="sw-library-versions" aria-label={t('authoring:library.versionsOf', { title: props.title })}>
            <For each={[...list()].reverse()}>
              {(version) => (
                <li>
                  {t('authoring:library.versionPublished', { version: n(version.version), when: formatDateTime(version.publishedAt, staff.language()) })}{' '}
                  <a
                    href={xlsformDownloadUrl(props.survey.id, version.version)}
                    download={`${props.survey.id}-v${version.version}.xlsx`}
                    aria-label={t('authoring:library.downloadXlsformNamed', { title: props.title, version: n(version.version) })}
                  >
                    {t('authoring:library.downloadXlsform')}
                  </a>{' '}
                  <button
                    type="button"
                    class="sw-button sw-button--small sw-button--quiet"
                    aria-expanded={copying() === version.version}
                    aria-label={t('authoring:library.copyNamed', { title: props.title, version: n(version.version) })}
                    onClick={() => setCopying(copying() === version.version ? undefined : version.version)}
                  >
                    {t('authoring:library.copy')}
                  </button>
                  <Show when={copying() === version.version}>
                    {/* Props named one by one: a spread would pull Solid's mergeProps into the chunk every kiosk loads. */}
                    <CopyForm api={props.api} survey={props.survey} taken={props.taken} onCreated={props.onCreated} version={version.version} />
                  </Show>
                </li>
              )}
            </For>
          </ul>
        )}
      </Show>
    </div>
  );
}

function CopyForm(props: { api: AuthoringApi; survey: LibrarySurvey; version: number; taken: ReadonlySet<string>; onCreated: (id: string) => void }) {
  const [typedId, setTypedId] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const id = () => typedId() ?? freeSurveyId(`${props.survey.id}-copy`, props.taken);
  const idProblem = () => (!isSurveyId(id()) ? t('authoring:library.idInvalid') : props.taken.has(id()) ? t('authoring:library.idTaken') : '');
  const fieldId = `sw-copy-id-${props.survey.id}-${props.version}`;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (idProblem()) return setError(idProblem());
    setBusy(true);
    setError(undefined);
    try {
      await props.api.createSurvey(id(), { kind: 'copy', surveyId: props.survey.id, version: props.version });
      props.onCreated(id());
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="sw-form sw-library-copy" novalidate onSubmit={(event) => void submit(event)} aria-label={t('authoring:library.copyTitle', { version: String(props.version) })}>
      <SurveyIdField id={fieldId} value={id()} problem={idProblem()} onInput={setTypedId} />
      <div class="sw-actions">
        <button type="submit" class="sw-button sw-button--primary sw-button--small" disabled={busy()}>{t('authoring:library.copyCreate')}</button>
      </div>
      <ErrorNotice error={error()} />
    </form>
  );
}
