import { createSignal, onCleanup } from 'solid-js';
import { voiceLanguages } from '../../survey/promptSource.ts';

/**
 * Languages this device's speech synthesis speaks, kept up to date: Chrome lists its
 * voices only after a `voiceschanged` event, so the first read is often empty.
 */
export function createDeviceVoices(): () => ReadonlySet<string> {
  const synth = typeof speechSynthesis === 'undefined' ? undefined : speechSynthesis;
  const read = () => voiceLanguages(synth?.getVoices() ?? []);
  const [languages, setLanguages] = createSignal<ReadonlySet<string>>(read());
  if (synth) {
    const changed = () => setLanguages(read());
    synth.addEventListener('voiceschanged', changed);
    onCleanup(() => synth.removeEventListener('voiceschanged', changed));
  }
  return languages;
}
