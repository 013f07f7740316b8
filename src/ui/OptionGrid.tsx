import { For, Show } from 'solid-js';
import type { AnswerValue } from '../survey/answers.ts';
import type { PictogramName } from '../survey/pictogramNames.ts';
import { Pictogram } from './Pictogram.tsx';

/** Colour band of an option; always paired with a shape (face, arrow, number) so colour is never alone. */
export type Tone = 'worst' | 'bad' | 'neutral' | 'good' | 'best' | 'plain';

export interface Option {
  value: AnswerValue;
  label: string;
  pictogram?: PictogramName;
  /** Large glyph shown on the button (a rating number). */
  glyph?: string;
  /**
   * Shown instead of `label` when the glyph already says part of it (a rating's "0" with
   * caption "Very bad"): the label stays the accessible name and contains the caption.
   */
  caption?: string;
  tone?: Tone;
}

/**
 * Big pictogram answer buttons. Single choice uses radio semantics, multiple choice
 * checkboxes (WAI-ARIA APG), so screen readers announce state and tests find them by name.
 */
export function OptionGrid(props: {
  options: Option[];
  multiple: boolean;
  isSelected: (value: AnswerValue) => boolean;
  onToggle: (value: AnswerValue) => void;
  labelledBy: string;
  layout?: 'grid' | 'row';
  selectedLabel: string;
}) {
  return (
    <div
      role={props.multiple ? 'group' : 'radiogroup'}
      aria-labelledby={props.labelledBy}
      class={`option-grid option-grid--${props.layout ?? 'grid'}`}
    >
      <For each={props.options}>
        {(option) => (
          <button
            type="button"
            role={props.multiple ? 'checkbox' : 'radio'}
            aria-checked={props.isSelected(option.value)}
            class={`option tone-${option.tone ?? 'plain'}`}
            classList={{ 'is-selected': props.isSelected(option.value) }}
            data-answer-control=""
            onClick={() => props.onToggle(option.value)}
          >
            <Show when={option.glyph !== undefined}>
              <span class="option__glyph" aria-hidden="true">{option.glyph}</span>
            </Show>
            <Show when={option.pictogram}>{(name) => <Pictogram name={name()} class="option__pictogram" />}</Show>
            <Show when={option.caption !== undefined} fallback={<span class="option__label">{option.label}</span>}>
              <span class="visually-hidden">{option.label}</span>
              <span class="option__label" aria-hidden="true">
                {option.caption}
              </span>
            </Show>
            <span class="option__check" aria-hidden="true" title={props.selectedLabel}>
              ✓
            </span>
          </button>
        )}
      </For>
    </div>
  );
}
