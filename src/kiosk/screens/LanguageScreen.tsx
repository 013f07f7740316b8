import { For } from 'solid-js';
import { t } from '../../i18n/i18n.ts';
import { languageInfo } from '../../survey/languages.ts';
import { Pictogram } from '../../ui/Pictogram.tsx';
import { NavBar } from '../NavBar.tsx';
import { usePromptAudio } from '../createPromptAudio.ts';
import { PromptReplay } from '../PromptReplay.tsx';

/**
 * Languages by their own names and scripts (an autonym with a script sample in a speech
 * bubble), never by flag: a flag names a state, not a language.
 */
export function LanguageScreen(props: { languages: string[]; onChoose: (code: string) => void; onBack: () => void }) {
  const audio = usePromptAudio();
  return (
    <main class="screen screen--language">
      <h1 class="screen__title">
        <Pictogram name="language" class="pictogram--title" />
        {t('language.title')}
      </h1>
      <div class="screen__replay">
        <PromptReplay />
      </div>
      <ul class="language-grid">
        <For each={props.languages.map(languageInfo)}>
          {(info, index) => (
            <li>
              <button type="button" class="language-button" classList={{ 'is-speaking': audio?.speaking() === index() }} lang={info.code} dir={info.dir} onClick={() => props.onChoose(info.code)}>
                <span class="language-button__script" aria-hidden="true">
                  {info.scriptSample}
                </span>
                <span class="language-button__name">{info.nativeName}</span>
                <span class="language-button__english" lang="en" dir="ltr">
                  {info.englishName}
                </span>
              </button>
            </li>
          )}
        </For>
      </ul>
      <NavBar onBack={props.onBack} />
    </main>
  );
}
