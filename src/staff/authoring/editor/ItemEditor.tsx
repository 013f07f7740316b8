import { For, Show } from 'solid-js';
import { t } from '../../../i18n/i18n.ts';
import { languageInfo } from '../../../survey/languages.ts';
import { EVIDENCE_SOURCES, type Group, type Item, type Question, type QuestionKind } from '../../../survey/schema.ts';
import { ChoicesEditor } from './ChoicesEditor.tsx';
import { fieldId, itemAt, type DraftDefinition, type ItemPath } from './draftPaths.ts';
import { changeKind, QUESTION_KINDS, RATING_SCALES, setText } from './editItems.ts';
import { FieldProblems } from './FieldProblems.tsx';
import { PictogramPicker } from './PictogramPicker.tsx';
import { problemsAt, type PlacedProblem } from './problemPlaces.ts';
import { RelevanceEditor } from './RelevanceEditor.tsx';
import { TextInput } from './TextInput.tsx';

type AnyQuestion = Question & Record<string, unknown>;

/**
 * Everything about one question or group, in the survey's default language (the other
 * languages are written side by side in the translations table). Fields re-read the draft
 * on every edit, so what is typed stays where it is typed.
 */
export function ItemEditor(props: {
  definition: DraftDefinition;
  path: ItemPath;
  problems: PlacedProblem[];
  onChange: (change: (item: Item) => Item) => void;
  onRename: (from: string, to: string) => void;
}) {
  const item = () => itemAt(props.definition, props.path);
  const language = () => props.definition.defaultLanguage;
  const languageName = () => languageInfo(language()).englishName;
  const id = (field: string) => fieldId(props.path, field);
  const at = (field: string) => problemsAt(props.problems, props.path, field).filter((p) => !p.inTranslations);
  const question = () => {
    const current = item();
    return current && current.kind !== 'group' ? (current as AnyQuestion) : undefined;
  };
  const setQuestion = (change: (q: AnyQuestion) => Question) => props.onChange((current) => (current.kind === 'group' ? current : change(current as AnyQuestion)));
  const setFlag = (name: 'required' | 'preferNotToAnswer' | 'demographic', value: boolean) => setQuestion((q) => ({ ...q, [name]: value }) as Question);
  /** An optional number field: empty removes it. */
  const setNumber = (name: string, raw: string) =>
    setQuestion((q) => {
      const next = { ...q } as Record<string, unknown>;
      if (raw.trim() === '') delete next[name];
      else next[name] = Number(raw);
      return next as unknown as Question;
    });
  /** An id is committed when the field is left (or Enter): a half-typed id never captures another question's conditions. */
  const commitId = (input: HTMLInputElement) => {
    const from = item()?.id;
    const to = input.value.trim();
    if (from !== undefined && to && to !== from) props.onRename(from, to);
    else if (from !== undefined) input.value = from;
  };

  return (
    <Show when={item()}>
      {(current) => (
        <section class="ed-item-editor" aria-labelledby={id('heading')}>
          <h3 id={id('heading')}>
            {current().kind === 'group' ? t('authoring:editor.item.groupHeading', { id: current().id }) : t('authoring:editor.item.questionHeading', { id: current().id })}
          </h3>
          <FieldProblems problems={problemsAt(props.problems, props.path, '').filter((p) => p.field === '')} />
          <Show when={question()}>
            {(q) => (
              <div class="sw-field">
                <label for={id('kind')}>{t('authoring:editor.item.kind')}</label>
                <select id={id('kind')} onInput={(event) => setQuestion((old) => changeKind(old, event.currentTarget.value as QuestionKind))}>
                  <For each={QUESTION_KINDS}>{(kind) => <option value={kind} selected={q().kind === kind}>{t(`authoring:editor.kinds.${kind}`)}</option>}</For>
                </select>
              </div>
            )}
          </Show>
          <div class="sw-field">
            <label for={id('id')}>{t('authoring:editor.item.id')}</label>
            <span class="sw-note" id={id('id-hint')}>
              {t('authoring:editor.item.idHint')}
            </span>
            <input
              id={id('id')}
              type="text"
              dir="ltr"
              value={current().id}
              aria-invalid={at('id').length > 0 ? 'true' : undefined}
              aria-describedby={at('id').length > 0 ? `${id('id-hint')} ${id('id-problems')}` : id('id-hint')}
              onFocusOut={(event) => commitId(event.currentTarget)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') commitId(event.currentTarget);
              }}
            />
            <FieldProblems problems={at('id')} id={id('id-problems')} />
          </div>
          <Show
            when={question()}
            fallback={
              <TextInput
                id={id('title')}
                label={t('authoring:editor.item.groupTitle', { language: languageName() })}
                value={(current() as Group).title?.[language()] ?? ''}
                language={language()}
                problems={at('title')}
                onInput={(value) => props.onChange((g) => (g.kind === 'group' ? { ...g, title: setText(g.title, language(), value) } : g))}
              />
            }
          >
            {(q) => (
              <>
                <TextInput
                  id={id('text')}
                  label={t('authoring:editor.item.text', { language: languageName() })}
                  value={q().text?.[language()] ?? ''}
                  language={language()}
                  multiline
                  problems={at('text')}
                  onInput={(value) => setQuestion((old) => ({ ...old, text: setText(old.text, language(), value) }) as Question)}
                />
                <TextInput
                  id={id('hint')}
                  label={t('authoring:editor.item.hint', { language: languageName() })}
                  value={(q().hint as Record<string, string> | undefined)?.[language()] ?? ''}
                  language={language()}
                  problems={at('hint')}
                  onInput={(value) =>
                    setQuestion((old) => {
                      const hint = setText(old.hint, language(), value);
                      const { hint: _old, ...rest } = old;
                      return (Object.keys(hint).length ? { ...rest, hint } : rest) as Question;
                    })
                  }
                />
              </>
            )}
          </Show>
          <PictogramPicker
            id={id('pictogram')}
            label={t('authoring:editor.item.pictogram')}
            value={current().pictogram}
            onChange={(pictogram) => props.onChange((old) => ({ ...old, pictogram }) as Item)}
          />
          <FieldProblems problems={at('pictogram')} />
          <Show when={question() && question()!.kind !== 'info'}>
            <fieldset class="sw-checks">
              <legend>{t('authoring:editor.item.rules')}</legend>
              <For each={['required', 'preferNotToAnswer', 'demographic'] as const}>
                {(flag) => (
                  <label>
                    <input type="checkbox" checked={Boolean(question()?.[flag])} onInput={(event) => setFlag(flag, event.currentTarget.checked)} />
                    {t(`authoring:editor.item.${flag}`)}
                  </label>
                )}
              </For>
            </fieldset>
          </Show>
          <KindFields question={question()} path={props.path} language={language()} problems={props.problems} setQuestion={setQuestion} setNumber={setNumber} />
          <RelevanceEditor
            definition={props.definition}
            path={props.path}
            condition={current().relevant}
            problems={at('relevant')}
            onChange={(condition) =>
              props.onChange((old) => {
                const { relevant: _old, ...rest } = old;
                return (condition ? { ...rest, relevant: condition } : rest) as Item;
              })
            }
          />
        </section>
      )}
    </Show>
  );
}

