import { createSignal, For, Show } from 'solid-js';
import { loadNamespace, t } from '../../i18n/i18n.ts';
import { languageInfo } from '../../survey/languages.ts';
import { StaffApiError } from '../web/api/makeStaffApi.ts';
import { createApiData } from '../web/createApiData.ts';
import { formatCount, formatDateTime } from '../web/formatFigures.ts';
import { useStaff } from '../web/StaffContext.ts';
import { ErrorNotice } from '../web/ui/ErrorNotice.tsx';
import { StatusNote } from '../web/ui/StatusNote.tsx';
import { TableScroll } from '../web/ui/TableScroll.tsx';
import { editorUrl, makeAuthoringApi, type AuthoringApi, type LibrarySurvey } from './authoringApi.ts';
import { NewSurveyForm } from './NewSurveyForm.tsx';
import { SurveyVersions } from './SurveyVersions.tsx';
import { TemplatePicker } from './TemplatePicker.tsx';
import './library.css';

/**
 * /staff/surveys, the designers' home: every survey of the organisation with its latest
 * version and draft, a way into the editor (a draft of the latest version is made when there
 * is none), each version's XLSForm, and three ways to start a survey: blank, from one of the
 * six templates, or from an XLSForm (the import screen).
 */
export default function SurveyLibraryScreen() {
  const [words, setWords] = createSignal<'loading' | 'ready' | 'failed'>('loading');
  loadNamespace('authoring').then(() => setWords('ready'), () => setWords('failed'));
  return (
    <Show when={words() !== 'loading'} fallback={<p role="status">{t('results:loading')}</p>}>
      <Library />
    </Show>
  );
}

function Library() {
  const staff = useStaff();
  const api = makeAuthoringApi();
  const [reload, setReload] = createSignal(0);
  const library = createApiData(() => ({ n: reload() }), () => api.surveys());
  const [status, setStatus] = createSignal('');
  const [error, setError] = createSignal<unknown>();
  const taken = () => new Set((library.data() ?? []).map((s) => s.id));

  /** Into the editor; a published survey without a draft gets one of its latest version first. */
  const openEditor = async (survey: LibrarySurvey) => {
    setError(undefined);
    if (!survey.draft && survey.latestVersion !== null) {
      setStatus(t('authoring:library.openingDraft', { version: String(survey.latestVersion) }));
      try {
        await api.draftFromVersion(survey.id, survey.latestVersion);
      } catch (caught) {
        // A colleague opened one a moment ago: theirs is the draft to edit.
        if (!(caught instanceof StaffApiError && caught.code === 'draft_exists')) {
          setStatus('');
          setError(caught);
          return;
        }
      }
    }
    staff.router.follow(editorUrl(survey.id));
  };

  return (
    <>
      <h1>{t('authoring:library.title')}</h1>
      <p>{t('authoring:library.intro')}</p>
      <nav class="sw-actions" aria-label={t('authoring:library.startLabel')}>
        <a class="sw-button" href="#sw-library-new">{t('authoring:library.newSurvey')}</a>
        <a class="sw-button" href="#sw-library-templates">{t('authoring:library.fromTemplate')}</a>
        <a class="sw-button" href="/staff/surveys/import">{t('authoring:library.importXlsform')}</a>
      </nav>
      <StatusNote message={status()} />
      <ErrorNotice error={error()} />

      <section class="sw-section" aria-labelledby="sw-library-list">
        <h2 id="sw-library-list">{t('authoring:library.listTitle')}</h2>
        <ErrorNotice error={library.error()} />
        <Show when={library.data()} fallback={<Show when={!library.error()}><p role="status">{t('results:loading')}</p></Show>}>
          {(surveys) => (
            <Show when={surveys().length > 0} fallback={<p class="sw-note">{t('authoring:library.empty')}</p>}>
              <SurveyTable surveys={surveys()} api={api} onEdit={(survey) => void openEditor(survey)} onCreated={(id) => staff.router.follow(editorUrl(id))} />
            </Show>
          )}
        </Show>
      </section>

      <NewSurveyForm api={api} taken={taken()} onCreated={(id) => staff.router.follow(editorUrl(id))} />
      <TemplatePicker api={api} taken={taken()} onCreated={(id) => staff.router.follow(editorUrl(id))} onFailed={() => setReload((n) => n + 1)} />
    </>
  );
}

