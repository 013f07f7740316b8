import { createEffect, createMemo, Match, on, Show, Switch } from 'solid-js';
import { currentLanguage, t } from '../i18n/i18n.ts';
import { KioskApp } from '../kiosk/KioskApp.tsx';
import { LAUNCH_LANGUAGES, languageInfo } from '../survey/languages.ts';
import type { InvitationOffer } from '../survey/invitations/invitationResponse.ts';
import type { KioskSession } from '../kiosk/createKioskSession.ts';
import type { InvitationFlow } from './createInvitationFlow.ts';
import { InvitationMessage } from './InvitationMessage.tsx';
import './invitation.css';

/** Ten minutes without a touch before "Are you still there?": a phone is its owner's, but a tablet's browser is shared. */
const IDLE_SECONDS = 600;

/**
 * The invitation's screens: its own before and after (opening, errors, sending, sent),
 * and the kiosk's own screens (language, consent, questions) while the resident answers.
 */
export function InvitationApp(props: { flow: InvitationFlow; makeSession: (offer: InvitationOffer) => KioskSession }) {
  const flow = props.flow;
  const sessionFor = createMemo(() => {
    const current = flow.state();
    return current.step === 'answering' ? props.makeSession(current.offer) : undefined;
  });
  // The invitation starts at the language screen: a phone has no attract screen.
  createEffect(on(sessionFor, (session) => session?.start()));
  // The kiosk's thanks screen speaks of a tablet and its next person: on a phone, finishing shows how the answers travel instead.
  const finished = () => sessionFor()?.screen() === 'thanks';
  // The kiosk returns to its attract screen when someone leaves before the end (start over, withdraw, idle).
  const atAttract = () => sessionFor()?.screen() === 'attract';
  const delivery = () => (flow.delivery() === 'none' && finished() ? 'sending' : flow.delivery());
  createEffect(on(atAttract, (back) => {
    if (back && flow.delivery() === 'none') void flow.leftUnfinished();
  }));
  createEffect(() => {
    const info = languageInfo(currentLanguage());
    document.documentElement.lang = info.code;
    document.documentElement.dir = info.dir;
  });
  const retry = () => ({ label: t('invitation:screens.retry'), pictogram: 'start-over' as const, onClick: () => void flow.open() });

  return (
    <div class="kiosk invitation">
      <Switch>
        <Match when={delivery() !== 'none' && (finished() || atAttract() || !sessionFor())}>
          <Switch>
            <Match when={delivery() === 'sending'}>
              <InvitationMessage live pictogram="done" title={t('invitation:screens.sendingTitle')} text={t('invitation:screens.sending')} />
            </Match>
            <Match when={delivery() === 'waiting'}>
              <InvitationMessage live pictogram="done" title={t('invitation:screens.waitingTitle')} text={t('invitation:screens.waiting')} />
            </Match>
            <Match when={delivery() === 'sent'}>
              <InvitationMessage live pictogram="thanks" title={t('invitation:screens.sentTitle')} text={t('invitation:screens.sent')} />
            </Match>
            <Match when={delivery() === 'lost-used'}>
              <InvitationMessage live pictogram="warning" title={t('invitation:screens.usedTitle')} text={t('invitation:screens.lostUsed')} />
            </Match>
            <Match when={delivery() === 'lost-closed'}>
              <InvitationMessage live pictogram="warning" title={t('invitation:screens.closedTitle')} text={t('invitation:screens.lostClosed')} />
            </Match>
            <Match when={delivery() === 'refused'}>
              <InvitationMessage live pictogram="warning" title={t('invitation:screens.refusedTitle')} text={t('invitation:screens.refused')} />
            </Match>
          </Switch>
        </Match>
        <Match when={sessionFor()}>
          {(session) => (
            <Show
              when={!atAttract()}
              fallback={
                <InvitationMessage
                  pictogram="start-over"
                  title={t('invitation:screens.stoppedTitle')}
                  text={t('invitation:screens.stopped')}
                  action={{ label: t('invitation:screens.startAgain'), pictogram: 'start', onClick: () => session().start() }}
                />
              }
            >
              <KioskApp session={session()} settings={{ idleTimeoutSeconds: IDLE_SECONDS, idleWarningSeconds: 30, appLanguages: LAUNCH_LANGUAGES, startOverKey: 'invitation:screens.startOverConfirm' }} />
            </Show>
          )}
        </Match>
        <Match when={flow.state().step === 'loading'}>
          <InvitationMessage live pictogram="survey" title={t('invitation:title')} text={t('invitation:screens.loading')} />
        </Match>
        <Match when={flow.state().step === 'unreachable'}>
          <InvitationMessage pictogram="warning" title={t('invitation:screens.unreachableTitle')} text={t('invitation:screens.unreachable')} action={retry()} />
        </Match>
        <Match when={flow.state().step === 'storage'}>
          <InvitationMessage pictogram="warning" title={t('invitation:screens.storageTitle')} text={t('invitation:screens.storage')} action={retry()} />
        </Match>
        <Match when={flow.state().step === 'used'}>
          <InvitationMessage pictogram="done" title={t('invitation:screens.usedTitle')} text={t('invitation:screens.used')} />
        </Match>
        <Match when={flow.state().step === 'unknown'}>
          <InvitationMessage pictogram="warning" title={t('invitation:screens.unknownTitle')} text={t('invitation:screens.unknown')} />
        </Match>
        <Match when={flow.state().step === 'invalid'}>
          <InvitationMessage pictogram="warning" title={t('invitation:screens.invalidTitle')} text={t('invitation:screens.invalid')} />
        </Match>
        <Match when={flow.state().step === 'closed'}>
          <InvitationMessage pictogram="idle" title={t('invitation:screens.closedTitle')} text={t('invitation:screens.closed')} />
        </Match>
      </Switch>
    </div>
  );
}
