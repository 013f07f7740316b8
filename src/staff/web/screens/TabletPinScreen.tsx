import { createSignal, For, Show } from 'solid-js';
import { t } from '../../../i18n/i18n.ts';
import { createApiData } from '../createApiData.ts';
import { formatCount, formatDateTime } from '../formatFigures.ts';
import { useStaff } from '../StaffContext.ts';
import { checkPinEntry, pinReach, pinServerRefusal } from '../tabletPin/checkPinEntry.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { StatusNote } from '../ui/StatusNote.tsx';
import { submitListener } from '../ui/submitListener.ts';

/**
 * The signed-in person's own tablet PIN (docs/staff-api.md, Tablet PINs): their tablet number, what the PIN unlocks
 * for their role, setting or changing it (PIN twice and the account password), removing it.
 */
export function TabletPinScreen() {
  const staff = useStaff();
  const current = createApiData(() => ({ staff: staff.user().id }), () => staff.api.tabletPin());
  const [pin, setPin] = createSignal('');
  const [repeat, setRepeat] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [problem, setProblem] = createSignal('');
  const [error, setError] = createSignal<unknown>();
  const [status, setStatus] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [confirming, setConfirming] = createSignal(false);
  const hasPin = () => current.data()?.setAt != null;

  const save = async () => {
    setProblem('');
    setError(undefined);
    setStatus('');
    const found = checkPinEntry({ pin: pin(), repeat: repeat(), password: password() });
    if (found) return setProblem(t(`results:tabletPin.problems.${found}`));
    setBusy(true);
    try {
      const saved = await staff.api.setTabletPin({ pin: pin(), password: password() });
      current.mutate(() => saved);
      setStatus(t('results:tabletPin.saved', { number: saved.number === null ? '' : formatCount(saved.number, staff.language()) }));
    } catch (caught) {
      const refusal = pinServerRefusal(caught);
      if (refusal) setProblem(t(`results:tabletPin.errors.${refusal}`));
      else setError(caught);
    } finally {
      // Never leave a PIN or a password in the page after an attempt.
      setPin('');
      setRepeat('');
      setPassword('');
      setBusy(false);
    }
  };

  const remove = async () => {
    setProblem('');
    setError(undefined);
    setStatus('');
    setBusy(true);
    try {
      await staff.api.removeTabletPin();
      setConfirming(false);
      setStatus(t('results:tabletPin.removed'));
      current.refetch();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1>{t('results:tabletPin.title')}</h1>
      <p>{t('results:tabletPin.intro')}</p>
      <ul class="sw-links">
        <li>{t('results:tabletPin.offline')}</li>
        <li>{t('results:tabletPin.nextSync')}</li>
      </ul>
      <ErrorNotice error={current.error()} />
      <Show when={current.loading() && !current.data()}>
        <p class="sw-note" role="status">
          {t('results:loading')}
        </p>
      </Show>
      <Show when={current.data()}>
        {(data) => (
          <>
            <section class="sw-section" aria-labelledby="sw-pin-yours">
              <h2 id="sw-pin-yours">{t('results:tabletPin.yoursTitle')}</h2>
              <dl class="sw-stats">
                <div>
                  <dt>{t('results:tabletPin.number')}</dt>
                  <dd>{data().number === null ? t('results:tabletPin.noNumber') : formatCount(data().number!, staff.language())}</dd>
                </div>
                <div>
                  <dt>{t('results:tabletPin.pinState')}</dt>
                  <dd class="sw-pin-state">{data().setAt ? t('results:tabletPin.setAt', { time: formatDateTime(data().setAt!, staff.language()) }) : t('results:tabletPin.noPin')}</dd>
                </div>
              </dl>
              <Show when={data().number === null}>
                <p class="sw-note">{t('results:tabletPin.numberComes')}</p>
              </Show>
            </section>
            <section class="sw-section" aria-labelledby="sw-pin-uses">
              <h2 id="sw-pin-uses">{t('results:tabletPin.usesTitle')}</h2>
              <Show when={data().uses.length > 0} fallback={<p>{t('results:tabletPin.noUses', { role: t(`results:roles.${staff.user().role}`) })}</p>}>
                <ul class="sw-links">
                  <For each={data().uses}>{(use) => <li>{t(`results:tabletPin.uses.${use}`)}</li>}</For>
                </ul>
                <p>{t(`results:tabletPin.reach.${pinReach(staff.user().role)}`)}</p>
              </Show>
            </section>
          </>
        )}
      </Show>
      <section class="sw-section" aria-labelledby="sw-pin-set">
        <h2 id="sw-pin-set">{hasPin() ? t('results:tabletPin.changeTitle') : t('results:tabletPin.setTitle')}</h2>
        <p class="sw-note" id="sw-pin-rule">
          {t('results:tabletPin.rule')}
        </p>
        <form class="sw-form" ref={submitListener(save)} aria-labelledby="sw-pin-set">
          <div class="sw-field">
            <label for="sw-pin-new">{t('results:tabletPin.newPin')}</label>
            <input
              id="sw-pin-new"
              type="password"
              inputmode="numeric"
              autocomplete="new-password"
              maxLength={8}
              aria-describedby="sw-pin-rule"
              value={pin()}
              onInput={(e) => setPin(e.currentTarget.value)}
            />
          </div>
          <div class="sw-field">
            <label for="sw-pin-repeat">{t('results:tabletPin.repeatPin')}</label>
            <input id="sw-pin-repeat" type="password" inputmode="numeric" autocomplete="new-password" maxLength={8} value={repeat()} onInput={(e) => setRepeat(e.currentTarget.value)} />
          </div>
          <div class="sw-field">
            <label for="sw-pin-password">{t('results:tabletPin.password')}</label>
            <input id="sw-pin-password" type="password" autocomplete="current-password" value={password()} onInput={(e) => setPassword(e.currentTarget.value)} />
          </div>
          <button type="submit" class="sw-button sw-button--primary" disabled={busy()}>
            {hasPin() ? t('results:tabletPin.changeSubmit') : t('results:tabletPin.setSubmit')}
          </button>
        </form>
        <Show when={problem()}>
          <p class="sw-error" role="alert">
            {problem()}
          </p>
        </Show>
      </section>
      <Show when={hasPin()}>
        <section class="sw-section" aria-labelledby="sw-pin-remove">
          <h2 id="sw-pin-remove">{t('results:tabletPin.removeTitle')}</h2>
          <p>{t('results:tabletPin.removeIntro')}</p>
          <Show
            when={confirming()}
            fallback={
              <button type="button" class="sw-button sw-button--danger" disabled={busy()} onClick={() => setConfirming(true)}>
                {t('results:tabletPin.remove')}
              </button>
            }
          >
            <p class="sw-confirm">
              {t('results:tabletPin.confirmRemove')}{' '}
              <button type="button" class="sw-button sw-button--danger" disabled={busy()} onClick={() => void remove()}>
                {t('results:tabletPin.removeYes')}
              </button>{' '}
              <button type="button" class="sw-button sw-button--quiet" onClick={() => setConfirming(false)}>
                {t('results:admin.cancel')}
              </button>
            </p>
          </Show>
        </section>
      </Show>
      <StatusNote message={status()} />
      <ErrorNotice error={error()} />
    </>
  );
}
