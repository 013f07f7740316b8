import { createSignal, Match, onCleanup, onMount, Show, Switch } from 'solid-js';
import { t } from '../i18n/i18n.ts';
import { createAudioRecorder, type RecorderProblem, type Recording } from '../ui/createAudioRecorder.ts';
import { Pictogram } from '../ui/Pictogram.tsx';
import { useSpokenCommentSession } from './spokenCommentSession.ts';
import './spokenAnswer.css';

type Phase = 'checking' | 'unavailable' | 'consent' | 'ready' | 'review' | 'saving' | 'kept';

const problemKey: Record<RecorderProblem, string> = {
  denied: 'spoken.denied',
  noMicrophone: 'spoken.noMicrophone',
  unsupported: 'answer.spokenUnavailable',
  failed: 'spoken.failed',
  empty: 'spoken.failed',
};

/** m:ss, so the countdown reads without words. */
const clock = (ms: number) => {
  const seconds = Math.ceil(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};

/** Whether this browser can record at all (old WebViews lack MediaRecorder). */
const canCapture = () => typeof MediaRecorder !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function';

/**
 * A spoken comment instead of typing: its own consent line (a voice can identify a person),
 * then record with a countdown, stop, listen, record again, keep; delete withdraws it. The
 * sound stays in memory until "keep", which seals it with the response's key before it is
 * stored. Not offered without a sealing key, a recorder, or in staff preview.
 */
export function SpokenAnswer(props: { questionId: string; maxSeconds: number; answer: string | undefined }) {
  const session = useSpokenCommentSession();
  const [phase, setPhase] = createSignal<Phase>('checking');
  const [recording, setRecording] = createSignal<Recording>();
  const [saveFailed, setSaveFailed] = createSignal(false);
  let player: HTMLAudioElement | undefined;
  let playbackUrl: string | undefined;

  const dropPlayback = () => {
    player?.pause();
    if (playbackUrl) URL.revokeObjectURL(playbackUrl);
    playbackUrl = undefined;
  };

  const recorder = createAudioRecorder({
    maxMs: props.maxSeconds * 1000,
    onRecorded: (made) => {
      dropPlayback();
      setRecording(made);
      setPhase('review');
    },
  });

  onMount(() => {
    if (!session || !canCapture()) return setPhase('unavailable');
    const hadAnswer = Boolean(props.answer);
    session.canRecordSpoken().then(
      (allowed) => setPhase(!allowed ? 'unavailable' : hadAnswer ? 'kept' : 'consent'),
      () => setPhase('unavailable'),
    );
  });
  onCleanup(() => {
    dropPlayback();
    setRecording(undefined);
  });

  const play = () => {
    const made = recording();
    if (!made || !player) return;
    dropPlayback();
    playbackUrl = URL.createObjectURL(new Blob([made.audio], { type: made.mime }));
    player.src = playbackUrl;
    void player.play().catch(() => undefined);
  };

  const recordAgain = () => {
    dropPlayback();
    setRecording(undefined);
    setPhase('ready');
    void recorder.start();
  };

  const keep = async () => {
    const made = recording();
    if (!made || !session) return;
    dropPlayback();
    setSaveFailed(false);
    setPhase('saving');
    try {
      await session.recordSpoken(props.questionId, made.audio, made.mime, made.durationMs);
      setPhase('kept');
    } catch {
      // A storage fault takes the kiosk to its staff screen; anything else is said here.
      setSaveFailed(true);
      setPhase('review');
    }
  };

  const remove = async () => {
    if (!session) return;
    dropPlayback();
    setRecording(undefined);
    await session.discardSpoken(props.questionId).catch(() => undefined);
    setPhase('ready');
  };

  const recordingNow = () => recorder.state() === 'recording' || recorder.state() === 'finishing' || recorder.state() === 'starting';

  return (
    <div class="spoken-answer" data-answer-control="">
      <audio ref={player} preload="none" />
      <Switch>
        <Match when={phase() === 'checking'}>
          <p class="question-notice" role="status" />
        </Match>
        <Match when={phase() === 'unavailable'}>
          <p class="question-notice spoken-answer__notice">
            <Pictogram name="unavailable" class="pictogram--inline" />
            {t('answer.spokenUnavailable')}
          </p>
        </Match>
        <Match when={phase() === 'consent'}>
          <div class="spoken-answer__consent">
            <Pictogram name="privacy" />
            <p>{t('spoken.consent')}</p>
          </div>
          <button type="button" class="big-button big-button--primary spoken-answer__agree" onClick={() => setPhase('ready')}>
            <Pictogram name="yes" class="pictogram--inline" />
            {t('spoken.agree')}
          </button>
        </Match>
        <Match when={phase() === 'ready' && !recordingNow()}>
          <button type="button" class="spoken-answer__record" onClick={() => void recorder.start()}>
            <Pictogram name="microphone" class="pictogram--hero" />
            <span>{t('spoken.record')}</span>
          </button>
        </Match>
        <Match when={recordingNow()}>
          <div class="spoken-answer__live" role="group" aria-label={t('spoken.recording')}>
            <p class="spoken-answer__recording">
              <span class="spoken-answer__dot" aria-hidden="true" />
              {t('spoken.recording')}
            </p>
            <p class="spoken-answer__clock" role="timer" aria-label={t('spoken.timeLeft', { time: clock(recorder.remainingMs()) })}>
              {clock(recorder.remainingMs())}
            </p>
            <div class="progress-bar" aria-hidden="true">
              <div class="progress-bar__fill" style={{ 'inline-size': `${(recorder.remainingMs() / (props.maxSeconds * 1000)) * 100}%` }} />
            </div>
            <button type="button" class="big-button spoken-answer__stop" disabled={recorder.state() !== 'recording'} onClick={() => recorder.stop()}>
              <span class="spoken-answer__stop-square" aria-hidden="true" />
              {t('spoken.stop')}
            </button>
          </div>
        </Match>
        <Match when={phase() === 'review' || phase() === 'saving'}>
          <div class="spoken-answer__actions">
            <button type="button" class="big-button" disabled={phase() === 'saving'} onClick={play}>
              <Pictogram name="audio" class="pictogram--inline" />
              {t('spoken.play')}
            </button>
            <button type="button" class="big-button" disabled={phase() === 'saving'} onClick={recordAgain}>
              <Pictogram name="start-over" class="pictogram--inline" />
              {t('spoken.again')}
            </button>
            <button type="button" class="big-button big-button--primary" disabled={phase() === 'saving'} onClick={() => void keep()}>
              <Pictogram name="done" class="pictogram--inline" />
              {t('spoken.keep')}
            </button>
          </div>
          <Show when={phase() === 'saving'}>
            <p class="question-notice" role="status">
              {t('spoken.saving')}
            </p>
          </Show>
          <Show when={saveFailed()}>
            <p class="question-notice spoken-answer__notice" role="alert">
              <Pictogram name="warning" class="pictogram--inline" />
              {t('spoken.failed')}
            </p>
          </Show>
        </Match>
        <Match when={phase() === 'kept'}>
          <p class="spoken-answer__kept" role="status">
            <Pictogram name="done" class="pictogram--inline" />
            {t('spoken.kept')}
          </p>
          <div class="spoken-answer__actions">
            <Show when={recording()}>
              <button type="button" class="big-button" onClick={play}>
                <Pictogram name="audio" class="pictogram--inline" />
                {t('spoken.play')}
              </button>
            </Show>
            <button type="button" class="big-button big-button--warning" onClick={() => void remove()}>
              <Pictogram name="no" class="pictogram--inline" />
              {t('spoken.delete')}
            </button>
          </div>
        </Match>
      </Switch>
      <Show when={recorder.problem()}>
        {(problem) => (
          <p class="question-notice spoken-answer__notice" role="alert">
            <Pictogram name="warning" class="pictogram--inline" />
            {t(problemKey[problem()])}
          </p>
        )}
      </Show>
    </div>
  );
}
