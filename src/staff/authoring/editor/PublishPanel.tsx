import { createSignal, Show } from 'solid-js';
import { t } from '../../../i18n/i18n.ts';
import { ErrorNotice } from '../../web/ui/ErrorNotice.tsx';
import type { DraftEditor } from './createDraftEditor.ts';

/**
 * Publishing: what is on screen is saved, then the server checks it and writes the next
 * version, or refuses with the problems (listed above, nothing published half-way).
 */
export function PublishPanel(props: { editor: DraftEditor }) {
  const { editor } = props;
  /** Why the last try failed, and at which save: an edit since then makes the message stale. */
  const [failure, setFailure] = createSignal<{ reason: 'invalid' | 'conflict' | 'unsaved'; at: number }>();
  const outcome = () => {
    const last = failure();
    return last && (last.at === editor.savedCount() || last.reason === 'conflict') ? last.reason : undefined;
  };
  const [error, setError] = createSignal<unknown>();
  const next = () => (editor.latestVersion() ?? 0) + 1;
  const publish = async () => {
    setFailure(undefined);
    setError(undefined);
    try {
      const result = await editor.publish();
      if (!result.ok) setFailure({ reason: result.reason, at: editor.savedCount() });
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <section class="ed-publish" aria-labelledby="ed-publish-title">
      <h2 id="ed-publish-title" class="sw-visually-hidden">
        {t('authoring:editor.publish.title')}
      </h2>
      <button type="button" class="sw-button sw-button--primary" disabled={editor.publishing() || editor.saveState() === 'conflict'} onClick={() => void publish()}>
        {t('authoring:editor.publish.button', { version: next() })}
      </button>
      <Show when={editor.publishing()}>
        <span role="status">{t('authoring:editor.publish.working')}</span>
      </Show>
      <Show when={outcome()}>
        {(reason) => (
          <p class="sw-error" role="alert">
            {t(`authoring:editor.publish.${reason()}`)}
          </p>
        )}
      </Show>
      <ErrorNotice error={error()} />
    </section>
  );
}
