import './mediator.css';
import { createResource, createSignal, For, Show } from 'solid-js';
import { t } from '../i18n/i18n.ts';
import { ASSISTANT_ROLES, type AssistantRole } from '../survey/responseEnvelope.ts';
import { languageInfo } from '../survey/languages.ts';
import { localize } from '../survey/localize.ts';
import type { SurveyDefinition } from '../survey/schema.ts';
import { Pictogram } from '../ui/Pictogram.tsx';

/** After the PIN: the mediator's role and language, and which survey the respondent answers. */
export function MediatorSetupScreen(props: {
  deviceLanguage: string;
  languages: readonly string[];
  surveys: () => Promise<SurveyDefinition[]>;
  onBegin: (input: { role: AssistantRole; language: string; surveyId: string }) => void;
  onCancel: () => void;
}) {
  const [surveys] = createResource(props.surveys);
  const [role, setRole] = createSignal<AssistantRole>();
  const [language, setLanguage] = createSignal(props.deviceLanguage);
  const [surveyId, setSurveyId] = createSignal<string>();
  const chosenSurvey = () => surveyId() ?? surveys()?.[0]?.id;

  return (
    <main class="screen screen--mediator">
      <h1 class="screen__title">
        <Pictogram name="help" class="pictogram--title" />
        {t('mediator.setup.title')}
      </h1>
      <form
        class="mediator-form"
        onSubmit={(event) => {
          event.preventDefault();
          const chosen = role();
          const survey = chosenSurvey();
          if (chosen && survey) props.onBegin({ role: chosen, language: language(), surveyId: survey });
        }}
      >
        <fieldset class="mediator-choices">
          <legend>{t('mediator.setup.role')}</legend>
          <For each={ASSISTANT_ROLES}>
            {(name) => (
              <label class="mediator-choice">
                <input type="radio" name="role" value={name} required checked={role() === name} onChange={() => setRole(name)} />
                {t(`mediator.roles.${name}`)}
              </label>
            )}
          </For>
        </fieldset>
        <label>
          {t('mediator.setup.language')}
          <select name="mediator-language" value={language()} onChange={(event) => setLanguage(event.currentTarget.value)}>
            <For each={props.languages}>
              {(code) => (
                <option value={code} lang={code}>
                  {languageInfo(code).nativeName}
                </option>
              )}
            </For>
          </select>
        </label>
        <Show when={(surveys()?.length ?? 0) > 1}>
          <fieldset class="mediator-choices">
            <legend>{t('mediator.setup.survey')}</legend>
            <For each={surveys()}>
              {(survey) => (
                <label class="mediator-choice">
                  <input type="radio" name="survey" value={survey.id} checked={chosenSurvey() === survey.id} onChange={() => setSurveyId(survey.id)} />
                  {localize(survey.title, props.deviceLanguage, survey.defaultLanguage)}
                </label>
              )}
            </For>
          </fieldset>
        </Show>
        <div class="mediator-actions">
          <button type="button" class="big-button" onClick={() => props.onCancel()}>
            <Pictogram name="back" mirrorInRtl class="pictogram--inline" />
            {t('mediator.cancel')}
          </button>
          <button type="submit" class="big-button big-button--primary" disabled={!chosenSurvey()}>
            <Pictogram name="start" class="pictogram--inline" />
            {t('mediator.setup.begin')}
          </button>
        </div>
      </form>
    </main>
  );
}
