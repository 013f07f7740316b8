import { onCleanup, onMount } from 'solid-js';
import { t } from '../../i18n/i18n.ts';
import { Pictogram } from '../../ui/Pictogram.tsx';
import { PromptReplay } from '../PromptReplay.tsx';

export const THANKS_SECONDS = 8;

/** Shown only after the response is durably stored; returns to the attract screen by itself. */
export function ThanksScreen(props: { onDone: () => void; preview: boolean }) {
  onMount(() => {
    const timer = setTimeout(() => props.onDone(), THANKS_SECONDS * 1000);
    onCleanup(() => clearTimeout(timer));
  });
  return (
    <main class="screen screen--thanks" onClick={() => props.onDone()}>
      <Pictogram name="thanks" class="pictogram--hero" />
      <h1 class="screen__title">{t('thanks.title')}</h1>
      <p class="thanks-saved">{props.preview ? t('preview.banner') : t('thanks.saved')}</p>
      <p>{t('thanks.next')}</p>
      <PromptReplay />
    </main>
  );
}
