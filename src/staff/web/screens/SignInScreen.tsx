import { createSignal, Show } from 'solid-js';
import { t } from '../../../i18n/i18n.ts';
import type { StaffApiError } from '../api/makeStaffApi.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { submitListener } from '../ui/submitListener.ts';

/** Email and password; the server's answer (wrong password, locked account, too many attempts) shown as it says it. */
export function SignInScreen(props: { signIn: (email: string, password: string) => Promise<unknown>; ended: StaffApiError | null }) {
  const [email, setEmail] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>();

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await props.signIn(email().trim(), password());
    } catch (caught) {
      setError(caught);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="sw-main sw-signin" id="sw-main">
      <h1>{t('results:signIn.title')}</h1>
      <Show when={props.ended && !error()}>
        <p class="sw-notice" role="status">
          {props.ended!.code === 'session_expired' ? t('results:signIn.expired') : t('results:signIn.signedOut')}{' '}
          {t('results:errors.server', { message: props.ended!.message, code: props.ended!.code })}
        </p>
      </Show>
      <form class="sw-form" ref={submitListener(submit)}>
        <div class="sw-field">
          <label for="sw-email">{t('results:signIn.email')}</label>
          <input id="sw-email" type="email" autocomplete="username" required value={email()} onInput={(e) => setEmail(e.currentTarget.value)} />
        </div>
        <div class="sw-field">
          <label for="sw-password">{t('results:signIn.password')}</label>
          <input id="sw-password" type="password" autocomplete="current-password" required value={password()} onInput={(e) => setPassword(e.currentTarget.value)} />
        </div>
        <ErrorNotice error={error()} />
        <button type="submit" class="sw-button sw-button--primary" disabled={busy()}>
          {busy() ? t('results:signIn.busy') : t('results:signIn.submit')}
        </button>
      </form>
    </main>
  );
}
