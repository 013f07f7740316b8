import { Show } from 'solid-js';
import { t } from '../../../i18n/i18n.ts';
import { StaffApiError } from '../api/makeStaffApi.ts';

/** The server's own message, on screen and announced (WCAG 4.1.3); "network" when it could not be reached. */
export function errorText(error: unknown): string {
  if (typeof error === 'string') return error;
  if (error instanceof StaffApiError) {
    if (error.code === 'network') return t('results:errors.network');
    return t('results:errors.server', { message: error.message, code: error.code });
  }
  return t('results:errors.unexpected', { message: error instanceof Error ? error.message : String(error) });
}

export function ErrorNotice(props: { error: unknown }) {
  return (
    <Show when={props.error}>
      <p class="sw-error" role="alert">
        {errorText(props.error)}
      </p>
    </Show>
  );
}
