import { For } from 'solid-js';
import { t } from '../../../i18n/i18n.ts';
import { LAUNCH_LANGUAGES, languageInfo } from '../../../survey/languages.ts';

/** The staff member's own language for these screens, each named in itself (and in English for the others). */
export function LanguagePicker(props: { value: string; onChange: (language: string) => void; id?: string }) {
  const id = () => props.id ?? 'sw-language';
  return (
    <div class="sw-field sw-field--inline">
      <label for={id()}>{t('results:language.label')}</label>
      <select id={id()} value={props.value} onInput={(event) => props.onChange(event.currentTarget.value)}>
        <For each={[...LAUNCH_LANGUAGES]}>
          {(code) => {
            const info = languageInfo(code);
            return (
              <option value={code} lang={code} dir={info.dir}>
                {info.nativeName === info.englishName ? info.nativeName : `${info.nativeName} (${info.englishName})`}
              </option>
            );
          }}
        </For>
      </select>
    </div>
  );
}
