import { createSignal, onCleanup } from 'solid-js';
import { t } from '../i18n/i18n.ts';

/** Free text; saved while typing (after a short pause) and when leaving the field. */
export function TextAnswer(props: { labelledBy: string; value: string; maxLength: number; onChange: (value: string) => void }) {
  const [draft, setDraft] = createSignal(props.value);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (draft() !== props.value) props.onChange(draft());
  };
  onCleanup(flush);
  return (
    <div class="text-answer">
      <textarea
        aria-labelledby={props.labelledBy}
        placeholder={t('answer.textPlaceholder')}
        maxLength={props.maxLength}
        rows={4}
        value={draft()}
        data-answer-control=""
        onInput={(event) => {
          setDraft(event.currentTarget.value);
          if (timer !== undefined) clearTimeout(timer);
          timer = setTimeout(flush, 500);
        }}
        onBlur={flush}
      />
      <p class="text-answer__count" aria-live="polite">
        {t('answer.charactersLeft', { count: props.maxLength - draft().length })}
      </p>
    </div>
  );
}
