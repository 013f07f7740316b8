import { For, Show } from 'solid-js';
import { currentLanguage, t, tIn } from '../../i18n/i18n.ts';
import { languageInfo } from '../../survey/languages.ts';
import type { PictogramName } from '../../survey/pictogramNames.ts';
import { Pictogram } from '../../ui/Pictogram.tsx';
import { NavBar } from '../NavBar.tsx';
import { PromptReplay } from '../PromptReplay.tsx';

const POINTS: ReadonlyArray<[PictogramName, string]> = [
  ['anonymous', 'consent.anonymous'],
  ['voluntary', 'consent.voluntary'],
  ['procedure', 'consent.procedure'],
];

/**
 * Said before any question, in the respondent's language (Finland: people fear answers
 * affect their permit); in mediator mode each point also in the mediator's language.
 */
export function ConsentScreen(props: { minutes: number | undefined; busy: boolean; onAgree: () => void; onDecline: () => void; onBack: () => void; secondLanguage?: string | undefined }) {
  const second = () => (props.secondLanguage && props.secondLanguage !== currentLanguage() ? props.secondLanguage : undefined);
  const point = (key: string, options?: Record<string, unknown>) => (
    <>
      <p>{t(key, options)}</p>
      <Show when={second()}>
        {(code) => (
          <p class="consent-second" lang={code()} dir={languageInfo(code()).dir}>
            {tIn(code(), key, options)}
          </p>
        )}
      </Show>
    </>
  );
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
        <For each={POINTS}>
          {([pictogram, key]) => (
            <li>
              <Pictogram name={pictogram} />
              <div>{point(key)}</div>
            </li>
          )}
        </For>
        <Show when={props.minutes}>
          {(minutes) => (
            <li>
              <Pictogram name="idle" />
              <div>{point('consent.duration', { minutes: minutes() })}</div>
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
