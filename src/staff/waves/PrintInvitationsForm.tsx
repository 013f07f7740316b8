import { createSignal, For, Show } from 'solid-js';
import { t } from '../../i18n/i18n.ts';
import { languageInfo } from '../../survey/languages.ts';
import { submitListener } from '../web/ui/submitListener.ts';
import { SLIPS_PER_PAGE } from './slipPages.ts';
import type { Wave, WaveFacility } from './wavesApi.ts';

/** A slip has room for the anonymity line in three languages. */
export const MOST_SLIP_LANGUAGES = 3;

/**
 * How many invitations to print for one facility of a wave (1 to 500; ten fit a sheet), and
 * the slip's languages: up to three of the survey's, the facility's suggested ones ticked.
 */
export function PrintInvitationsForm(props: { wave: Wave; facility: WaveFacility; onPrint: (count: number, languages: string[]) => Promise<void>; onClose: () => void }) {
  const [count, setCount] = createSignal(String(SLIPS_PER_PAGE));
  const [languages, setLanguages] = createSignal<string[]>(props.facility.slipLanguages.slice(0, MOST_SLIP_LANGUAGES));
  const [problem, setProblem] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const toggle = (language: string, on: boolean) => {
    const chosen = languages().filter((l) => l !== language);
    // Kept in the survey's order, so the default language leads when it is ticked.
    setLanguages(props.wave.surveyLanguages.filter((l) => (on ? [...chosen, language] : chosen).includes(l)));
  };
  const submit = async () => {
    const text = count().trim();
    const n = Number(text);
    if (!/^\d+$/.test(text) || n < 1 || n > 500) return setProblem(t('waves:print.countRange'));
    if (languages().length < 1 || languages().length > MOST_SLIP_LANGUAGES) return setProblem(t('waves:print.languagesRange'));
    setProblem('');
    setBusy(true);
    try {
      await props.onPrint(n, languages());
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="sw-form" ref={submitListener(submit)} aria-labelledby="wv-print-title">
      <h2 id="wv-print-title">{t('waves:print.title', { wave: props.wave.name, facility: props.facility.name })}</h2>
      <p class="sw-note">{t('waves:print.explain')}</p>
      <div class="sw-field">
        <label for="wv-count">{t('waves:print.count')}</label>
        <input id="wv-count" inputMode="numeric" aria-describedby="wv-count-hint" value={count()} onInput={(e) => setCount(e.currentTarget.value)} />
        <span class="sw-note" id="wv-count-hint">{t('waves:print.countHint')}</span>
      </div>
      <fieldset class="sw-field">
        <legend>{t('waves:print.languages')}</legend>
        <div class="wv-quarters">
          <For each={props.wave.surveyLanguages}>
            {(language) => (
              <label class="wv-facility-row" lang={language} dir={languageInfo(language).dir}>
                <input
                  type="checkbox"
                  checked={languages().includes(language)}
                  disabled={!languages().includes(language) && languages().length >= MOST_SLIP_LANGUAGES}
                  onChange={(e) => toggle(language, e.currentTarget.checked)}
                />
                {languageInfo(language).nativeName}
              </label>
            )}
          </For>
        </div>
      </fieldset>
      <button type="submit" class="sw-button sw-button--primary" disabled={busy()}>{t('waves:print.submit')}</button>
      <button type="button" class="sw-button" onClick={() => props.onClose()}>{t('waves:print.close')}</button>
      <Show when={problem()}><p class="sw-error" role="alert">{problem()}</p></Show>
    </form>
  );
}
