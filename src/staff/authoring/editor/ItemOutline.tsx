import { createSignal, For, Show } from 'solid-js';
import { t } from '../../../i18n/i18n.ts';
import { localize } from '../../../survey/localize.ts';
import type { Item, QuestionKind } from '../../../survey/schema.ts';
import { pathKey, sameItemPath, type DraftDefinition, type ItemPath } from './draftPaths.ts';
import { QUESTION_KINDS } from './editItems.ts';
import type { PlacedProblem } from './problemPlaces.ts';

/**
 * The survey's questions and groups in order, as a list to pick one to edit, with the
 * moves (up, down), deletion and "add" a designer needs; a count of problems per item.
 */
export function ItemOutline(props: {
  definition: DraftDefinition;
  selected: ItemPath | undefined;
  problems: PlacedProblem[];
  onSelect: (path: ItemPath) => void;
  onMove: (path: ItemPath, by: -1 | 1) => void;
  onDelete: (path: ItemPath) => void;
  onAddQuestion: (kind: QuestionKind, intoGroup: boolean) => void;
  onAddGroup: () => void;
}) {
  const [kind, setKind] = createSignal<QuestionKind>('yesno');
  const selectedIsGroup = () => {
    const path = props.selected;
    if (!path) return false;
    let items: readonly Item[] = props.definition.items;
    let item: Item | undefined;
    for (const index of path) {
      item = items[index];
      items = item?.kind === 'group' ? item.items : [];
    }
    return item?.kind === 'group';
  };
  return (
    <section class="ed-outline" aria-labelledby="ed-outline-title">
      <h2 id="ed-outline-title">{t('authoring:editor.outline.title')}</h2>
      <Show when={props.definition.items.length > 0} fallback={<p>{t('authoring:editor.outline.empty')}</p>}>
        <OutlineList items={props.definition.items} base={[]} props={props} />
      </Show>
      <div class="ed-add" role="group" aria-label={t('authoring:editor.outline.addLabel')}>
        <div class="sw-field">
          <label for="ed-add-kind">{t('authoring:editor.outline.kind')}</label>
          <select id="ed-add-kind" onInput={(event) => setKind(event.currentTarget.value as QuestionKind)}>
            <For each={QUESTION_KINDS}>{(k) => <option value={k} selected={k === kind()}>{t(`authoring:editor.kinds.${k}`)}</option>}</For>
          </select>
        </div>
        <button type="button" class="sw-button" onClick={() => props.onAddQuestion(kind(), false)}>
          {t('authoring:editor.outline.addQuestion')}
        </button>
        <Show when={selectedIsGroup()}>
          <button type="button" class="sw-button sw-button--quiet" onClick={() => props.onAddQuestion(kind(), true)}>
            {t('authoring:editor.outline.addToGroup')}
          </button>
        </Show>
        <button type="button" class="sw-button sw-button--quiet" onClick={() => props.onAddGroup()}>
          {t('authoring:editor.outline.addGroup')}
        </button>
      </div>
    </section>
  );
}

function OutlineList(p: { items: readonly Item[]; base: ItemPath; props: Parameters<typeof ItemOutline>[0] }) {
  const outline = p.props;
  const language = () => outline.definition.defaultLanguage;
  return (
    <ol class="ed-outline-list">
      <For each={p.items.map((_, index) => index)}>
        {(index) => {
          const path = [...p.base, index];
          const item = () => p.items[index]!;
          const label = () => {
            const current = item();
            const words = localize(current.kind === 'group' ? current.title : current.text, language(), language());
            return `${current.id} · ${words || t('authoring:editor.untitled')}`;
          };
          const problemCount = () =>
            outline.problems.filter((problem) => {
              const key = problem.item ? pathKey(problem.item) : undefined;
              return key !== undefined && (key === pathKey(path) || key.startsWith(`${pathKey(path)}-`));
            }).length;
          return (
            <li classList={{ 'ed-outline-item': true, 'is-group': item().kind === 'group' }}>
              <div class="ed-outline-row">
                <button
                  type="button"
                  class="ed-outline-pick"
                  aria-current={sameItemPath(outline.selected, path) ? 'true' : undefined}
                  onClick={() => outline.onSelect(path)}
                >
                  <span class="ed-kind">{t(`authoring:editor.kinds.${item().kind}`)}</span>
                  <span dir="auto">{label()}</span>
                  <Show when={problemCount() > 0}>
                    <span class="ed-problem-count">{t('authoring:editor.outline.problems', { count: problemCount() })}</span>
                  </Show>
                </button>
                <button type="button" class="sw-button sw-button--small sw-button--quiet" disabled={index === 0} aria-label={t('authoring:editor.outline.up', { id: item().id })} onClick={() => outline.onMove(path, -1)}>
                  ↑
                </button>
                <button type="button" class="sw-button sw-button--small sw-button--quiet" disabled={index === p.items.length - 1} aria-label={t('authoring:editor.outline.down', { id: item().id })} onClick={() => outline.onMove(path, 1)}>
                  ↓
                </button>
                <button type="button" class="sw-button sw-button--small sw-button--danger" aria-label={t('authoring:editor.outline.delete', { id: item().id })} onClick={() => outline.onDelete(path)}>
                  ✕
                </button>
              </div>
              <Show when={item().kind === 'group' ? (item() as Extract<Item, { kind: 'group' }>).items : undefined}>
                {(children) => <OutlineList items={children()} base={path} props={outline} />}
              </Show>
            </li>
          );
        }}
      </For>
    </ol>
  );
}
