import { For, Show } from 'solid-js';
import { t, tIn } from '../../i18n/i18n.ts';
import { SheetQr } from '../../inspector/print/SheetQr.tsx';
import { formatInvitationCode, invitationPath } from '../../survey/invitations/invitationCode.ts';
import { languageInfo } from '../../survey/languages.ts';
import { invitationLink, slipPages } from './slipPages.ts';

export interface SlipJob {
  codes: string[];
  /** The slip's languages (at most three), each loaded with loadSecondLanguage before showing. */
  languages: string[];
  origin: string;
}

/**
 * A4 sheets of ten invitation slips (two columns of five, dashed cut lines), each with a QR
 * code of <origin>/i/CODE, the invitation in the first language, the code as people read it
 * out, the link in words, and the anonymity promise in the slip's languages (up to three),
 * each in its own direction.
 */
export function InvitationSlips(props: { job: SlipJob }) {
  return (
    // The slip reads in its first language's direction, whatever the staff member's screen does.
    <div class="wv-slips" lang={props.job.languages[0]} dir={languageInfo(props.job.languages[0] ?? 'en').dir}>
      <For each={slipPages(props.job.codes)}>
        {(page) => (
          <div class="wv-page">
            <For each={page}>
              {(code) => {
                const link = invitationLink(props.job.origin, invitationPath(code));
                return (
                  <div class="wv-slip">
                    <SheetQr text={link} label={t('waves:slip.qrLabel')} />
                    <div class="wv-slip__text">
                      <Show when={props.job.languages[0]}>
                        {(first) => <p class="wv-slip__invite" lang={first()} dir={languageInfo(first()).dir}>{tIn(first(), 'waves:slip.invite')}</p>}
                      </Show>
                      <p class="wv-slip__code" dir="ltr">{formatInvitationCode(code)}</p>
                      <p class="wv-slip__link" dir="ltr">{link}</p>
                      <For each={props.job.languages}>
                        {(language) => (
                          <p class="wv-slip__anonymous" lang={language} dir={languageInfo(language).dir}>{tIn(language, 'waves:slip.anonymous')}</p>
                        )}
                      </For>
                    </div>
                  </div>
                );
              }}
            </For>
          </div>
        )}
      </For>
    </div>
  );
}