/** The fields only some kinds have: choices, scale and its end labels, number of faces, limits. */
function KindFields(props: {
  question: AnyQuestion | undefined;
  path: ItemPath;
  language: string;
  problems: PlacedProblem[];
  setQuestion: (change: (q: AnyQuestion) => Question) => void;
  setNumber: (name: string, raw: string) => void;
}) {
  const id = (field: string) => fieldId(props.path, field);
  const at = (field: string) => problemsAt(props.problems, props.path, field).filter((p) => !p.inTranslations);
  const q = () => props.question;
  const languageName = () => languageInfo(props.language).englishName;
  const numberField = (name: string, label: string, min: number, max?: number) => (
    <div class="sw-field">
      <label for={id(name)}>{label}</label>
      <input id={id(name)} type="number" min={min} max={max} value={(q()?.[name] as number | undefined) ?? ''} onInput={(event) => props.setNumber(name, event.currentTarget.value)} />
      <FieldProblems problems={at(name)} />
    </div>
  );
  const edgeLabel = (edge: 'minLabel' | 'maxLabel') => (
    <TextInput
      id={id(edge)}
      label={t(`authoring:editor.item.${edge}`, { language: languageName() })}
      value={(q()?.[edge] as Record<string, string> | undefined)?.[props.language] ?? ''}
      language={props.language}
      problems={at(edge)}
      onInput={(value) =>
        props.setQuestion((old) => {
          const text = setText(old[edge] as Record<string, string> | undefined, props.language, value);
          const next = { ...old } as Record<string, unknown>;
          if (Object.keys(text).length) next[edge] = text;
          else delete next[edge];
          return next as unknown as Question;
        })
      }
    />
  );
  return (
    <>
      <Show when={q()?.kind === 'single' || q()?.kind === 'multi'}>
        <ChoicesEditor
          path={props.path}
          choices={(q()?.choices as never) ?? []}
          language={props.language}
          problems={props.problems}
          onChange={(choices) => props.setQuestion((old) => ({ ...old, choices }) as Question)}
        />
      </Show>
      <Show when={q()?.kind === 'multi'}>{numberField('maxSelected', t('authoring:editor.item.maxSelected'), 1)}</Show>
      <Show when={q()?.kind === 'rating'}>
        <div class="sw-field">
          <label for={id('scale')}>{t('authoring:editor.item.scale')}</label>
          <select id={id('scale')} onInput={(event) => props.setQuestion((old) => ({ ...old, scale: event.currentTarget.value }) as Question)}>
            <For each={RATING_SCALES}>{(scale) => <option value={scale} selected={q()?.scale === scale}>{scale}</option>}</For>
          </select>
        </div>
        {edgeLabel('minLabel')}
        {edgeLabel('maxLabel')}
      </Show>
      <Show when={q()?.kind === 'faces'}>
        <div class="sw-field">
          <label for={id('faces')}>{t('authoring:editor.item.faces')}</label>
          <select id={id('faces')} onInput={(event) => props.setQuestion((old) => ({ ...old, faces: Number(event.currentTarget.value) }) as Question)}>
            <option value="3" selected={q()?.faces === 3}>{t('authoring:editor.item.faces3')}</option>
            <option value="5" selected={q()?.faces === 5}>{t('authoring:editor.item.faces5')}</option>
          </select>
        </div>
      </Show>
      <Show when={q()?.kind === 'compliance'}>
        <div class="sw-field">
          <label for={id('evidence')}>{t('authoring:editor.item.evidence')}</label>
          <select
            id={id('evidence')}
            onInput={(event) =>
              props.setQuestion((old) => {
                const { evidence: _old, ...rest } = old;
                return (event.currentTarget.value ? { ...rest, evidence: event.currentTarget.value } : rest) as Question;
              })
            }
          >
            <option value="" selected={!q()?.evidence}>{t('authoring:editor.item.evidenceNone')}</option>
            <For each={EVIDENCE_SOURCES}>{(source) => <option value={source} selected={q()?.evidence === source}>{t(`authoring:editor.evidence.${source}`)}</option>}</For>
          </select>
        </div>
      </Show>
      <Show when={q()?.kind === 'text'}>{numberField('maxLength', t('authoring:editor.item.maxLength'), 1, 5000)}</Show>
      <Show when={q()?.kind === 'spoken'}>{numberField('maxSeconds', t('authoring:editor.item.maxSeconds'), 5, 600)}</Show>
    </>
  );
}

