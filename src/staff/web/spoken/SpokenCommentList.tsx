import { createSignal, For, onCleanup, Show } from 'solid-js';
import { t } from '../../../i18n/i18n.ts';
import { makeSpokenCommentsApi, type SpokenComment, type SpokenCommentsApi } from '../api/spokenCommentsApi.ts';
import { createApiData } from '../createApiData.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { submitListener } from '../ui/submitListener.ts';

/** m:ss: a spoken comment is at most ten minutes. */
export function formatClipDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * One spoken comment: play (the sound is fetched only when asked for, as a blob whose object
 * URL is revoked when the item goes), its length, and its transcript, saved as plain text.
 */
function SpokenCommentItem(props: { comment: SpokenComment; index: number; api: SpokenCommentsApi; question: string }) {
  const [audioUrl, setAudioUrl] = createSignal<string>();
  const [loading, setLoading] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const [draft, setDraft] = createSignal(props.comment.transcript ?? '');
  const [saving, setSaving] = createSignal(false);
  const [saved, setSaved] = createSignal(false);
  let player: HTMLAudioElement | undefined;
  const n = () => props.index + 1;
  const transcriptId = () => `sw-spoken-transcript-${props.index}`;

  onCleanup(() => {
    const url = audioUrl();
    if (url) URL.revokeObjectURL(url);
  });

  const play = async () => {
    setError(undefined);
    if (!audioUrl()) {
      setLoading(true);
      try {
        setAudioUrl(URL.createObjectURL(await props.api.audio(props.comment.id)));
      } catch (caught) {
        setError(caught);
        return;
      } finally {
        setLoading(false);
      }
    }
    void player?.play().catch(() => undefined);
  };

  const save = async () => {
    setSaving(true);
    setSaved(false);
    setError(undefined);
    try {
      setDraft((await props.api.saveTranscript(props.comment.id, draft())) ?? '');
      setSaved(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  };

  return (
    <li class="sw-comment">
      <p class="sw-comment__question">{props.question}</p>
      <p class="sw-comment__meta">{t('results:spokenComments.duration', { duration: formatClipDuration(props.comment.durationMs) })}</p>
      <Show when={props.comment.audio} fallback={<p class="sw-note">{t('results:spokenComments.deleted')}</p>}>
        <div class="sw-actions">
          <button type="button" class="sw-button" disabled={loading()} onClick={() => void play()}>
            {t('results:spokenComments.play', { n: n() })}
          </button>
          <Show when={loading()}>
            <span class="sw-note" role="status">
              {t('results:spokenComments.loadingAudio')}
            </span>
          </Show>
        </div>
        <Show when={audioUrl()}>
          {(url) => <audio ref={player} src={url()} controls preload="auto" aria-label={t('results:spokenComments.player', { n: n() })} />}
        </Show>
      </Show>
      <form class="sw-form" ref={submitListener(save)}>
        <div class="sw-field">
          <label for={transcriptId()}>{t('results:spokenComments.transcript', { n: n() })}</label>
          {/* A textarea's value is text: a transcript never becomes markup. */}
          <textarea id={transcriptId()} rows={3} maxLength={5000} dir="auto" value={draft()} onInput={(event) => {
            setDraft(event.currentTarget.value);
            setSaved(false);
          }} />
        </div>
        <div class="sw-actions">
          <button type="submit" class="sw-button" disabled={saving()}>
            {t('results:spokenComments.save', { n: n() })}
          </button>
          <Show when={saved()}>
            <span class="sw-success" role="status">
              {t('results:spokenComments.saved')}
            </span>
          </Show>
        </div>
      </form>
      <ErrorNotice error={error()} />
    </li>
  );
}

/** The spoken comments of one facility and quarter, for the roles that read comments. */
export function SpokenCommentList(props: {
  choice: () => { surveyId: string; facilityId: string; period: string } | undefined;
  questionLabel: (questionId: string) => string;
  api?: SpokenCommentsApi;
}) {
  const api = props.api ?? makeSpokenCommentsApi();
  const list = createApiData(props.choice, (choice) => api.list(choice));
  return (
    <section class="sw-section" aria-labelledby="sw-spoken-title">
      <h2 id="sw-spoken-title">{t('results:spokenComments.title')}</h2>
      <ErrorNotice error={list.error()} />
      <Show when={list.loading()}>
        <p class="sw-note" role="status">
          {t('results:loading')}
        </p>
      </Show>
      <Show when={list.data()}>
        {(comments) => (
          <Show when={comments().length > 0} fallback={<p class="sw-note">{t('results:spokenComments.none')}</p>}>
            <ol class="sw-comments">
              <For each={comments()}>
                {(comment, index) => <SpokenCommentItem comment={comment} index={index()} api={api} question={props.questionLabel(comment.questionId)} />}
              </For>
            </ol>
          </Show>
        )}
      </Show>
    </section>
  );
}
