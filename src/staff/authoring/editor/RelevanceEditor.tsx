import { For, Match, Show, Switch } from 'solid-js';
import { t } from '../../../i18n/i18n.ts';
import { localize } from '../../../survey/localize.ts';
import type { Condition, Question } from '../../../survey/schema.ts';
import { fieldId, type DraftDefinition, type ItemPath } from './draftPaths.ts';
import { FieldProblems } from './FieldProblems.tsx';
import type { PlacedProblem } from './problemPlaces.ts';
import {
  comparisonsFor, conditionOfRows, defaultRow, earlierQuestions, fitRow, modelOf, valuesFor,
  type RelevanceRow, type RowValue,
} from './relevanceRows.ts';

/**
 * When a question (or group) is shown: always, or when all / any of some rows hold, each
 * row naming an earlier question, a comparison that fits its answers and one of its values.
 */
export function RelevanceEditor(props: {
  definition: DraftDefinition;
  path: ItemPath;
  condition: Condition | undefined;
  problems: PlacedProblem[];
  onChange: (condition: Condition | undefined) => void;
}) {
  const model = () => modelOf(props.condition);
  const candidates = () => earlierQuestions(props.definition, props.path);
  const byId = (id: string) => candidates().find((q) => q.id === id);
  const base = () => fieldId(props.path, 'relevant');
  const questionName = (q: Question) => `${q.id}: ${localize(q.text, props.definition.defaultLanguage, props.definition.defaultLanguage) || t('authoring:editor.untitled')}`;
  const valueName = (question: Question | undefined, value: RowValue): string => {
    if (typeof value === 'boolean') return t(value ? 'authoring:editor.relevance.yes' : 'authoring:editor.relevance.no');
    if (question && (question.kind === 'single' || question.kind === 'multi')) {
      const choice = question.choices.find((c) => c.value === value);
      const label = choice ? localize(choice.label, props.definition.defaultLanguage, props.definition.defaultLanguage) : '';
      return label ? `${label} (${value})` : String(value);
    }
    if (question?.kind === 'expectation' || question?.kind === 'compliance') return t(`authoring:editor.relevance.values.${value}`);
    return String(value);
  };

  const rowsModel = () => {
    const m = model();
    return m.kind === 'rows' ? m : undefined;
  };
  const setRows = (mode: 'all' | 'any', rows: RelevanceRow[]) => props.onChange(conditionOfRows(mode, rows));
  const changeRow = (index: number, next: RelevanceRow) => {
    const m = rowsModel();
    if (m) setRows(m.mode, m.rows.map((row, i) => (i === index ? next : row)));
  };

  return (
    <fieldset class="ed-relevance" id={base()}>
      <legend>{t('authoring:editor.relevance.title')}</legend>
      <FieldProblems problems={props.problems} />
      <Switch>
        <Match when={model().kind === 'complex'}>
          <p>{t('authoring:editor.relevance.complex')}</p>
          <pre class="ed-condition-json" dir="ltr">{JSON.stringify(props.condition, null, 1)}</pre>
          <button type="button" class="sw-button sw-button--danger" onClick={() => props.onChange(undefined)}>
            {t('authoring:editor.relevance.clear')}
          </button>
        </Match>
        <Match when={rowsModel()}>
          {(m) => (
            <>
              <Show when={m().rows.length === 0}>
                <p>{t('authoring:editor.relevance.always')}</p>
              </Show>
              <Show when={m().rows.length > 1}>
                <div class="sw-field">
                  <label for={`${base()}-mode`}>{t('authoring:editor.relevance.mode')}</label>
                  <select id={`${base()}-mode`} onInput={(event) => setRows(event.currentTarget.value === 'any' ? 'any' : 'all', m().rows)}>
                    <option value="all" selected={m().mode === 'all'}>{t('authoring:editor.relevance.all')}</option>
                    <option value="any" selected={m().mode === 'any'}>{t('authoring:editor.relevance.any')}</option>
                  </select>
                </div>
              </Show>
              <ol class="ed-relevance-rows">
                <For each={m().rows.map((_, i) => i)}>
                  {(index) => {
                    const row = () => m().rows[index]!;
                    const question = () => byId(row().q);
                    const number = index + 1;
                    const id = (part: string) => `${base()}-${index}-${part}`;
                    const needsValue = () => row().comparison !== 'answered' && row().comparison !== 'notAnswered';
                    // The question changed kind or lost a choice since the row was made: said, never silently never true.
                    const fits = () => {
                      const q = question();
                      return !!q && comparisonsFor(q).includes(row().comparison) && (!needsValue() || valuesFor(q).some((v) => v === row().value));
                    };
                    return (
                      <li class="ed-relevance-row">
                        <div class="sw-field">
                          <label for={id('q')}>{t('authoring:editor.relevance.question', { number })}</label>
                          <select
                            id={id('q')}
                            onInput={(event) => {
                              const picked = byId(event.currentTarget.value);
                              if (picked) changeRow(index, fitRow(row(), picked));
                            }}
                          >
                            <Show when={!question()}>
                              <option value={row().q} selected>{t('authoring:editor.relevance.unknownQuestion', { id: row().q })}</option>
                            </Show>
                            <For each={candidates()}>{(q) => <option value={q.id} selected={q.id === row().q}>{questionName(q)}</option>}</For>
                          </select>
                        </div>
                        <div class="sw-field">
                          <label for={id('comparison')}>{t('authoring:editor.relevance.comparison', { number })}</label>
                          <select
                            id={id('comparison')}
                            onInput={(event) => changeRow(index, { ...row(), comparison: event.currentTarget.value as RelevanceRow['comparison'] })}
                          >
                            <For each={question() ? comparisonsFor(question()!) : [row().comparison]}>
                              {(comparison) => <option value={comparison} selected={comparison === row().comparison}>{t(`authoring:editor.relevance.comparisons.${comparison}`)}</option>}
                            </For>
                          </select>
                        </div>
                        <Show when={needsValue()}>
                          <div class="sw-field">
                            <label for={id('value')}>{t('authoring:editor.relevance.value', { number })}</label>
                            <select id={id('value')} onInput={(event) => changeRow(index, { ...row(), value: JSON.parse(event.currentTarget.value) as RowValue })}>
                              <For each={question() && valuesFor(question()!).some((v) => v === row().value) ? valuesFor(question()!) : [row().value, ...(question() ? valuesFor(question()!) : [])]}>
                                {(value) => <option value={JSON.stringify(value)} selected={value === row().value}>{valueName(question(), value)}</option>}
                              </For>
                            </select>
                          </div>
                        </Show>
                        <Show when={question() && !fits()}>
                          <p class="ed-field-problems">{t('authoring:editor.relevance.misfit', { id: row().q })}</p>
                        </Show>
                        <button type="button" class="sw-button sw-button--small sw-button--danger" onClick={() => setRows(m().mode, m().rows.filter((_, i) => i !== index))}>
                          {t('authoring:editor.relevance.removeRow', { number })}
                        </button>
                      </li>
                    );
                  }}
                </For>
              </ol>
              <Show when={candidates().length > 0} fallback={<p class="sw-note">{t('authoring:editor.relevance.noEarlier')}</p>}>
                <button type="button" class="sw-button sw-button--quiet" onClick={() => setRows(m().mode, [...m().rows, defaultRow(candidates()[candidates().length - 1]!)])}>
                  {t('authoring:editor.relevance.addRow')}
                </button>
              </Show>
            </>
          )}
        </Match>
      </Switch>
    </fieldset>
  );
}
