import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import type { MediaDraft } from '../../device/database.ts';
import type { DeviceStore } from '../../device/deviceStore.ts';
import { listMediaDrafts } from '../../device/mediaDrafts.ts';
import { t } from '../../i18n/i18n.ts';
import { audioCoverage, type CoverageSource, type LanguageCoverage, type PromptCoverage } from '../../survey/audioCoverage.ts';
import { languageInfo } from '../../survey/languages.ts';
import { clipSlot, indexClips } from '../../survey/mediaIndex.ts';
import { promptTextHash } from '../../survey/prompts.ts';
import { createDeviceVoices } from './createDeviceVoices.ts';
import { draftStatusText } from './draftStatusText.ts';
import { loadCoverageInputs, promptsOfSurvey, surveyClipUrls } from './loadCoverageInputs.ts';
import { PromptRecorder, type PromptToRecord } from './PromptRecorder.tsx';

const SOURCES: readonly CoverageSource[] = ['recorded', 'survey', 'shipped', 'voice', 'none'];

/** Silent prompts first (what recording is for), then stale recordings, then the rest, each in the order a respondent meets them. */
const rank = (row: PromptCoverage) => (row.source === 'none' ? 0 : row.staleRecording ? 1 : 2);

/**
 * Per survey and language, which prompts will be heard and from what source, and which
 * are silent; the list is where staff pick a prompt to record.
 */
