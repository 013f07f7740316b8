import './mediator.css';
import { createSignal, Show } from 'solid-js';
import { t } from '../i18n/i18n.ts';
import type { StaffPinCheck } from '../device/staffPinGate.ts';
import { Pictogram } from '../ui/Pictogram.tsx';
import { TabletPinFields } from '../ui/TabletPinFields.tsx';

/** The mediator's tablet number and personal PIN, checked offline; a survey for minors opens here. */
export function MediatorSignInScreen(props: { needed: boolean; onCheck: (number: number, pin: string) => Promise<StaffPinCheck>; onCancel: () => void }) {
  const [error, setError] = createSignal('');
  const [checking, setChecking] = createSignal(false);
  let number!: HTMLInputElement;
  let pin!: HTMLInputElement;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (checking()) return;
    setChecking(true);
    setError('');
    try {
      const result = await props.onCheck(Number(number.value), pin.value);
      if (result.ok) return;
      pin.value = '';
      if (result.reason === 'no-verifiers') setError(t('mediator.signIn.noVerifiers'));
      else if (result.reason === 'locked') setError(t('mediator.signIn.locked', { minutes: result.minutes }));
      else setError(t('mediator.signIn.wrong', { left: result.attemptsLeft }));
    } catch {
      setError(t('mediator.signIn.failed'));
    } finally {
      setChecking(false);
    }
  };

  return (
    <main class="screen screen--mediator">
      <h1 class="screen__title">
        <Pictogram name="help" class="pictogram--title" />
        {t('mediator.signIn.title')}
      </h1>
      <Show when={props.needed}>
        <p class="mediator-needed" role="status">
          {t('mediator.signIn.needed')}
        </p>
      </Show>
      <form class="mediator-form" onSubmit={submit}>
        <TabletPinFields
          numberLabel={t('mediator.signIn.number')}
          pinLabel={t('mediator.signIn.pin')}
          numberRequired
          error={error()}
          numberRef={(input) => (number = input)}
          pinRef={(input) => (pin = input)}
        />
        <div class="mediator-actions">
          <button type="button" class="big-button" onClick={() => props.onCancel()}>
            <Pictogram name="back" mirrorInRtl class="pictogram--inline" />
            {t('mediator.cancel')}
          </button>
          <button type="submit" class="big-button big-button--primary" disabled={checking()}>
            <Pictogram name="yes" class="pictogram--inline" />
            {t('mediator.signIn.submit')}
          </button>
        </div>
      </form>
    </main>
  );
}
