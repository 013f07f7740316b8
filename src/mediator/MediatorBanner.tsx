import './mediator.css';
import { Show } from 'solid-js';
import { currentLanguage, t, tIn } from '../i18n/i18n.ts';
import { languageInfo } from '../survey/languages.ts';
import { Pictogram } from '../ui/Pictogram.tsx';
import type { MediatorPresence } from '../kiosk/createKioskSession.ts';

/** Always on screen in mediator mode: the respondent sees a mediator is present; the mediator can leave. */
export function MediatorBanner(props: { mediator: MediatorPresence; onEnd: () => void }) {
  const second = () => (props.mediator.language !== currentLanguage() ? props.mediator.language : undefined);
  return (
    <aside class="mediator-banner" aria-label={t('mediator.banner.present')}>
      <p class="mediator-banner__text" role="status">
        <Pictogram name="help" class="pictogram--inline" />
        <span>{t('mediator.banner.present')}</span>
        <Show when={second()}>
          {(code) => (
            <span class="mediator-banner__second" lang={code()} dir={languageInfo(code()).dir}>
              {tIn(code(), 'mediator.banner.present')} · {tIn(code(), `mediator.roles.${props.mediator.role}`)}
            </span>
          )}
        </Show>
      </p>
      <button type="button" class="nav-button nav-button--quiet" lang={props.mediator.language} dir={languageInfo(props.mediator.language).dir} onClick={() => props.onEnd()}>
        {tIn(props.mediator.language, 'mediator.end')}
      </button>
    </aside>
  );
}
