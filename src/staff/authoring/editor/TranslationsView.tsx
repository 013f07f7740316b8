import { createMemo, createSignal, For, Show } from 'solid-js';
import { t } from '../../../i18n/i18n.ts';
import { LAUNCH_LANGUAGES, languageInfo } from '../../../survey/languages.ts';
import type { TranslationStatus } from '../../../survey/schema.ts';
import type { DraftDefinition } from './draftPaths.ts';
import { setText } from './editItems.ts';
import { translationCellId, type PlacedProblem } from './problemPlaces.ts';
import { addLanguage, changeText, isMissing, missingCounts, removeLanguage, setTranslationStatus, surveyTexts, type TextEntry } from './surveyTexts.ts';

const STATUSES: TranslationStatus[] = ['reviewed', 'unreviewed', 'machine'];

/**
 * Translations side by side: the languages chosen as columns (the default language first),
 * every text of the survey as a row, the missing ones marked in words and counted per
 * language; the survey's languages added, removed and marked reviewed, unreviewed or machine.
 */
export function TranslationsView(props: { definition: DraftDefinition; problems: PlacedProblem[]; onChange: (change: (d: DraftDefinition) => DraftDefinition) => void }) {
  const others = () => props.definition.languages.filter((l) => l !== props.definition.defaultLanguage);
  // Two languages beside the default one to start with: sixteen columns of a built-in survey do not fit a screen.
  const [hidden, setHidden] = createSignal<string[]>(others().slice(2));
  const [adding, setAdding] = createSignal('');
  const columns = () => [props.definition.defaultLanguage, ...others().filter((l) => !hidden().includes(l))];
  const entries = createMemo(() => surveyTexts(props.definition));
  const counts = createMemo(() => missingCounts(entries(), props.definition.languages));
  const addable = () => LAUNCH_LANGUAGES.filter((l) => !props.definition.languages.includes(l));
  const name = (language: string) => `${languageInfo(language).englishName} (${language})`;
  const rowName = (entry: TextEntry) => t(`authoring:editor.translations.roles.${entry.role}`, { id: entry.owner });

  const add = () => {
    const language = adding() || addable()[0];
    if (!language) return;
    props.onChange((d) => addLanguage(d, language));
    setHidden(hidden().filter((l) => l !== language));
    setAdding('');
  };
  const remove = (language: string) => {
    if (!window.confirm(t('authoring:editor.translations.confirmRemove', { language: name(language) }))) return;
    props.onChange((d) => removeLanguage(d, language));
  };

  return (
    <section class="ed-translations" aria-labelledby="ed-translations-title">
      <h2 id="ed-translations-title">{t('authoring:editor.translations.title')}</h2>
      <p>{t('authoring:editor.translations.intro')}</p>
      <div class="sw-table-scroll" role="region" aria-labelledby="ed-languages-caption" tabIndex={0}>
      <table class="sw-table ed-languages">
        <caption id="ed-languages-caption">{t('authoring:editor.translations.languagesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('authoring:editor.translations.language')}</th>
            <th scope="col">{t('authoring:editor.translations.missingColumn')}</th>
            <th scope="col">{t('authoring:editor.translations.status')}</th>
            <th scope="col">{t('authoring:editor.translations.shown')}</th>
            <th scope="col">{t('authoring:editor.translations.actions')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.definition.languages}>
            {(language) => (
              <tr>
                <th scope="row">
                  {name(language)}
                  <Show when={language === props.definition.defaultLanguage}> · {t('authoring:editor.translations.default')}</Show>
                </th>
                <td class="sw-number" classList={{ 'ed-has-missing': (counts()[language] ?? 0) > 0 }}>
                  {t('authoring:editor.translations.missingCount', { count: counts()[language] ?? 0 })}
                </td>
                <td>
                  <select
                    aria-label={t('authoring:editor.translations.statusOf', { language: name(language) })}
                    onInput={(event) => props.onChange((d) => setTranslationStatus(d, language, event.currentTarget.value as TranslationStatus))}
                  >
                    <Show when={!props.definition.translationStatus?.[language]}>
                      <option value="" selected>{t('authoring:editor.translations.statusUnset')}</option>
                    </Show>
                    <For each={STATUSES}>{(status) => <option value={status} selected={props.definition.translationStatus?.[language] === status}>{t(`authoring:editor.translations.statuses.${status}`)}</option>}</For>
                  </select>
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('authoring:editor.translations.showColumn', { language: name(language) })}
                    checked={language === props.definition.defaultLanguage || !hidden().includes(language)}
                    disabled={language === props.definition.defaultLanguage}
                    onInput={(event) => setHidden(event.currentTarget.checked ? hidden().filter((l) => l !== language) : [...hidden(), language])}
                  />
                </td>
                <td>
                  <Show when={language !== props.definition.defaultLanguage}>
                    <button type="button" class="sw-button sw-button--small sw-button--danger" onClick={() => remove(language)}>
                      {t('authoring:editor.translations.remove', { language: name(language) })}
                    </button>
                  </Show>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      </div>
      <Show when={addable().length > 0}>
        <div class="sw-form--inline ed-add-language">
          <div class="sw-field">
            <label for="ed-add-language">{t('authoring:editor.translations.addLabel')}</label>
            <select id="ed-add-language" onInput={(event) => setAdding(event.currentTarget.value)}>
              <For each={addable()}>{(language) => <option value={language} selected={language === (adding() || addable()[0])}>{name(language)}</option>}</For>
            </select>
          </div>
          <button type="button" class="sw-button" onClick={add}>
            {t('authoring:editor.translations.add')}
          </button>
        </div>
      </Show>
      <div class="sw-table-scroll" role="region" aria-labelledby="ed-texts-caption" tabIndex={0}>
        <table class="sw-table ed-texts">
          <caption id="ed-texts-caption">{t('authoring:editor.translations.textsCaption', { count: entries().length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('authoring:editor.translations.text')}</th>
              <For each={columns()}>
                {(language) => (
                  <th scope="col" lang="en">
                    {name(language)}
                    <span class="ed-column-missing">{t('authoring:editor.translations.missingCount', { count: counts()[language] ?? 0 })}</span>
                  </th>
                )}
              </For>
            </tr>
          </thead>
          <tbody>
            <For each={entries().map((_, index) => index)}>
              {(index) => {
                const entry = () => entries()[index]!;
                return (
                  <tr>
                    <th scope="row">{rowName(entry())}</th>
                    <For each={columns()}>
                      {(language) => {
                        const id = () => translationCellId(entry().item, entry().field, language);
                        const missing = () => isMissing(entry(), language);
                        return (
                          <td classList={{ 'ed-missing': missing() }}>
                            <textarea
                              id={id()}
                              rows={2}
                              lang={language}
                              dir={languageInfo(language).dir}
                              aria-label={t('authoring:editor.translations.cell', { text: rowName(entry()), language: name(language) })}
                              aria-invalid={missing() ? 'true' : undefined}
                              aria-describedby={missing() ? `${id()}-missing` : undefined}
                              value={entry().text[language] ?? ''}
                              onInput={(event) => {
                                const value = event.currentTarget.value;
                                const current = entry();
                                props.onChange((d) => changeText(d, current.item, current.field, (text) => setText(text, language, value)));
                              }}
                            />
                            <Show when={missing()}>
                              <span class="ed-missing-note" id={`${id()}-missing`}>
                                {t('authoring:editor.translations.missing')}
                              </span>
                            </Show>
                          </td>
                        );
                      }}
                    </For>
                  </tr>
                );
              }}
            </For>
          </tbody>
        </table>
      </div>
    </section>
  );
}
