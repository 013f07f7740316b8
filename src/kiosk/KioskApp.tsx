import { createEffect, createMemo, createSignal, lazy, Match, on, onMount, Show, Suspense, Switch } from 'solid-js';
import type { DeviceServices } from '../staff/device/deviceServices.ts';
import { currentLanguage, missingKeys, t } from '../i18n/i18n.ts';
import { languageInfo } from '../survey/languages.ts';
import { formatBytes } from '../ui/formatBytes.ts';
import type { KioskSession } from './createKioskSession.ts';
import { createIdleTimer } from './createIdleTimer.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { IdleOverlay } from './IdleOverlay.tsx';
import { AttractScreen } from './screens/AttractScreen.tsx';
import { ConsentScreen } from './screens/ConsentScreen.tsx';
import { LanguageScreen } from './screens/LanguageScreen.tsx';
import { QuestionScreen } from './screens/QuestionScreen.tsx';
import { StaffMessageScreen } from './screens/StaffMessageScreen.tsx';
import { ThanksScreen } from './screens/ThanksScreen.tsx';

export interface KioskSettings {
  idleTimeoutSeconds: number;
  idleWarningSeconds: number;
  /** Languages the app has words for (public/locales); the picker offers those the survey has too. */
  appLanguages: readonly string[];
}

// Staff screens are a separate chunk: a respondent's kiosk never loads them.
const DevicePanel = lazy(() => import('../staff/device/DevicePanel.tsx'));

/** The respondent's whole experience, one screen at a time. */
export function KioskApp(props: {
  session: KioskSession;
  settings: KioskSettings;
  onAttract?: () => void;
  staff?: DeviceServices;
  /** Free storage, checked at each attract screen so staff are warned before it runs out. */
  storageRoom?: () => Promise<{ free: number; low: boolean } | undefined>;
}) {
  const session = props.session;
  const [staffOpen, setStaffOpen] = createSignal(false);
  const [lowStorage, setLowStorage] = createSignal<number>();
  const [idle, setIdle] = createSignal(false);
  const [confirmStartOver, setConfirmStartOver] = createSignal(false);

  const currentQuestionId = createMemo(() => session.current()?.question.id);
  const fallbackLanguage = () => session.survey()?.defaultLanguage ?? 'en';
  const languages = createMemo(() => {
    const surveyLanguages = session.survey()?.languages;
    return surveyLanguages ? surveyLanguages.filter((code) => props.settings.appLanguages.includes(code)) : [...props.settings.appLanguages];
  });

  // The page speaks the respondent's language: lang for screen readers and fonts, dir for RTL.
  createEffect(() => {
    const info = languageInfo(currentLanguage());
    document.documentElement.lang = info.code;
    document.documentElement.dir = info.dir;
  });

  const active = () => ['language', 'consent', 'question'].includes(session.screen()) && !session.preview;
  const timer = createIdleTimer(() => props.settings.idleTimeoutSeconds * 1000, active, () => setIdle(true));
  createEffect(on(session.screen, (screen) => {
    setIdle(false);
    setConfirmStartOver(false);
    timer.arm();
    if (screen === 'attract') {
      props.onAttract?.();
      props.storageRoom?.().then((room) => setLowStorage(room?.low ? room.free : undefined), () => undefined);
    }
  }));

  // Storage and the survey load once the attract screen has painted, not before.
  onMount(() => setTimeout(() => session.warmUp(), 50));

  const staffNotices = createMemo(() => [
    ...Object.entries(missingKeys())
      .filter(([, keys]) => keys.length > 0)
      .map(([code]) => t('staff.translationMissing', { language: languageInfo(code).englishName, fallback: 'English' })),
    ...(lowStorage() !== undefined ? [t('staff.storageLow', { free: formatBytes(lowStorage()) })] : []),
  ]);

  return (
    <div class="kiosk" classList={{ 'is-preview': session.preview }}>
      <Show when={session.preview}>
        <p class="preview-banner" role="status">
          {t('preview.banner')}
        </p>
      </Show>
      <Switch>
        <Match when={staffOpen() && props.staff}>
          {(services) => (
            <Suspense>
              <DevicePanel services={services()} onClose={() => setStaffOpen(false)} />
            </Suspense>
          )}
        </Match>
        <Match when={session.screen() === 'attract'}>
          <AttractScreen onStart={session.start} onStaff={props.staff && !session.preview ? () => setStaffOpen(true) : undefined} staffNotices={staffNotices()} />
        </Match>
        <Match when={session.screen() === 'language'}>
          <LanguageScreen languages={languages()} onChoose={(code) => void session.chooseLanguage(code)} onBack={session.back} />
        </Match>
        <Match when={session.screen() === 'consent'}>
          <ConsentScreen
            minutes={session.survey()?.estimatedMinutes}
            busy={session.busy()}
            onAgree={() => void session.agree()}
            onDecline={session.decline}
            onBack={session.back}
          />
        </Match>
        <Match when={session.screen() === 'question'}>
          {/* Keyed by question id: each question gets fresh controls, and focus is not lost on a tap. */}
          <Show when={currentQuestionId()} keyed>
            {(questionId) => (
              <QuestionScreen
                placed={session.current()!}
                position={session.position()}
                total={session.visible().length}
                language={session.language()}
                fallbackLanguage={fallbackLanguage()}
                answer={session.answers()[questionId]}
                busy={session.busy()}
                onAnswer={(value) => session.answer(questionId, value)}
                onNext={() => void session.next()}
                onBack={session.position() > 0 || !session.preview ? session.back : undefined}
                onStartOver={session.preview ? undefined : () => setConfirmStartOver(true)}
              />
            )}
          </Show>
        </Match>
        <Match when={session.screen() === 'thanks'}>
          <ThanksScreen onDone={session.finishThanks} preview={session.preview} />
        </Match>
        <Match when={session.screen() === 'staff-message' && session.problem()}>
          {(problem) => <StaffMessageScreen problem={problem()} onRetry={session.retry} />}
        </Match>
      </Switch>
      <Show when={confirmStartOver()}>
        <ConfirmDialog
          message={t('nav.startOverConfirm')}
          yes={t('nav.startOverYes')}
          no={t('nav.startOverNo')}
          onYes={() => void session.startOver()}
          onNo={() => setConfirmStartOver(false)}
        />
      </Show>
      <Show when={idle()}>
        <IdleOverlay
          seconds={props.settings.idleWarningSeconds}
          onContinue={() => {
            setIdle(false);
            timer.arm();
          }}
          onExpire={() => {
            setIdle(false);
            void session.walkedAway();
          }}
        />
      </Show>
    </div>
  );
}
