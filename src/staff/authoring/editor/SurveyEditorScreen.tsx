import { createMemo, createSignal, Match, onCleanup, Show, Switch } from 'solid-js';
import { loadNamespace, t } from '../../../i18n/i18n.ts';
import { localize } from '../../../survey/localize.ts';
import type { Item, QuestionKind } from '../../../survey/schema.ts';
import { useStaff } from '../../web/StaffContext.ts';
import { ErrorNotice } from '../../web/ui/ErrorNotice.tsx';
import { makeAuthoringApi } from '../authoringApi.ts';
import { AudioCoverageView } from './AudioCoverageView.tsx';
import { createDraftEditor, type DraftEditor } from './createDraftEditor.ts';
import { insertItem, itemAt, moveItem, removeItem, updateItem, type ItemPath } from './draftPaths.ts';
import { freshId, newGroup, newQuestion, renameReferences } from './editItems.ts';
import { ItemEditor } from './ItemEditor.tsx';
import { ItemOutline } from './ItemOutline.tsx';
import { LivePreview } from './LivePreview.tsx';
import { placeProblems, type PlacedProblem } from './problemPlaces.ts';
import { ProblemList } from './ProblemList.tsx';
import { firstQuestionOf } from './previewFrom.ts';
import { PublishPanel } from './PublishPanel.tsx';
import { SaveStatus } from './SaveStatus.tsx';
import { SurveyFields } from './SurveyFields.tsx';
import { TranslationsView } from './TranslationsView.tsx';
import './editor.css';

type View = 'questions' | 'translations' | 'audio';
const VIEWS: View[] = ['questions', 'translations', 'audio'];

/**
 * /staff/surveys/edit?survey=<id>: the survey editor (designers, admins). The draft is saved
 * as the designer types; problems are shown by their fields and listed at the top; the real
 * kiosk previews it in a tablet frame; publishing makes the next immutable version.
 */
export default function SurveyEditorScreen() {
  const staff = useStaff();
  const [words, setWords] = createSignal<'loading' | 'ready' | 'failed'>('loading');
  loadNamespace('authoring').then(() => setWords('ready'), () => setWords('failed'));
  const surveyId = () => staff.router.search().get('survey') ?? '';

  return (
    <Show when={words() !== 'loading'} fallback={<p role="status">{t('results:loading')}</p>}>
      <Show when={surveyId()} keyed fallback={<NoSurvey />}>
        {(id) => <Editor surveyId={id} />}
      </Show>
    </Show>
  );
}

function NoSurvey() {
  return (
    <>
      <h1>{t('authoring:editor.title')}</h1>
      <p>{t('authoring:editor.noSurvey')}</p>
      <a href="/staff/surveys">{t('authoring:editor.toLibrary')}</a>
    </>
  );
}

function Editor(props: { surveyId: string }) {
  const api = makeAuthoringApi();
  const editor = createDraftEditor({ api, surveyId: props.surveyId });
  void editor.load();
  // Leaving with typing not yet saved: the browser asks first.
  const beforeUnload = (event: BeforeUnloadEvent) => {
    if (editor.hasUnsaved()) event.preventDefault();
  };
  window.addEventListener('beforeunload', beforeUnload);
  onCleanup(() => {
    window.removeEventListener('beforeunload', beforeUnload);
    void editor.flush();
    editor.dispose();
  });
  const title = () => {
    const d = editor.definition();
    return d ? localize(d.title, d.defaultLanguage, d.defaultLanguage) || props.surveyId : props.surveyId;
  };

  return (
    <>
      <h1>{t('authoring:editor.heading', { title: title() })}</h1>
      <Switch>
        <Match when={editor.loadState() === 'loading'}>
          <p role="status">{t('authoring:editor.loading')}</p>
        </Match>
        <Match when={editor.loadState() === 'failed'}>
          <ErrorNotice error={editor.loadError()} />
          <button type="button" class="sw-button" onClick={() => void editor.load()}>
            {t('authoring:editor.retry')}
          </button>
        </Match>
        <Match when={editor.loadState() === 'noDraft'}>
          <NoDraft editor={editor} />
        </Match>
        <Match when={editor.definition()}>
          <DraftScreen editor={editor} api={api} />
        </Match>
      </Switch>
    </>
  );
}

