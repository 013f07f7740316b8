import { For, Show } from 'solid-js';
import { t } from '../../i18n/i18n.ts';
import { Pictogram } from '../../ui/Pictogram.tsx';
import { PromptReplay } from '../PromptReplay.tsx';

/** What a passer-by sees: one big target; notices for staff stay small at the bottom. */
export function AttractScreen(props: { onStart: () => void; onStaff?: (() => void) | undefined; onMediator?: (() => void) | undefined; staffNotices: string[] }) {
  return (
    <main class="screen screen--attract">
      <div class="screen__replay">
        <PromptReplay />
      </div>
      {/* The whole card starts the survey; its accessible name is the visible "Start" (WCAG 2.5.3). */}
      <div class="attract-card" onClick={() => props.onStart()}>
        <Pictogram name="survey" class="attract-card__survey" />
        <h1 class="attract-card__title">{t('attract.title')}</h1>
        <p class="attract-card__subtitle">{t('attract.subtitle')}</p>
        <button type="button" class="attract-start" onClick={(event) => { event.stopPropagation(); props.onStart(); }}>
          <Pictogram name="start" class="pictogram--inline" />
          {t('attract.start')}
        </button>
      </div>
      <p class="attract-anonymous">
        <Pictogram name="anonymous" class="pictogram--inline" />
        {t('attract.anonymous')}
      </p>
      <div class="staff-entries">
        <Show when={props.onMediator}>
          {(onMediator) => (
            <button type="button" class="staff-entry" onClick={() => onMediator()()}>
              <Pictogram name="help" class="pictogram--inline" />
              {t('mediator.entry')}
            </button>
          )}
        </Show>
        <Show when={props.onStaff}>
          {(onStaff) => (
            <button type="button" class="staff-entry" onClick={() => onStaff()()}>
              <Pictogram name="staff-only" class="pictogram--inline" />
              {t('attract.staff')}
            </button>
          )}
        </Show>
      </div>
      <Show when={props.staffNotices.length > 0}>
        <ul class="staff-notices" aria-label={t('staff.title')}>
          <For each={props.staffNotices}>{(notice) => <li>{notice}</li>}</For>
        </ul>
      </Show>
    </main>
  );
}
