import { Show } from 'solid-js';
import { t } from '../i18n/i18n.ts';
import type { PictogramName } from '../survey/pictogramNames.ts';
import { Pictogram } from '../ui/Pictogram.tsx';

/** One of the invitation's own screens: a title, a sentence, maybe one large button; always the anonymity line. */
export function InvitationMessage(props: {
  pictogram: PictogramName;
  title: string;
  text: string;
  /** Announced as it changes (sending, waiting, sent) for screen readers. */
  live?: boolean;
  action?: { label: string; pictogram: PictogramName; onClick: () => void };
}) {
  return (
    <main class="screen screen--thanks invitation-message">
      <Pictogram name={props.pictogram} class="pictogram--hero" />
      <h1 class="screen__title">{props.title}</h1>
      <p role={props.live ? 'status' : undefined}>{props.text}</p>
      <Show when={props.action}>
        {(action) => (
          <button type="button" class="big-button big-button--primary invitation-message__action" onClick={() => action().onClick()}>
            <Pictogram name={action().pictogram} class="pictogram--inline" />
            {action().label}
          </button>
        )}
      </Show>
      <p class="attract-anonymous">
        <Pictogram name="anonymous" class="pictogram--inline" />
        {t('invitation:screens.anonymous')}
      </p>
    </main>
  );
}
