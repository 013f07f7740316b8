import { createSignal, onCleanup } from 'solid-js';
import { t } from '../i18n/i18n.ts';

/**
 * Free text; saved after a short pause in typing and when the field loses focus. The
 * component lives for one question (KioskApp keys it by question id), so it keeps what
 * it last saved itself instead of reading props after its screen is gone.
 */
export function TextAnswer(props: { labelledBy: string; value: string; maxLength: number; onChange: (value: string) => void }) {
  const onChange = props.onChange;
  let saved = props.value;
  const [draft, setDraft] = createSignal(saved);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (draft() !== saved) {
      saved = draft();
      onChange(saved);
    }
  };
  onCleanup(() => {
    if (timer !== undefined) flush();
  });
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
