import { Match, Switch } from 'solid-js';
import { t } from '../../../i18n/i18n.ts';

/** "met" / "not met" in words with an icon of its own shape, never by colour alone (WCAG 1.4.1). */
export function TargetVerdict(props: { met: boolean | null | undefined }) {
  return (
    <Switch fallback={<span class="sw-verdict sw-verdict--none">{t('results:target.unknown')}</span>}>
      <Match when={props.met === true}>
        <span class="sw-verdict sw-verdict--met">
          <svg class="sw-verdict__icon" viewBox="0 0 20 20" aria-hidden="true">
            <circle cx="10" cy="10" r="9" fill="currentColor" />
            <path d="M5.5 10.5l3 3 6-7" fill="none" stroke="#fff" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round" />
          </svg>
          {t('results:target.met')}
        </span>
      </Match>
      <Match when={props.met === false}>
        <span class="sw-verdict sw-verdict--not-met">
          <svg class="sw-verdict__icon" viewBox="0 0 20 20" aria-hidden="true">
            <rect x="1" y="1" width="18" height="18" rx="3" fill="currentColor" />
            <path d="M6 6l8 8M14 6l-8 8" fill="none" stroke="#fff" stroke-width="2.4" stroke-linecap="round" />
          </svg>
          {t('results:target.notMet')}
        </span>
      </Match>
    </Switch>
  );
}
