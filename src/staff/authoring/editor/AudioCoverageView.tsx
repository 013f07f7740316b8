import { createEffect, createMemo, createSignal, For, Show } from 'solid-js';
import { loadShippedIndex } from '../../../device/audioIndexes.ts';
import { t } from '../../../i18n/i18n.ts';
import { audioCoverage } from '../../../survey/audioCoverage.ts';
import { languageInfo } from '../../../survey/languages.ts';
import { clipSlot, indexClips, type MediaIndex } from '../../../survey/mediaIndex.ts';
import { surveyPrompts, translateFromBundles } from '../../../survey/prompts.ts';
import { isForInspectors } from '../../../survey/schema.ts';
import { surveyClipUrls } from '../../device/loadCoverageInputs.ts';
import { ErrorNotice } from '../../web/ui/ErrorNotice.tsx';
import type { AuthoringApi } from '../authoringApi.ts';
import type { DraftDefinition } from './draftPaths.ts';

interface Inputs {
  recorded: MediaIndex;
  shipped: MediaIndex;
  locales: Record<string, unknown>;
}

/**
 * Audio coverage per language of the survey's own prompts (questions, choices, groups):
 * how many have a recording of this organisation, a clip the survey names, a clip shipped
 * with the app, or nothing, and which those are. A tablet's speech voice is not counted:
 * tablets differ, and a clip is what a designer can make sure of.
 */
export function AudioCoverageView(props: { definition: DraftDefinition; api: Pick<AuthoringApi, 'mediaIndex'> }) {
  const [inputs, setInputs] = createSignal<Inputs>();
  const [error, setError] = createSignal<unknown>();
  // A memo: the clips are fetched again only when the survey's languages change, not at every keystroke.
  const languagesKey = createMemo(() => props.definition.languages.join(','));

  createEffect(() => {
    const languages = languagesKey().split(',').filter(Boolean);
    setError(undefined);
    void (async () => {
      try {
        const [recorded, shipped, locales] = await Promise.all([
          props.api.mediaIndex(),
          loadShippedIndex(languages),
          Promise.all(languages.map(async (language) => [language, await fetch(`/locales/${language}/kiosk.json`).then((r) => (r.ok ? r.json() : undefined), () => undefined)] as const)),
        ]);
        setInputs({ recorded, shipped: shipped.index, locales: Object.fromEntries(locales) });
      } catch (caught) {
        setError(caught);
      }
    })();
  });

  const coverage = createMemo(() => {
    const loaded = inputs();
    if (!loaded) return undefined;
    const definition = props.definition;
    const prompts = surveyPrompts(definition, translateFromBundles(loaded.locales));
    const urls = surveyClipUrls(definition);
    return audioCoverage(prompts, definition.languages, { recorded: indexClips(loaded.recorded), shipped: indexClips(loaded.shipped), hasVoice: () => false }, (key, language) => urls.get(clipSlot(key, language)));
  });
  const name = (language: string) => `${languageInfo(language).englishName} (${language})`;

  return (
    <section class="ed-audio" aria-labelledby="ed-audio-title">
      <h2 id="ed-audio-title">{t('authoring:editor.audio.title')}</h2>
      <Show when={!isForInspectors(props.definition)} fallback={<p>{t('authoring:editor.audio.inspectors')}</p>}>
        <p>{t('authoring:editor.audio.intro')}</p>
        <ErrorNotice error={error()} />
        <Show when={coverage()} fallback={<Show when={!error()}><p role="status">{t('authoring:editor.loading')}</p></Show>}>
          {(rows) => (
            <>
              <table class="sw-table">
                <caption>{t('authoring:editor.audio.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('authoring:editor.translations.language')}</th>
                    <th scope="col">{t('authoring:editor.audio.total')}</th>
                    <th scope="col">{t('authoring:editor.audio.recorded')}</th>
                    <th scope="col">{t('authoring:editor.audio.survey')}</th>
                    <th scope="col">{t('authoring:editor.audio.shipped')}</th>
                    <th scope="col">{t('authoring:editor.audio.none')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={rows()}>
                    {(row) => (
                      <tr>
                        <th scope="row">{name(row.language)}</th>
                        <td class="sw-number">{row.total}</td>
                        <td class="sw-number">{row.counts.recorded}</td>
                        <td class="sw-number">{row.counts.survey}</td>
                        <td class="sw-number">{row.counts.shipped}</td>
                        <td class="sw-number" classList={{ 'ed-has-missing': row.counts.none > 0 }}>{row.counts.none}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
              <For each={rows().filter((row) => row.silent.length > 0)}>
                {(row) => (
                  <section class="ed-audio-gaps" aria-label={t('authoring:editor.audio.gapsOf', { language: name(row.language), count: row.silent.length })}>
                    <h3>{t('authoring:editor.audio.gapsOf', { language: name(row.language), count: row.silent.length })}</h3>
                    <ul>
                      <For each={row.silent}>
                        {(prompt) => (
                          <li>
                            <code dir="ltr">{prompt.key}</code>{' '}
                            <span lang={row.language} dir={languageInfo(row.language).dir}>
                              {prompt.text}
                            </span>
                            <Show when={prompt.staleRecording}> · {t('authoring:editor.audio.stale')}</Show>
                          </li>
                        )}
                      </For>
                    </ul>
                  </section>
                )}
              </For>
            </>
          )}
        </Show>
      </Show>
    </section>
  );
}
