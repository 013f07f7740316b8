import { For } from 'solid-js';
import { t } from '../../../i18n/i18n.ts';
import { languageInfo } from '../../../survey/languages.ts';
import type { Choice } from '../../../survey/schema.ts';
import { fieldId, type ItemPath } from './draftPaths.ts';
import { freshChoiceValue, setText } from './editItems.ts';
import { FieldProblems } from './FieldProblems.tsx';
import { PictogramPicker } from './PictogramPicker.tsx';
import { problemsAt, type PlacedProblem } from './problemPlaces.ts';
import { TextInput } from './TextInput.tsx';

/**
 * The answer choices of a single or multiple choice question: value (what is stored and
 * reported), label in the default language, pictogram; add, remove, move.
 */
export function ChoicesEditor(props: {
  path: ItemPath;
  choices: Choice[];
  language: string;
  problems: PlacedProblem[];
  onChange: (choices: Choice[]) => void;
}) {
  const indices = () => props.choices.map((_, index) => index);
  const change = (index: number, next: (choice: Choice) => Choice) => props.onChange(props.choices.map((c, i) => (i === index ? next(c) : c)));
  const move = (index: number, by: -1 | 1) => {
    const target = index + by;
    if (target < 0 || target >= props.choices.length) return;
    const next = [...props.choices];
    [next[index], next[target]] = [next[target]!, next[index]!];
    props.onChange(next);
  };
  const field = (index: number, name: string) => fieldId(props.path, `choices[${index}].${name}`);
  return (
    <fieldset class="ed-choices">
      <legend>{t('authoring:editor.choices.title')}</legend>
      <FieldProblems problems={problemsAt(props.problems, props.path, 'choices').filter((p) => p.field === 'choices')} />
      <ol>
        <For each={indices()}>
          {(index) => {
            const choice = () => props.choices[index]!;
            const number = index + 1;
            return (
              <li class="ed-choice">
                <TextInput
                  id={field(index, 'label')}
                  label={t('authoring:editor.choices.label', { number, language: languageInfo(props.language).englishName })}
                  value={choice().label?.[props.language] ?? ''}
                  language={props.language}
                  problems={problemsAt(props.problems, props.path, `choices[${index}].label`).filter((p) => !p.inTranslations)}
                  onInput={(value) => change(index, (c) => ({ ...c, label: setText(c.label, props.language, value) }))}
                />
                <div class="sw-field">
                  <label for={field(index, 'value')}>{t('authoring:editor.choices.value', { number })}</label>
                  <input
                    id={field(index, 'value')}
                    type="text"
                    dir="ltr"
                    value={choice().value}
                    onInput={(event) => change(index, (c) => ({ ...c, value: event.currentTarget.value }))}
                  />
                  <FieldProblems problems={problemsAt(props.problems, props.path, `choices[${index}].value`)} />
                </div>
                <PictogramPicker
                  id={field(index, 'pictogram')}
                  label={t('authoring:editor.choices.pictogram', { number })}
                  value={choice().pictogram}
                  onChange={(pictogram) => change(index, (c) => ({ ...c, pictogram }))}
                />
                <div class="sw-actions">
                  <button type="button" class="sw-button sw-button--small sw-button--quiet" disabled={index === 0} onClick={() => move(index, -1)}>
                    {t('authoring:editor.choices.up', { number })}
                  </button>
                  <button type="button" class="sw-button sw-button--small sw-button--quiet" disabled={index === props.choices.length - 1} onClick={() => move(index, 1)}>
                    {t('authoring:editor.choices.down', { number })}
                  </button>
                  <button type="button" class="sw-button sw-button--small sw-button--danger" onClick={() => props.onChange(props.choices.filter((_, i) => i !== index))}>
                    {t('authoring:editor.choices.remove', { number })}
                  </button>
                </div>
              </li>
            );
          }}
        </For>
      </ol>
      <button
        type="button"
        class="sw-button sw-button--quiet"
        onClick={() => props.onChange([...props.choices, { value: freshChoiceValue(props.choices), label: {}, pictogram: 'other' }])}
      >
        {t('authoring:editor.choices.add')}
      </button>
    </fieldset>
  );
}
