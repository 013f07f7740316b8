import { Show } from 'solid-js';
import { t } from '../i18n/i18n.ts';
import { ReplayButton } from '../ui/ReplayButton.tsx';
import { usePromptAudio } from './createPromptAudio.ts';

/** The replay button of the screen showing, wired to the kiosk's prompt audio. */
export function PromptReplay() {
  const audio = usePromptAudio();
  return (
    <Show when={audio}>
      {(a) => <ReplayButton label={t('audio.replay')} source={a().firstSource()} onReplay={() => a().replay()} />}
    </Show>
  );
}
