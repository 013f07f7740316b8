import { Show } from 'solid-js';
import { t } from '../../../i18n/i18n.ts';
import { ErrorNotice } from '../../web/ui/ErrorNotice.tsx';
import type { DraftEditor } from './createDraftEditor.ts';

/** Whether what is on screen is saved, announced politely; a conflict is an alert with the way out. */
export function SaveStatus(props: { editor: DraftEditor }) {
  const { editor } = props;
  return (
    <>
      <p class="ed-save-status" role="status">
        {t(`authoring:editor.save.${editor.saveState()}`)}
      </p>
      <Show when={editor.saveState() === 'failed'}>
        <ErrorNotice error={editor.saveError()} />
      </Show>
      <Show when={editor.saveState() === 'conflict'}>
        <div class="sw-error" role="alert">
          <p>{t('authoring:editor.save.conflictText')}</p>
          <button type="button" class="sw-button" onClick={() => void editor.reload()}>
            {t('authoring:editor.save.reload')}
          </button>
        </div>
      </Show>
    </>
  );
}
