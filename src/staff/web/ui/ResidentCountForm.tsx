import { createSignal, Show } from 'solid-js';
import { t } from '../../../i18n/i18n.ts';
import { formatQuarter } from '../formatFigures.ts';
import { useStaff } from '../StaffContext.ts';
import { ErrorNotice } from './ErrorNotice.tsx';
import { submitListener } from './submitListener.ts';

/** The quarter's resident count, the base of the participation rate (Office for Foreigners: 70% took part). */
export function ResidentCountForm(props: { facilityId: string; quarter: string; current: number | null; onSaved: () => void; idPrefix: string }) {
  const { api } = useStaff();
  const [value, setValue] = createSignal(props.current === null ? '' : String(props.current));
  const [error, setError] = createSignal<unknown>();
  const [saved, setSaved] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const inputId = `${props.idPrefix}-residents`;

  const submit = async (event: Event) => {
    event.preventDefault();
    setSaved(false);
    setError(undefined);
    const residents = Number(value());
    if (value().trim() === '' || !Number.isInteger(residents) || residents < 0 || residents > 100000) {
      setError(t('results:participation.invalid'));
      return;
    }
    setBusy(true);
    try {
      await api.putResidents(props.facilityId, props.quarter, residents);
      setSaved(true);
      props.onSaved();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="sw-form sw-form--inline" ref={submitListener(submit)}>
      <div class="sw-field">
        <label for={inputId}>{t('results:participation.residentsIn', { quarter: formatQuarter(props.quarter) })}</label>
        <input id={inputId} type="number" inputMode="numeric" min="0" max="100000" step="1" value={value()} onInput={(e) => setValue(e.currentTarget.value)} />
      </div>
      <button type="submit" class="sw-button" disabled={busy()}>
        {t('results:participation.save')}
      </button>
      <Show when={saved()}>
        <p class="sw-success" role="status">
          {t('results:participation.saved')}
        </p>
      </Show>
      <ErrorNotice error={error()} />
    </form>
  );
}
