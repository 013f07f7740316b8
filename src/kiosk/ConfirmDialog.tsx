import { onMount, Show } from 'solid-js';
import type { PictogramName } from '../survey/pictogramNames.ts';
import { Pictogram } from '../ui/Pictogram.tsx';
import { PromptReplay } from './PromptReplay.tsx';

/** A modal question with two big answers (and maybe a third way out); focus starts on the safe one. */
export function ConfirmDialog(props: {
  message: string;
  yes: string;
  no: string;
  onYes: () => void;
  onNo: () => void;
  alternative?: { label: string; pictogram: PictogramName; onChoose: () => void } | undefined;
}) {
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
          <Show when={props.alternative}>
            {(alternative) => (
              <button type="button" class="big-button big-button--warning" onClick={() => alternative().onChoose()}>
                <Pictogram name={alternative().pictogram} class="pictogram--inline" />
                {alternative().label}
              </button>
            )}
          </Show>
        </div>
      </div>
    </div>
  );
}
