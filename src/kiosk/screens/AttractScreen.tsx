import { For, Show } from 'solid-js';
import { t } from '../../i18n/i18n.ts';
import { Pictogram } from '../../ui/Pictogram.tsx';

/** What a passer-by sees: one big target; notices for staff stay small at the bottom. */
export function AttractScreen(props: { onStart: () => void; staffNotices: string[] }) {
  return (
    <main class="screen screen--attract">
      <button type="button" class="attract-target" onClick={() => props.onStart()}>
        <Pictogram name="survey" class="attract-target__survey" />
        <span class="attract-target__title">{t('attract.title')}</span>
        <span class="attract-target__subtitle">{t('attract.subtitle')}</span>
        <span class="attract-target__start">
          <Pictogram name="start" class="pictogram--inline" />
          {t('attract.start')}
        </span>
      </button>
      <p class="attract-anonymous">
        <Pictogram name="anonymous" class="pictogram--inline" />
        {t('attract.anonymous')}
      </p>
      <Show when={props.staffNotices.length > 0}>
        <ul class="staff-notices" aria-label={t('staff.title')}>
          <For each={props.staffNotices}>{(notice) => <li>{notice}</li>}</For>
        </ul>
      </Show>
    </main>
  );
}
