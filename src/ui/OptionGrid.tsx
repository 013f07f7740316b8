import { createSignal, For, Show } from 'solid-js';
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
  /** Mediator mode: the same answer in the mediator's language, under the respondent's. */
  second?: { label: string; lang: string; dir: 'ltr' | 'rtl' };
}

/**
 * Big pictogram answer buttons. Single choice uses radio semantics, multiple choice
 * checkboxes (WAI-ARIA APG), so screen readers announce state and tests find them by name.
 * Touching an option reads it aloud (`onHear`). In "listen first" mode the first touch
 * only reads it and marks it heard (a ring and a confirm button beside it); a second
 * touch, or the confirm button, chooses it. The option being read carries a speaker mark.
 */
export function OptionGrid(props: {
  options: Option[];
  multiple: boolean;
  isSelected: (value: AnswerValue) => boolean;
  onToggle: (value: AnswerValue) => void;
  labelledBy: string;
  layout?: 'grid' | 'row';
  selectedLabel: string;
  listenFirst?: boolean;
  /** Index of the option whose prompt is sounding. */
  speaking?: number | undefined;
  onHear?: (index: number) => void;
  confirmLabel?: string;
}) {
  const [heard, setHeard] = createSignal<number>();
  const choose = (value: AnswerValue) => {
    setHeard(undefined);
    props.onToggle(value);
  };
  const touch = (index: number, value: AnswerValue) => {
    if (props.listenFirst && heard() !== index) {
      setHeard(index);
      props.onHear?.(index);
      return;
    }
    // Answering first, sound after: reading an option never delays choosing it.
    choose(value);
    if (!props.listenFirst) props.onHear?.(index);
  };
  return (
    <div
      role={props.multiple ? 'group' : 'radiogroup'}
      aria-labelledby={props.labelledBy}
      class={`option-grid option-grid--${props.layout ?? 'grid'}`}
    >
      <For each={props.options}>
        {(option, index) => (
          <div class="option-cell">
            <button
              type="button"
              role={props.multiple ? 'checkbox' : 'radio'}
              aria-checked={props.isSelected(option.value)}
              class={`option tone-${option.tone ?? 'plain'}`}
              classList={{ 'is-selected': props.isSelected(option.value), 'is-heard': heard() === index(), 'is-speaking': props.speaking === index() }}
              data-answer-control=""
              onClick={() => touch(index(), option.value)}
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
              <Show when={option.second}>
                {(second) => (
                  <span class="option__second" lang={second().lang} dir={second().dir}>
                    {second().label}
                  </span>
                )}
              </Show>
              <span class="option__check" aria-hidden="true" title={props.selectedLabel}>
                ✓
              </span>
              <span class="option__speaking" aria-hidden="true">
                <Pictogram name="audio" class="option__speaking-pictogram" />
              </span>
            </button>
            <Show when={props.listenFirst && heard() === index()}>
              <button type="button" class="option-confirm" aria-label={`${props.confirmLabel ?? '✓'}: ${option.label}`} onClick={() => choose(option.value)}>
                <Pictogram name="done" class="pictogram--inline" />
                <span aria-hidden="true">{props.confirmLabel}</span>
              </button>
            </Show>
          </div>
        )}
      </For>
    </div>
  );
}
