import { createSignal, For, Show } from 'solid-js';
import { t } from '../../i18n/i18n.ts';
import { createApiData } from '../web/createApiData.ts';
import { formatCount } from '../web/formatFigures.ts';
import { useStaff } from '../web/StaffContext.ts';
import { ErrorNotice } from '../web/ui/ErrorNotice.tsx';
import type { AuthoringApi } from './authoringApi.ts';
import { freeSurveyId, isSurveyId } from './surveyIdRules.ts';
import { SurveyIdField } from './SurveyIdField.tsx';

/** The six built-in questionnaires: pick one, give the new survey its id, and edit the copy. */
export function TemplatePicker(props: { api: AuthoringApi; taken: ReadonlySet<string>; onCreated: (id: string) => void; onFailed: () => void }) {
  const staff = useStaff();
  const templates = createApiData(() => ({}), () => props.api.templates());
  const [chosen, setChosen] = createSignal<string>();
  const [typedId, setTypedId] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const n = (count: number) => formatCount(count, staff.language());
  const id = () => typedId() ?? (chosen() ? freeSurveyId(chosen()!, props.taken) : '');
  const idProblem = () => (id() === '' ? '' : !isSurveyId(id()) ? t('authoring:library.idInvalid') : props.taken.has(id()) ? t('authoring:library.idTaken') : '');

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const templateId = chosen();
    if (!templateId) return setError(t('authoring:library.templateRequired'));
    if (idProblem() || !id()) return setError(idProblem() || t('authoring:library.idInvalid'));
    setBusy(true);
    setError(undefined);
    try {
      await props.api.createSurvey(id(), { kind: 'template', templateId });
      props.onCreated(id());
    } catch (caught) {
      setError(caught);
      props.onFailed();
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="sw-section" aria-labelledby="sw-library-templates">
      <h2 id="sw-library-templates" tabIndex={-1}>{t('authoring:library.templatesTitle')}</h2>
      <p>{t('authoring:library.templatesIntro')}</p>
      <ErrorNotice error={templates.error()} />
      <Show when={templates.data()}>
        {(list) => (
          <form class="sw-form" onSubmit={(event) => void submit(event)} novalidate>
            <fieldset class="sw-template-list">
              <legend>{t('authoring:library.templateLegend')}</legend>
              <For each={list()}>
                {(template) => {
                  const inputId = `sw-template-${template.id}`;
                  return (
                    <div class="sw-template">
                      <input
                        type="radio"
                        name="sw-template"
                        id={inputId}
                        value={template.id}
                        checked={chosen() === template.id}
                        aria-describedby={`${inputId}-about`}
                        onChange={() => {
                          setChosen(template.id);
                          setTypedId(undefined);
                        }}
                      />
                      <label for={inputId}>
                        <span dir="auto">{staff.surveyText(template.title, { defaultLanguage: template.languages[0] ?? 'en' })}</span>
                      </label>
                      <p id={`${inputId}-about`} class="sw-note">
                        <span dir="auto">{staff.surveyText(template.description, { defaultLanguage: template.languages[0] ?? 'en' })}</span>{' '}
                        {t('authoring:library.templateFacts', {
                          questions: n(template.questions),
                          languages: n(template.languages.length),
                        })}
                        {template.audience === 'inspectors' ? ` ${t('authoring:library.forInspectors')}` : ''}
                      </p>
                    </div>
                  );
                }}
              </For>
            </fieldset>
            <Show when={chosen()}>
              <SurveyIdField id="sw-template-id" value={id()} problem={idProblem()} onInput={setTypedId} />
            </Show>
            <div class="sw-actions">
              <button type="submit" class="sw-button sw-button--primary" disabled={busy() || !chosen()}>{t('authoring:library.useTemplate')}</button>
            </div>
            <ErrorNotice error={error()} />
          </form>
        )}
      </Show>
    </section>
  );
}
