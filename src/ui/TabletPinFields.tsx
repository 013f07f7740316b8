import { Show } from 'solid-js';

/**
 * A tablet number and a PIN, and what was wrong with them: the staff screens' unlock form
 * and the mediator's sign-in both ask for these (the number is optional on the former,
 * where the device PIN needs none).
 */
export function TabletPinFields(props: {
  numberLabel: string;
  pinLabel: string;
  numberRequired: boolean;
  error: string;
  numberRef: (input: HTMLInputElement) => void;
  pinRef: (input: HTMLInputElement) => void;
}) {
  return (
    <>
      <label>
        {props.numberLabel}
        <input ref={props.numberRef} name="tablet-number" type="text" inputMode="numeric" autocomplete="off" maxLength={6} required={props.numberRequired} />
      </label>
      <label>
        {props.pinLabel}
        <input ref={props.pinRef} name="pin" type="password" inputMode="numeric" autocomplete="off" required />
      </label>
      <Show when={props.error}>
        <p class="staff-error" role="alert">
          {props.error}
        </p>
      </Show>
    </>
  );
}
