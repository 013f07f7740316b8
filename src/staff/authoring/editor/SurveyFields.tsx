import { For, Show } from 'solid-js';
import { t } from '../../../i18n/i18n.ts';
import { languageInfo } from '../../../survey/languages.ts';
import type { DraftDefinition } from './draftPaths.ts';
import { setText } from './editItems.ts';
import { FieldProblems } from './FieldProblems.tsx';
import { problemsAt, type PlacedProblem } from './problemPlaces.ts';
import { TextInput } from './TextInput.tsx';

/** The survey's own fields: title and description (default language), default language, minutes, audience. */
export function SurveyFields(props: { definition: DraftDefinition; problems: PlacedProblem[]; onChange: (change: (d: DraftDefinition) => DraftDefinition) => void }) {
  const language = () => props.definition.defaultLanguage;
  const languageName = () => languageInfo(language()).englishName;
  const at = (field: string) => problemsAt(props.problems, undefined, field).filter((p) => !p.inTranslations);
  const without = (d: DraftDefinition, key: string) => {
    const copy = { ...d } as Record<string, unknown>;
    delete copy[key];
    return copy as unknown as DraftDefinition;
  };
  return (
    <section class="ed-survey-fields" aria-labelledby="ed-survey-fields-title">
      <h2 id="ed-survey-fields-title">{t('authoring:editor.survey.title')}</h2>
      <p>
        {t('authoring:editor.survey.id')} <code dir="ltr">{props.definition.id}</code>
      </p>
      <TextInput
        id="ed-survey-title"
        label={t('authoring:editor.survey.name', { language: languageName() })}
        value={props.definition.title?.[language()] ?? ''}
        language={language()}
        problems={at('title')}
        onInput={(value) => props.onChange((d) => ({ ...d, title: setText(d.title, language(), value) }))}
      />
      <TextInput
        id="ed-survey-description"
        label={t('authoring:editor.survey.description', { language: languageName() })}
        value={props.definition.description?.[language()] ?? ''}
        language={language()}
        multiline
        problems={at('description')}
        onInput={(value) =>
          props.onChange((d) => {
            const description = setText(d.description, language(), value);
            return Object.keys(description).length ? { ...d, description } : without(d, 'description');
          })
        }
      />
      <div class="sw-field">
        <label for="ed-survey-defaultLanguage">{t('authoring:editor.survey.defaultLanguage')}</label>
        <select id="ed-survey-defaultLanguage" onInput={(event) => props.onChange((d) => ({ ...d, defaultLanguage: event.currentTarget.value }))}>
          <For each={props.definition.languages}>{(code) => <option value={code} selected={code === language()}>{`${languageInfo(code).englishName} (${code})`}</option>}</For>
        </select>
        <FieldProblems problems={[...at('defaultLanguage'), ...at('languages')]} />
      </div>
      <div class="sw-field">
        <label for="ed-survey-estimatedMinutes">{t('authoring:editor.survey.minutes')}</label>
        <input
          id="ed-survey-estimatedMinutes"
          type="number"
          min="1"
          max="120"
          value={props.definition.estimatedMinutes ?? ''}
          onInput={(event) => {
            const raw = event.currentTarget.value;
            props.onChange((d) => (raw.trim() === '' ? without(d, 'estimatedMinutes') : { ...d, estimatedMinutes: Number(raw) }));
          }}
        />
        <FieldProblems problems={at('estimatedMinutes')} />
      </div>
      <div class="sw-field">
        <label for="ed-survey-audience">{t('authoring:editor.survey.audience')}</label>
        <select id="ed-survey-audience" onInput={(event) => props.onChange((d) => (event.currentTarget.value === 'inspectors' ? { ...d, audience: 'inspectors' } : { ...d, audience: 'residents' }))}>
          <option value="residents" selected={props.definition.audience !== 'inspectors'}>{t('authoring:editor.survey.residents')}</option>
          <option value="inspectors" selected={props.definition.audience === 'inspectors'}>{t('authoring:editor.survey.inspectors')}</option>
        </select>
      </div>
      <Show when={props.definition.audience !== 'inspectors'}>
        <label class="sw-checks">
          <input
            type="checkbox"
            checked={Boolean(props.definition.requiresMediator)}
            onInput={(event) => {
              const on = event.currentTarget.checked;
              props.onChange((d) => (on ? { ...d, requiresMediator: true } : without(d, 'requiresMediator')));
            }}
          />
          {t('authoring:editor.survey.requiresMediator')}
        </label>
      </Show>
    </section>
  );
}
