/**
 * The browser's side of prompt playback: one reused <audio> element for clips (served
 * from the 'sayso-audio' cache by the service worker) and speechSynthesis for device
 * voices. Errors are sorted: a clip that cannot load or decode is the clip's fault
 * (ClipFailure: try the next source), autoplay refused is not (PlaybackBlocked).
 */
import { ClipFailure, PlaybackBlocked, type PromptOutput } from './makePromptPlayer.ts';

/** A clip that neither starts nor fails by then is treated as failed (a hung request). */
const CLIP_START_TIMEOUT_MS = 8000;
/** Clips readied ahead: the next screen's first, and one spare. */
const READY_AHEAD = 2;

export function makeBrowserPromptOutput(): PromptOutput {
  let audio = new Audio();
  audio.preload = 'auto';
  /** Elements already loading or loaded, by URL: starting one skips the fetch and demux. */
  const ready = new Map<string, HTMLAudioElement>();

  const prefetch = (url: string) => {
    if (ready.has(url)) return;
    if (ready.size >= READY_AHEAD) {
      const [oldest] = ready.keys();
      ready.get(oldest!)!.removeAttribute('src');
      ready.delete(oldest!);
    }
    const element = new Audio();
    element.preload = 'auto';
    element.src = url;
    element.load();
    ready.set(url, element);
  };

  const playClip = (url: string, onStart: () => void, signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      const readied = ready.get(url);
      ready.delete(url);
      const useReadied = readied !== undefined && !readied.error;
      if (useReadied) {
        audio.pause();
        audio = readied;
      }
      const element = audio;
      let settled = false;
      let started = false;
      const finish = (error?: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        element.removeEventListener('playing', onPlaying);
        element.removeEventListener('ended', onEnded);
        element.removeEventListener('error', onError);
        signal.removeEventListener('abort', onAbort);
        if (error) reject(error);
        else resolve();
      };
      const onPlaying = () => {
        if (started) return;
        started = true;
        clearTimeout(timer);
        onStart();
      };
      const onEnded = () => finish();
      const onError = () => finish(new ClipFailure(element.error?.message || `media error ${element.error?.code ?? ''}`));
      const onAbort = () => {
        element.pause();
        finish();
      };
      const timer = setTimeout(() => finish(new ClipFailure('the clip did not start in time')), CLIP_START_TIMEOUT_MS);
      if (signal.aborted) return finish();
      element.addEventListener('playing', onPlaying);
      element.addEventListener('ended', onEnded);
      element.addEventListener('error', onError);
      signal.addEventListener('abort', onAbort);
      if (!useReadied) element.src = url;
      element.play().catch((error: unknown) => {
        const name = (error as { name?: string }).name;
        if (name === 'NotAllowedError') finish(new PlaybackBlocked('autoplay refused'));
        // AbortError: a newer src replaced this one (handled by the abort signal).
        else if (name !== 'AbortError') finish(new ClipFailure((error as Error).message));
      });
    });

  const speak = (text: string, language: string, onStart: () => void, signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      const synth = window.speechSynthesis;
      if (signal.aborted) return resolve();
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = language;
      const voice = synth.getVoices().find((v) => v.lang.toLowerCase().split(/[-_]/)[0] === language.toLowerCase());
      if (voice) utterance.voice = voice;
      const onAbort = () => synth.cancel();
      signal.addEventListener('abort', onAbort, { once: true });
      utterance.onstart = () => onStart();
      utterance.onend = () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      };
      utterance.onerror = (event) => {
        signal.removeEventListener('abort', onAbort);
        if (event.error === 'interrupted' || event.error === 'canceled') resolve();
        else if (event.error === 'not-allowed') reject(new PlaybackBlocked('speech refused'));
        else reject(new Error(`speech ${event.error}`));
      };
      synth.cancel();
      synth.speak(utterance);
    });

  return { playClip, speak, prefetch };
}