export function CoverageView(props: { store: DeviceStore; syncNow: () => Promise<void> }) {
  const [inputs, { refetch: reloadInputs }] = createResource(() => loadCoverageInputs(props.store));
  const [drafts, { refetch: reloadDrafts }] = createResource(() => listMediaDrafts(props.store));
  const voices = createDeviceVoices();
  const [surveyId, setSurveyId] = createSignal<string>();
  const [chosenLanguage, setChosenLanguage] = createSignal<string>();
  const [recording, setRecording] = createSignal<PromptToRecord>();

  const survey = createMemo(() => {
    const surveys = inputs()?.surveys ?? [];
    return surveys.find((s) => s.id === surveyId()) ?? surveys[0];
  });
  const coverage = createMemo<LanguageCoverage[]>(() => {
    const loaded = inputs();
    const current = survey();
    if (!loaded || !current) return [];
    const urls = surveyClipUrls(current);
    const spoken = voices();
    return audioCoverage(
      promptsOfSurvey(current, loaded.locales),
      current.languages,
      { recorded: indexClips(loaded.recorded), shipped: indexClips(loaded.shipped), hasVoice: (language) => spoken.has(language) },
      (key, language) => urls.get(clipSlot(key, language)),
    );
  });
  const language = createMemo(() => {
    const all = coverage();
    return all.find((c) => c.language === chosenLanguage()) ?? all.find((c) => c.hasGaps) ?? all[0];
  });
  /** The newest clip recorded on this tablet per slot. */
  const localDrafts = createMemo(() => {
    const bySlot = new Map<string, MediaDraft>();
    for (const draft of drafts() ?? []) bySlot.set(clipSlot(draft.key, draft.language), draft);
    return bySlot;
  });
  const rows = createMemo(() => [...(language()?.prompts ?? [])].sort((a, b) => rank(a) - rank(b)));

  const changed = () => void reloadDrafts();
  const closeRecorder = () => {
    setRecording(undefined);
    void reloadDrafts();
    void reloadInputs();
  };
  const localStatus = (row: PromptCoverage, languageCode: string) => {
    const draft = localDrafts().get(clipSlot(row.key, languageCode));
    if (!draft || draft.textHash !== promptTextHash(row.text)) return undefined;
    // Once the bundle brings the clip back, "recorded" says it all.
    if (draft.status === 'published' && row.source === 'recorded') return undefined;
    return draftStatusText(draft);
  };

  return (
    <section class="coverage" aria-labelledby="coverage-title">
      <h2 id="coverage-title">{t('staff:coverage.title')}</h2>
      <p class="staff-hint">{t('staff:coverage.intro')}</p>
      <Show when={inputs.error}>
        <p class="staff-error" role="alert">
          {t('staff:coverage.loadFailed')}
        </p>
      </Show>
      <Show when={recording()}>
        {(prompt) => <PromptRecorder store={props.store} prompt={prompt()} syncNow={props.syncNow} onChanged={changed} onClose={closeRecorder} />}
      </Show>
      <Show when={!recording() && survey()}>
        {(current) => (
          <>
            <div class="staff-form coverage__choose">
              {/* Labelled by for/id: a select inside its label would add the chosen option to its name. */}
              <label for="coverage-survey">{t('staff:coverage.survey')}</label>
              <select id="coverage-survey" class="staff-select" value={current().id} onChange={(event) => setSurveyId(event.currentTarget.value)}>
                <For each={inputs()?.surveys ?? []}>{(s) => <option value={s.id}>{s.title[s.defaultLanguage] ?? s.id}</option>}</For>
              </select>
            </div>
            <table class="coverage__table">
              <caption>{t('staff:coverage.byLanguage')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('staff:coverage.language')}</th>
                  <For each={SOURCES}>{(source) => <th scope="col">{t(`staff:coverage.source.${source}`)}</th>}</For>
                  <th scope="col">{t('staff:coverage.state')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={coverage()}>
                  {(row) => (
                    <tr classList={{ 'coverage__gap': row.hasGaps }} data-language={row.language}>
                      <th scope="row">
                        <button type="button" class="link-button" aria-pressed={language()?.language === row.language} onClick={() => setChosenLanguage(row.language)}>
                          {languageInfo(row.language).englishName}
                        </button>
                      </th>
                      <For each={SOURCES}>{(source) => <td>{row.counts[source]}</td>}</For>
                      <td>
                        <Show when={row.hasGaps} fallback={t('staff:coverage.complete')}>
                          <strong>{row.hasVoice ? t('staff:coverage.gap', { silent: row.counts.none }) : t('staff:coverage.gapNoVoice', { silent: row.counts.none })}</strong>
                        </Show>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
            <Show when={language()}>
              {(shown) => (
                <>
                  <h3 id="coverage-prompts-title">{t('staff:coverage.promptsIn', { language: languageInfo(shown().language).englishName })}</h3>
                  <div class="staff-form coverage__choose">
                    <label for="coverage-language">{t('staff:coverage.language')}</label>
                    <select id="coverage-language" class="staff-select" value={shown().language} onChange={(event) => setChosenLanguage(event.currentTarget.value)}>
                      <For each={coverage()}>{(row) => <option value={row.language}>{`${languageInfo(row.language).englishName} (${languageInfo(row.language).nativeName})`}</option>}</For>
                    </select>
                  </div>
                  <ul class="coverage__prompts" aria-labelledby="coverage-prompts-title">
                    <For each={rows()}>
                      {(row) => (
                        <li classList={{ 'coverage__silent': row.source === 'none' }} data-key={row.key}>
                          <p class="coverage__text" lang={shown().language} dir={languageInfo(shown().language).dir}>
                            {row.text}
                          </p>
                          <p class="coverage__facts">
                            <span>{t(`staff:coverage.heard.${row.source}`)}</span>
                            {/* Several questions can share a wording (each group's "what is the problem?"): the key tells them apart. */}
                            <span class="coverage__key">{t('staff:recorder.key', { key: row.key })}</span>
                            <Show when={row.staleRecording}>
                              <span class="coverage__stale">{t('staff:coverage.stale')}</span>
                            </Show>
                            <Show when={localStatus(row, shown().language)}>{(status) => <span class="coverage__local">{status()}</span>}</Show>
                          </p>
                          <button type="button" class="big-button" onClick={() => setRecording({ key: row.key, language: shown().language, text: row.text })}>
                            {t('staff:coverage.record')}
                          </button>
                        </li>
                      )}
                    </For>
                  </ul>
                </>
              )}
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
