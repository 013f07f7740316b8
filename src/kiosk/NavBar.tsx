import { Show, type JSX } from 'solid-js';
import { t } from '../i18n/i18n.ts';
import { Pictogram } from '../ui/Pictogram.tsx';

/** Back on the start side, forward on the end side: flex order mirrors by itself in RTL. */
export function NavBar(props: {
  onBack?: (() => void) | undefined;
  onStartOver?: (() => void) | undefined;
  next?: JSX.Element;
}) {
  return (
    <nav class="nav-bar">
      <Show when={props.onBack} fallback={<span />}>
        {(onBack) => (
          <button type="button" class="nav-button" onClick={() => onBack()()}>
            <Pictogram name="back" mirrorInRtl class="pictogram--inline" />
            {t('nav.back')}
          </button>
        )}
      </Show>
      <Show when={props.onStartOver}>
        {(onStartOver) => (
          <button type="button" class="nav-button nav-button--quiet" onClick={() => onStartOver()()}>
            <Pictogram name="start-over" class="pictogram--inline" />
            {t('nav.startOver')}
          </button>
        )}
      </Show>
      {props.next ?? <span />}
    </nav>
  );
}
