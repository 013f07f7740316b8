import { createResource, createSignal, For, Show } from 'solid-js';
import type { DeviceStore } from '../../device/deviceStore.ts';
import { getAudioCacheStatus } from '../../device/audioCache.ts';
import { DEFAULT_AUDIO_SETTINGS, getAudioSettings, saveAudioSettings, type AudioSettings } from '../../device/audioSettings.ts';
import { t } from '../../i18n/i18n.ts';
import { languageInfo } from '../../survey/languages.ts';
import { formatBytes } from '../../ui/formatBytes.ts';
import './audioSettings.css';

/**
 * This tablet's audio: auto-play and "listen first" (switches), and what the offline
 * audio cache holds per language against its budget, with the languages left out.
 */
export function AudioSettingsView(props: { store: DeviceStore }) {
  const [facts, { refetch }] = createResource(async () => {
    const [settings, status] = await Promise.all([getAudioSettings(props.store), getAudioCacheStatus(props.store)]);
    return { settings, status };
  });
  const [saving, setSaving] = createSignal(false);
  const [problem, setProblem] = createSignal('');

  const change = async (patch: Partial<AudioSettings>) => {
    setSaving(true);
    setProblem('');
    try {
      await saveAudioSettings(props.store, patch);
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setSaving(false);
      void refetch();
    }
  };

  const toggle = (key: 'autoplay' | 'listenFirst', label: string, hint: string) => {
    const on = () => facts()?.settings[key] ?? DEFAULT_AUDIO_SETTINGS[key];
    return (
      <label class="audio-switch">
        <input type="checkbox" role="switch" checked={on()} disabled={saving()} onChange={(event) => void change({ [key]: event.currentTarget.checked })} />
        <span>
          <strong>{label}</strong>
          <span class="staff-hint">{hint}</span>
        </span>
        <span class="audio-switch__state" aria-hidden="true">
          {on() ? t('staff:audioSettings.on') : t('staff:audioSettings.off')}
        </span>
      </label>
    );
  };

  const used = () => facts()?.status?.languages.reduce((sum, language) => sum + language.bytes, 0) ?? 0;

  return (
    <section class="staff-status audio-settings" aria-labelledby="audio-settings-title">
      <h2 id="audio-settings-title">{t('staff:audioSettings.title')}</h2>
      {toggle('autoplay', t('staff:audioSettings.autoplay'), t('staff:audioSettings.autoplayHint'))}
      {toggle('listenFirst', t('staff:audioSettings.listenFirst'), t('staff:audioSettings.listenFirstHint'))}
      <Show when={problem()}>
        <p class="staff-error" role="alert">
          {t('staff:audioSettings.saveFailed', { reason: problem() })}
        </p>
      </Show>

      <h3>{t('staff:audioSettings.cacheTitle')}</h3>
      <Show when={facts()?.status} fallback={<p>{t('staff:audioSettings.notCached')}</p>}>
        {(status) => (
          <>
            <p data-testid="audio-budget">{t('staff:audioSettings.budget', { used: formatBytes(used()), budget: formatBytes(status().budgetBytes) })}</p>
            <ul class="staff-facts" aria-label={t('staff:audioSettings.cacheTitle')}>
              <For each={status().languages}>
                {(language) => (
                  <li data-language={language.language}>
                    {t('staff:audioSettings.language', {
                      language: languageInfo(language.language).englishName,
                      size: formatBytes(language.bytes),
                      clips: language.clips,
                      planned: language.planned,
                    })}
                  </li>
                )}
              </For>
            </ul>
            <Show when={status().leftOut.length > 0}>
              <p class="staff-error" data-testid="audio-left-out">
                {t('staff:audioSettings.leftOut', { languages: status().leftOut.map((l) => `${languageInfo(l.language).englishName} (${formatBytes(l.bytes)})`).join(', ') })}
              </p>
            </Show>
            <Show when={status().storageFull}>
              <p class="staff-error" role="alert">
                {t('staff:audioSettings.storageFull')}
              </p>
            </Show>
            <Show when={status().unfetched > 0}>
              <p class="staff-hint">{t('staff:audioSettings.unfetched', { missing: status().unfetched })}</p>
            </Show>
            <p class="staff-hint">{t('staff:audioSettings.updatedAt', { time: new Date(status().updatedAt).toLocaleString() })}</p>
          </>
        )}
      </Show>
    </section>
  );
}

export default AudioSettingsView;
