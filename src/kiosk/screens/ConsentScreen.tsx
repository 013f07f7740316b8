import { Show } from 'solid-js';
import { t } from '../../i18n/i18n.ts';
import { Pictogram } from '../../ui/Pictogram.tsx';
import { NavBar } from '../NavBar.tsx';
import { PromptReplay } from '../PromptReplay.tsx';

/** Said before any question, in the respondent's language (Finland: people fear answers affect their permit). */
export function ConsentScreen(props: { minutes: number | undefined; busy: boolean; onAgree: () => void; onDecline: () => void; onBack: () => void }) {
  return (
    <main class="screen screen--consent">
      <h1 class="screen__title" id="consent-title">
        <Pictogram name="consent" class="pictogram--title" />
        {t('consent.title')}
      </h1>
      <div class="screen__replay">
        <PromptReplay />
      </div>
      <ul class="consent-points">
        <li>
          <Pictogram name="anonymous" />
          <p>{t('consent.anonymous')}</p>
        </li>
        <li>
          <Pictogram name="voluntary" />
          <p>{t('consent.voluntary')}</p>
        </li>
        <li>
          <Pictogram name="procedure" />
          <p>{t('consent.procedure')}</p>
        </li>
        <Show when={props.minutes}>
          {(minutes) => (
            <li>
              <Pictogram name="idle" />
              <p>{t('consent.duration', { minutes: minutes() })}</p>
            </li>
          )}
        </Show>
      </ul>
      <div class="consent-actions">
        <button type="button" class="big-button big-button--primary" disabled={props.busy} onClick={() => props.onAgree()}>
          <Pictogram name="yes" class="pictogram--inline" />
          {t('consent.agree')}
        </button>
        <button type="button" class="big-button" onClick={() => props.onDecline()}>
          <Pictogram name="no" class="pictogram--inline" />
          {t('consent.decline')}
        </button>
      </div>
      <NavBar onBack={props.onBack} />
    </main>
  );
}
