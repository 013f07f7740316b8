import { createEffect, createMemo, createResource, createSignal, onCleanup, Show } from 'solid-js';
import type { MediaDraft } from '../../device/database.ts';
import type { DeviceStore } from '../../device/deviceStore.ts';
import { latestMediaDraft, queueMediaDraft, saveMediaDraft } from '../../device/mediaDrafts.ts';
import { classifyStorageError } from '../../device/storageFault.ts';
import { t } from '../../i18n/i18n.ts';
import { languageInfo } from '../../survey/languages.ts';
import { promptTextHash } from '../../survey/prompts.ts';
import { createAudioRecorder, type Recording } from '../../ui/createAudioRecorder.ts';
import { draftStatusText } from './draftStatusText.ts';

export interface PromptToRecord {
  key: string;
  language: string;
  text: string;
}

/**
 * Records one prompt: its text big, record (up to a minute, with a countdown), hear it
 * back, record again, publish. A recording is stored the moment it stops, so nothing
 * waits for "Publish" to be kept; a failed recording or write leaves the previous draft.
 */
export function PromptRecorder(props: { store: DeviceStore; prompt: PromptToRecord; syncNow: () => Promise<void>; onChanged: () => void; onClose: () => void }) {
  const [draft, { refetch }] = createResource(() => ({ key: props.prompt.key, language: props.prompt.language }), ({ key, language }) => latestMediaDraft(props.store, key, language));
  const [message, setMessage] = createSignal<string>();
  const [unsaved, setUnsaved] = createSignal<Recording>();
  const [publishing, setPublishing] = createSignal(false);
  let player: HTMLAudioElement | undefined;

  const save = async (recording: Recording) => {
    try {
      await saveMediaDraft(props.store, { id: crypto.randomUUID(), key: props.prompt.key, language: props.prompt.language, textHash: promptTextHash(props.prompt.text), ...recording });
      setUnsaved(undefined);
      setMessage(undefined);
      await refetch();
      props.onChanged();
    } catch (error) {
      // Kept in memory to try again: the earlier draft is untouched, as the write never happened.
      setUnsaved(recording);
      setMessage(classifyStorageError(error).kind === 'full' ? t('staff:recorder.storageFull') : t('staff:recorder.saveFailed'));
    }
  };
  const recorder = createAudioRecorder({ onRecorded: save });

  const playable = createMemo(() => {
    const kept = unsaved() ?? draft();
    return kept && kept.audio.byteLength > 0 ? kept : undefined;
  });
  const [audioUrl, setAudioUrl] = createSignal<string>();
  createEffect(() => {
    const clip = playable();
    const url = clip ? URL.createObjectURL(new Blob([clip.audio], { type: clip.mime })) : undefined;
    setAudioUrl(url);
    onCleanup(() => url && URL.revokeObjectURL(url));
  });

  const publish = async (current: MediaDraft) => {
    setPublishing(true);
    try {
      await queueMediaDraft(props.store, current.id);
      await refetch();
      props.onChanged();
      await props.syncNow().catch(() => undefined);
    } catch (error) {
      setMessage(classifyStorageError(error).kind === 'full' ? t('staff:recorder.storageFull') : t('staff:recorder.saveFailed'));
    } finally {
      setPublishing(false);
      await refetch();
      props.onChanged();
    }
  };

  const problemText = () => {
    const problem = recorder.problem();
    return problem ? t(`staff:recorder.problem.${problem}`) : undefined;
  };
  const info = () => languageInfo(props.prompt.language);
  const recording = () => recorder.state() === 'recording' || recorder.state() === 'finishing';

  return (
    <section class="recorder" aria-labelledby="recorder-title">
      <h2 id="recorder-title">{t('staff:recorder.title', { language: info().englishName })}</h2>
      <p class="recorder__text" lang={props.prompt.language} dir={info().dir}>
        {props.prompt.text}
      </p>
      <p class="staff-hint">{t('staff:recorder.key', { key: props.prompt.key })}</p>
      <Show when={problemText()}>
        <p class="staff-error" role="alert">
          {problemText()}
        </p>
      </Show>
      <Show when={message()}>
        <p class="staff-error" role="alert">
          {message()}
        </p>
      </Show>
      <Show
        when={recording()}
        fallback={
          <div class="staff-actions">
            <button type="button" class="big-button big-button--primary" disabled={recorder.state() !== 'idle' || publishing()} onClick={() => void recorder.start()}>
              {playable() || draft() ? t('staff:recorder.recordAgain') : t('staff:recorder.record')}
            </button>
            <Show when={unsaved()}>
              {(recording) => (
                <button type="button" class="big-button" onClick={() => void save(recording())}>
                  {t('staff:recorder.saveAgain')}
                </button>
              )}
            </Show>
          </div>
        }
      >
        <div class="recorder__live">
          <p role="timer" aria-live="off">
            {t('staff:recorder.remaining', { seconds: Math.ceil(recorder.remainingMs() / 1000) })}
          </p>
          <meter class="recorder__meter" min={0} max={1} value={recorder.level()} aria-label={t('staff:recorder.level')} />
          <button type="button" class="big-button big-button--primary" disabled={recorder.state() !== 'recording'} onClick={() => recorder.stop()}>
            {t('staff:recorder.stop')}
          </button>
        </div>
      </Show>
      <Show when={audioUrl()}>
        {(url) => (
          <div class="recorder__playback">
            <audio ref={player} src={url()} controls preload="auto" aria-label={t('staff:recorder.playback')} />
            <button type="button" class="big-button" disabled={recording()} onClick={() => void player?.play().catch(() => setMessage(t('staff:recorder.playFailed')))}>
              {t('staff:recorder.listen')}
            </button>
          </div>
        )}
      </Show>
      <Show when={!unsaved() && draft()}>
        {(current) => (
          <>
            <p role="status" classList={{ 'staff-error': Boolean(current().error) }}>
              {draftStatusText(current())}
            </p>
            <Show when={current().textHash !== promptTextHash(props.prompt.text)}>
              <p class="staff-error">{t('staff:recorder.staleDraft')}</p>
            </Show>
            <Show when={current().status === 'draft'}>
              <button type="button" class="big-button big-button--primary" disabled={publishing() || recording()} onClick={() => void publish(current())}>
                {publishing() ? t('staff:recorder.publishing') : t('staff:recorder.publish')}
              </button>
            </Show>
          </>
        )}
      </Show>
      <button type="button" class="nav-button" disabled={recording()} onClick={() => props.onClose()}>
        {t('staff:recorder.close')}
      </button>
    </section>
  );
}