/** No draft: just published (say so), or nothing being edited; either way a draft can start from the latest version. */
function NoDraft(props: { editor: DraftEditor }) {
  const [error, setError] = createSignal<unknown>();
  const start = async (version: number) => {
    setError(undefined);
    try {
      await props.editor.draftFrom(version);
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <>
      <Show when={props.editor.published()}>
        {(published) => (
          <p class="sw-success" role="status">
            {t('authoring:editor.publish.done', { version: published().version })}
          </p>
        )}
      </Show>
      <Show when={!props.editor.published()}>
        <p>{t('authoring:editor.noDraft')}</p>
      </Show>
      <ErrorNotice error={error()} />
      <Show when={props.editor.latestVersion()} fallback={<a href="/staff/surveys">{t('authoring:editor.toLibrary')}</a>}>
        {(version) => (
          <div class="sw-actions">
            <button type="button" class="sw-button" onClick={() => void start(version())}>
              {t('authoring:editor.editAgain', { version: version() })}
            </button>
            <a href="/staff/surveys">{t('authoring:editor.toLibrary')}</a>
          </div>
        )}
      </Show>
    </>
  );
}

function DraftScreen(props: { editor: DraftEditor; api: ReturnType<typeof makeAuthoringApi> }) {
  const { editor } = props;
  const definition = () => editor.definition()!;
  const [view, setView] = createSignal<View>('questions');
  const [selected, setSelected] = createSignal<ItemPath | undefined>(definition().items.length ? [0] : undefined);
  const placed = createMemo(() => placeProblems(editor.problems(), editor.definition()));
  const selectedItem = () => {
    const path = selected();
    return path && itemAt(definition(), path) ? path : undefined;
  };

  const focusSoon = (id: string, fallback?: string) =>
    setTimeout(() => {
      const element = document.getElementById(id) ?? (fallback ? document.getElementById(fallback) : null);
      element?.scrollIntoView({ block: 'center' });
      element?.focus();
    }, 0);

  const goTo = (problem: PlacedProblem) => {
    if (problem.inTranslations) setView('translations');
    else {
      setView('questions');
      if (problem.item) setSelected(problem.item);
    }
    focusSoon(problem.target, problem.item ? `ed-item-${problem.item.join('-')}-heading` : 'ed-survey-title');
  };

  /** Where a new item goes: after the selected one in its list, else at the end. */
  const insertionPoint = (): ItemPath => {
    const path = selectedItem();
    return path ? [...path.slice(0, -1), path[path.length - 1]! + 1] : [definition().items.length];
  };
  const add = (item: Item, path: ItemPath) => {
    editor.update((d) => insertItem(d, path, item));
    setSelected(path);
    focusSoon(`ed-item-${path.join('-')}-${item.kind === 'group' ? 'title' : 'text'}`);
  };
  const addQuestion = (kind: QuestionKind, intoGroup: boolean) => {
    const group = selectedItem();
    const groupItem = group ? itemAt(definition(), group) : undefined;
    const path = intoGroup && group && groupItem?.kind === 'group' ? [...group, groupItem.items.length] : insertionPoint();
    add(newQuestion(kind, freshId(definition())), path);
  };
  const addGroup = () => {
    const groupId = freshId(definition(), 'group');
    add(newGroup(groupId, freshId(definition())), insertionPoint());
  };
  const remove = (path: ItemPath) => {
    const item = itemAt(definition(), path);
    if (!item || !window.confirm(t('authoring:editor.outline.confirmDelete', { id: item.id }))) return;
    editor.update((d) => removeItem(d, path));
    setSelected(undefined);
  };
  const move = (path: ItemPath, by: -1 | 1) => {
    const moved = moveItem(definition(), path, by);
    if (!moved) return;
    editor.update(() => moved.definition);
    setSelected(moved.path);
  };
  const rename = (path: ItemPath, from: string, to: string) =>
    editor.update((d) => {
      const renamed = updateItem(d, path, (item) => ({ ...item, id: to }) as Item);
      return { ...renamed, items: renameReferences(renamed.items, from, to) };
    });

  return (
    <>
      <SaveStatus editor={editor} />
      <ProblemList problems={placed()} definition={definition()} onGo={goTo} />
      <PublishPanel editor={editor} />
      <div class="ed-layout">
        <div class="ed-work">
          <div class="ed-views" role="group" aria-label={t('authoring:editor.views.label')}>
            {VIEWS.map((name) => (
              <button type="button" class="sw-button sw-button--quiet" aria-pressed={view() === name} onClick={() => setView(name)}>
                {t(`authoring:editor.views.${name}`)}
              </button>
            ))}
          </div>
          <Switch>
            <Match when={view() === 'questions'}>
              <SurveyFields definition={definition()} problems={placed()} onChange={editor.update} />
              <div class="ed-questions">
                <ItemOutline
                  definition={definition()}
                  selected={selectedItem()}
                  problems={placed()}
                  onSelect={setSelected}
                  onMove={move}
                  onDelete={remove}
                  onAddQuestion={addQuestion}
                  onAddGroup={addGroup}
                />
                <Show when={selectedItem()} keyed fallback={<p class="sw-note">{t('authoring:editor.pick')}</p>}>
                  {(path) => (
                    <ItemEditor
                      definition={definition()}
                      path={path}
                      problems={placed()}
                      onChange={(change) => editor.update((d) => updateItem(d, path, change))}
                      onRename={(from, to) => rename(path, from, to)}
                    />
                  )}
                </Show>
              </div>
            </Match>
            <Match when={view() === 'translations'}>
              <TranslationsView definition={definition()} problems={placed()} onChange={editor.update} />
            </Match>
            <Match when={view() === 'audio'}>
              <AudioCoverageView definition={definition()} api={props.api} />
            </Match>
          </Switch>
        </div>
        <LivePreview definition={definition()} startAt={view() === 'questions' ? firstQuestionOf(selectedItem() ? itemAt(definition(), selectedItem()!) : undefined) : undefined} />
      </div>
    </>
  );
}
