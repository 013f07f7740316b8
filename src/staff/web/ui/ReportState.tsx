import { type Accessor, type JSX, Show } from 'solid-js';
import { t } from '../../../i18n/i18n.ts';
import { ErrorNotice } from './ErrorNotice.tsx';

/** What a report screen shows of its data from the server: the error, "loading" (announced), then the figures. */
export function ReportState<T>(props: {
  source: { data: () => T | undefined; error: () => unknown; loading: () => boolean };
  children: (data: Accessor<NonNullable<T>>) => JSX.Element;
}) {
  return (
    <>
      <ErrorNotice error={props.source.error()} />
      <Show when={props.source.loading()}>
        <p class="sw-note" role="status">
          {t('results:loading')}
        </p>
      </Show>
      <Show when={props.source.data()}>{(data) => props.children(data)}</Show>
    </>
  );
}
