import { createSignal, For } from 'solid-js';
import { t } from '../../i18n/i18n.ts';
import { LAUNCH_LANGUAGES, languageInfo } from '../../survey/languages.ts';
import { useStaff } from '../web/StaffContext.ts';
import { ErrorNotice } from '../web/ui/ErrorNotice.tsx';
import type { AuthoringApi } from './authoringApi.ts';
import { freeSurveyId, isSurveyId } from './surveyIdRules.ts';
import { SurveyIdField } from './SurveyIdField.tsx';

/** A blank survey: an id (suggested from the title until typed), a title, a default language. */
export function NewSurveyForm(props: { api: AuthoringApi; taken: ReadonlySet<string>; onCreated: (id: string) => void }) {
  const staff = useStaff();
  const [title, setTitle] = createSignal('');
  const [typedId, setTypedId] = createSignal<string>();
  const [language, setLanguage] = createSignal(LAUNCH_LANGUAGES.includes(staff.language() as never) ? staff.language() : 'en');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const id = () => typedId() ?? (title().trim() ? freeSurveyId(title(), props.taken) : '');
  const idProblem = () => (id() === '' ? '' : !isSurveyId(id()) ? t('authoring:library.idInvalid') : props.taken.has(id()) ? t('authoring:library.idTaken') : '');

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (!title().trim() || !isSurveyId(id()) || props.taken.has(id())) {
      setError(!title().trim() ? t('authoring:library.titleRequired') : idProblem() || t('authoring:library.idInvalid'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await props.api.createSurvey(id(), { kind: 'blank', title: title().trim(), defaultLanguage: language() });
      props.onCreated(id());
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="sw-section" aria-labelledby="sw-library-new">
      <h2 id="sw-library-new" tabIndex={-1}>{t('authoring:library.newTitle')}</h2>
      <p>{t('authoring:library.newIntro')}</p>
      <form class="sw-form" onSubmit={(event) => void submit(event)} novalidate>
        <div class="sw-field">
          <label for="sw-new-title">{t('authoring:library.titleLabel')}</label>
          <input id="sw-new-title" type="text" dir="auto" maxLength={200} required value={title()} onInput={(event) => setTitle(event.currentTarget.value)} />
        </div>
        <SurveyIdField id="sw-new-id" value={id()} problem={idProblem()} onInput={setTypedId} />
        <div class="sw-field">
          <label for="sw-new-language">{t('authoring:library.defaultLanguageLabel')}</label>
          <select id="sw-new-language" onInput={(event) => setLanguage(event.currentTarget.value)}>
            <For each={[...LAUNCH_LANGUAGES]}>
              {(code) => {
                const info = languageInfo(code);
                return <option value={code} selected={code === language()}>{info.nativeName === info.englishName ? info.englishName : `${info.englishName} (${info.nativeName})`}</option>;
              }}
            </For>
          </select>
        </div>
        <div class="sw-actions">
          <button type="submit" class="sw-button sw-button--primary" disabled={busy()}>{t('authoring:library.create')}</button>
        </div>
        <ErrorNotice error={error()} />
      </form>
    </section>
  );
}