function SurveyTable(props: { surveys: LibrarySurvey[]; api: AuthoringApi; onEdit: (survey: LibrarySurvey) => void; onCreated: (id: string) => void }) {
  const staff = useStaff();
  const [open, setOpen] = createSignal<string>();
  const n = (count: number) => formatCount(count, staff.language());
  const when = (iso: string) => formatDateTime(iso, staff.language());
  const taken = () => new Set(props.surveys.map((s) => s.id));

  return (
    <TableScroll label={t('authoring:library.listTitle')}>
      <table class="sw-table">
        <caption>{t('authoring:library.caption', { formatted: n(props.surveys.length) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('authoring:library.survey')}</th>
            <th scope="col">{t('authoring:library.languages')}</th>
            <th scope="col">{t('authoring:library.published')}</th>
            <th scope="col">{t('authoring:library.draft')}</th>
            <th scope="col">{t('authoring:library.actions')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.surveys}>
            {(survey) => {
              const title = () => staff.surveyText(survey.title, survey) || survey.id;
              const versionsId = `sw-library-versions-${survey.id}`;
              return (
                <>
                  <tr>
                    <th scope="row">
                      <span dir="auto">{title()}</span>
                      <br />
                      <code>{survey.id}</code>
                      <Show when={survey.audience === 'inspectors'}>
                        <br />
                        <span class="sw-note">{t('authoring:library.forInspectors')}</span>
                      </Show>
                    </th>
                    <td>
                      {t('authoring:library.languageCount', { formatted: n(survey.languages.length) })}
                      <br />
                      <span class="sw-note">{t('authoring:library.defaultLanguage', { language: languageInfo(survey.defaultLanguage).englishName })}</span>
                    </td>
                    <td>
                      <Show when={survey.latestVersion !== null && survey.publishedAt} fallback={t('authoring:library.notPublished')}>
                        {t('authoring:library.version', { version: n(survey.latestVersion ?? 0) })}
                        <br />
                        <span class="sw-note">{when(survey.publishedAt!)}</span>
                      </Show>
                    </td>
                    <td>
                      <Show when={survey.draft} fallback={t('authoring:library.noDraft')}>
                        {(draft) => (
                          <>
                            {t('authoring:library.draftSaved', { when: when(draft().updatedAt) })}
                            <br />
                            <span class="sw-note" dir="auto">{originText(draft().origin)}</span>
                          </>
                        )}
                      </Show>
                    </td>
                    <td>
                      <div class="sw-actions">
                        <a
                          class="sw-button sw-button--small sw-button--primary"
                          href={editorUrl(survey.id)}
                          aria-label={t('authoring:library.editNamed', { title: title() })}
                          onClick={(event) => {
                            if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
                            event.preventDefault();
                            props.onEdit(survey);
                          }}
                        >
                          {t('authoring:library.edit')}
                        </a>
                        <Show when={survey.latestVersion !== null}>
                          <button
                            type="button"
                            class="sw-button sw-button--small"
                            aria-expanded={open() === survey.id}
                            aria-controls={versionsId}
                            aria-label={t('authoring:library.versionsNamed', { title: title() })}
                            onClick={() => setOpen(open() === survey.id ? undefined : survey.id)}
                          >
                            {t('authoring:library.versions')}
                          </button>
                        </Show>
                      </div>
                    </td>
                  </tr>
                  <Show when={open() === survey.id}>
                    <tr id={versionsId}>
                      <td colSpan={5}>
                        <SurveyVersions api={props.api} survey={survey} title={title()} taken={taken()} onCreated={props.onCreated} />
                      </td>
                    </tr>
                  </Show>
                </>
              );
            }}
          </For>
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Where a draft came from, in the staff member's words. */
function originText(origin: string): string {
  const [kind, ...rest] = origin.split(':');
  const detail = rest.join(':');
  if (kind === 'blank') return t('authoring:library.origin.blank');
  if (kind === 'template') return t('authoring:library.origin.template', { template: detail });
  if (kind === 'xlsform') return t('authoring:library.origin.xlsform', { file: detail });
  if (kind === 'version') return t('authoring:library.origin.version', { version: detail });
  if (kind === 'copy') return t('authoring:library.origin.copy', { source: detail });
  return origin;
}
