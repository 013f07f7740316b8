/** A MediaRecorder behind signals, for prompt recordings (staff) and spoken comments (respondents). */
import { createSignal, onCleanup } from 'solid-js';

/** Longest prompt clip: a question with its hint is well under a minute read aloud. */
export const MAX_RECORDING_MS = 60_000;

/** Opus first (small, every Chromium and Firefox), then Safari's MP4/AAC. */
export const RECORDING_MIME_PREFERENCE = ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus', 'audio/mp4'] as const;

/** Speech needs little: 32 kbit/s Opus keeps a minute near 240 KB, far below the 2 MiB upload limit. */
const AUDIO_BITS_PER_SECOND = 32_000;

export type RecorderProblem = 'denied' | 'noMicrophone' | 'unsupported' | 'failed' | 'empty';

export interface Recording {
  mime: string;
  audio: ArrayBuffer;
  durationMs: number;
}

export type RecorderState = 'idle' | 'starting' | 'recording' | 'finishing';

export function pickRecordingMime(isSupported: (mime: string) => boolean): string | undefined {
  return RECORDING_MIME_PREFERENCE.find((mime) => isSupported(mime));
}

/** getUserMedia's refusals, in terms staff can act on (https://w3c.github.io/mediacapture-main/#dom-mediadevices-getusermedia). */
export function microphoneProblem(error: unknown): RecorderProblem {
  const name = (error as { name?: string } | undefined)?.name;
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'noMicrophone';
  return 'failed';
}

/**
 * One microphone recording at a time, with MediaRecorder: start, a countdown to the limit
 * (it stops by itself there), stop. A finished recording goes to `onRecorded`; a failure
 * (denied, no microphone, recorder error, nothing captured) sets `problem` and hands
 * nothing on, so the caller's previous draft stays.
 */
export function createAudioRecorder(options: { onRecorded: (recording: Recording) => void | Promise<void>; maxMs?: number }) {
  const maxMs = options.maxMs ?? MAX_RECORDING_MS;
  const [state, setState] = createSignal<RecorderState>('idle');
  const [problem, setProblem] = createSignal<RecorderProblem>();
  const [remainingMs, setRemainingMs] = createSignal(maxMs);
  const [level, setLevel] = createSignal(0);
  let recorder: MediaRecorder | undefined;
  let stream: MediaStream | undefined;
  let ticker: ReturnType<typeof setInterval> | undefined;
  let meter: { context: AudioContext; frame: number } | undefined;

  const release = () => {
    if (ticker !== undefined) clearInterval(ticker);
    ticker = undefined;
    if (meter) {
      cancelAnimationFrame(meter.frame);
      void meter.context.close().catch(() => undefined);
      meter = undefined;
    }
    setLevel(0);
    stream?.getTracks().forEach((track) => track.stop());
    stream = undefined;
  };

  // The level meter tells staff the microphone hears them; without Web Audio it simply stays still.
  const startMeter = (source: MediaStream) => {
    if (typeof AudioContext === 'undefined') return;
    try {
      const context = new AudioContext();
      const analyser = context.createAnalyser();
      analyser.fftSize = 512;
      context.createMediaStreamSource(source).connect(analyser);
      const samples = new Uint8Array(analyser.fftSize);
      const read = () => {
        analyser.getByteTimeDomainData(samples);
        let peak = 0;
        for (const sample of samples) peak = Math.max(peak, Math.abs(sample - 128) / 128);
        setLevel(peak);
        if (meter) meter.frame = requestAnimationFrame(read);
      };
      meter = { context, frame: requestAnimationFrame(read) };
    } catch {
      meter = undefined;
    }
  };

  const fail = (why: RecorderProblem) => {
    release();
    recorder = undefined;
    setProblem(why);
    setState('idle');
  };

  async function start(): Promise<void> {
    if (state() !== 'idle') return;
    setProblem(undefined);
    const mime = typeof MediaRecorder === 'undefined' ? undefined : pickRecordingMime((type) => MediaRecorder.isTypeSupported(type));
    if (!navigator.mediaDevices?.getUserMedia || !mime) return fail('unsupported');
    setState('starting');
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true } });
    } catch (error) {
      return fail(microphoneProblem(error));
    }
    const chunks: Blob[] = [];
    let failed = false;
    let startedAt = 0;
    try {
      recorder = new MediaRecorder(stream, { mimeType: mime, audioBitsPerSecond: AUDIO_BITS_PER_SECOND });
    } catch {
      return fail('failed');
    }
    const active = recorder;
    active.ondataavailable = (event) => {
      if (event.data.size > 0) chunks.push(event.data);
    };
    active.onerror = () => {
      failed = true;
      fail('failed');
    };
    active.onstop = () => {
      const durationMs = Math.min(maxMs, performance.now() - startedAt);
      release();
      recorder = undefined;
      if (failed) return;
      const blob = new Blob(chunks, { type: active.mimeType || mime });
      if (blob.size === 0) return fail('empty');
      void blob
        .arrayBuffer()
        .then((audio) => options.onRecorded({ mime: blob.type || mime, audio, durationMs }))
        .catch(() => setProblem('failed'))
        .finally(() => setState('idle'));
    };
    try {
      active.start();
    } catch {
      return fail('failed');
    }
    startedAt = performance.now();
    setRemainingMs(maxMs);
    setState('recording');
    startMeter(stream);
    ticker = setInterval(() => {
      const left = maxMs - (performance.now() - startedAt);
      setRemainingMs(Math.max(0, left));
      if (left <= 0) stop();
    }, 200);
  }

  function stop(): void {
    if (!recorder || recorder.state === 'inactive') return;
    setState('finishing');
    if (ticker !== undefined) clearInterval(ticker);
    ticker = undefined;
    recorder.stop();
  }

  onCleanup(() => {
    if (recorder && recorder.state !== 'inactive') {
      recorder.onstop = null;
      recorder.stop();
    }
    recorder = undefined;
    release();
  });

  return { state, problem, remainingMs, level, start, stop, clearProblem: () => setProblem(undefined) };
}

export type PromptRecorderControl = ReturnType<typeof createAudioRecorder>;
