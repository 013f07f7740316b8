import { createSignal, onCleanup, onMount } from 'solid-js';
import { t } from '../i18n/i18n.ts';
import { Pictogram } from '../ui/Pictogram.tsx';
import { PromptReplay } from './PromptReplay.tsx';

/** "Are you still there?": any touch continues; the countdown ending closes the survey. */
export function IdleOverlay(props: { seconds: number; onContinue: () => void; onExpire: () => void }) {
  const [left, setLeft] = createSignal(props.seconds);
  let button: HTMLButtonElement | undefined;
  onMount(() => {
    button?.focus();
    const tick = setInterval(() => {
      const next = left() - 1;
      setLeft(next);
      if (next <= 0) {
        clearInterval(tick);
        props.onExpire();
      }
    }, 1000);
    onCleanup(() => clearInterval(tick));
  });
  return (
    <div class="overlay" onPointerDown={() => props.onContinue()}>
      <div role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-body" class="dialog">
        <Pictogram name="idle" class="pictogram--hero" />
        <h2 id="idle-title" class="dialog__title">
          {t('idle.title')}
        </h2>
        <p id="idle-body">{t('idle.body', { seconds: left() })}</p>
        <button type="button" class="big-button big-button--primary" ref={button} onClick={() => props.onContinue()}>
          <Pictogram name="yes" class="pictogram--inline" />
          {t('idle.continue')}
        </button>
        <PromptReplay />
      </div>
    </div>
  );
}
