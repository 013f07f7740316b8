import { For, Show } from 'solid-js';
import { t } from '../../../i18n/i18n.ts';
import { itemAt, type DraftDefinition } from './draftPaths.ts';
import type { PlacedProblem } from './problemPlaces.ts';

/**
 * The server's problems with the draft, at the top of the editor: each a link to its field
 * (the question opens, or the translations table), in the checker's own words, as text.
 */
export function ProblemList(props: { problems: PlacedProblem[]; definition: DraftDefinition; onGo: (problem: PlacedProblem) => void }) {
  const where = (problem: PlacedProblem) => {
    const item = problem.item ? itemAt(props.definition, problem.item) : undefined;
    if (!item) return t('authoring:editor.problems.survey');
    return item.kind === 'group' ? t('authoring:editor.problems.group', { id: item.id }) : t('authoring:editor.problems.question', { id: item.id });
  };
  return (
    <Show when={props.problems.length > 0} fallback={<p class="sw-success">{t('authoring:editor.problems.none')}</p>}>
      <section class="ed-problems" aria-labelledby="ed-problems-title">
        <h2 id="ed-problems-title">{t('authoring:editor.problems.title', { count: props.problems.length })}</h2>
        <p>{t('authoring:editor.problems.intro')}</p>
        <ul>
          <For each={props.problems}>
            {(problem) => (
              <li>
                <a
                  href={`#${problem.target}`}
                  onClick={(event) => {
                    event.preventDefault();
                    props.onGo(problem);
                  }}
                >
                  {where(problem)}: {problem.message}
                </a>{' '}
                <code dir="ltr">{problem.path}</code>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}
