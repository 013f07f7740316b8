import { onMount } from 'solid-js';
import { Pictogram } from '../ui/Pictogram.tsx';
import { PromptReplay } from './PromptReplay.tsx';

/** A modal question with two big answers; focus starts on the safe one. */
export function ConfirmDialog(props: { message: string; yes: string; no: string; onYes: () => void; onNo: () => void }) {
  let safe: HTMLButtonElement | undefined;
  onMount(() => safe?.focus());
  return (
    <div class="overlay">
      <div role="alertdialog" aria-modal="true" aria-labelledby="confirm-message" class="dialog">
        <p id="confirm-message" class="dialog__message">
          {props.message}
        </p>
        <PromptReplay />
        <div class="dialog__actions">
          <button type="button" class="big-button" ref={safe} onClick={() => props.onNo()}>
            <Pictogram name="back" mirrorInRtl class="pictogram--inline" />
            {props.no}
          </button>
          <button type="button" class="big-button big-button--warning" onClick={() => props.onYes()}>
            <Pictogram name="start-over" class="pictogram--inline" />
            {props.yes}
          </button>
        </div>
      </div>
    </div>
  );
}
