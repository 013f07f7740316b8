import { createEffect, createMemo, createSignal, lazy, Match, on, onCleanup, onMount, Show, Suspense, Switch, untrack } from 'solid-js';
import type { DeviceServices } from '../staff/device/deviceServices.ts';
import { currentLanguage, missingKeys, t, tIn } from '../i18n/i18n.ts';
import { languageInfo } from '../survey/languages.ts';
import { formatBytes } from '../ui/formatBytes.ts';
import type { KioskSession } from './createKioskSession.ts';
import { createIdleTimer } from './createIdleTimer.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { PromptAudioContext, type PromptAudio, type PromptScreen } from './createPromptAudio.ts';
import { IdleOverlay } from './IdleOverlay.tsx';
import { AttractScreen } from './screens/AttractScreen.tsx';
import { LanguageScreen } from './screens/LanguageScreen.tsx';
import { ThanksScreen } from './screens/ThanksScreen.tsx';


export interface KioskSettings {
  idleTimeoutSeconds: number;
  idleWarningSeconds: number;
  /** Languages the app has words for (public/locales); the picker offers those the survey has too. */
  appLanguages: readonly string[];
  /** The words of the start-over question where answers so far are deleted, not kept (an invitation). */
  startOverKey?: string;
}

/** How long the attract screen stands before the audio engine loads without a touch. */
const AUDIO_ENGINE_DELAY_MS = 2000;

// Staff screens are a separate chunk: a respondent's kiosk never loads them.
const DevicePanel = lazy(() => import('../staff/device/DevicePanel.tsx'));
// The mediator's own screens, one chunk loaded when a mediator signs in.
const mediatorViews = () => import('../mediator/MediatorViews.ts');
const MediatorSignInScreen = lazy(async () => ({ default: (await mediatorViews()).MediatorSignInScreen }));
const MediatorSetupScreen = lazy(async () => ({ default: (await mediatorViews()).MediatorSetupScreen }));
const MediatorBanner = lazy(async () => ({ default: (await mediatorViews()).MediatorBanner }));
const HelpMarks = lazy(async () => ({ default: (await mediatorViews()).HelpMarks }));
const NotesScreen = lazy(async () => ({ default: (await mediatorViews()).NotesScreen }));
// The survey's own screens: loaded at the first touch, while the respondent picks a language.
const respondentViews = () => import('./respondentViews.ts');
const ConsentScreen = lazy(async () => ({ default: (await respondentViews()).ConsentScreen }));
const QuestionScreen = lazy(async () => ({ default: (await respondentViews()).QuestionScreen }));
// Shown to staff only when storage or the survey fails.
const StaffMessageScreen = lazy(async () => ({ default: (await import('./screens/StaffMessageScreen.tsx')).StaffMessageScreen }));

/** The respondent's whole experience, one screen at a time. */
export function KioskApp(props: {
  session: KioskSession;
  settings: KioskSettings;
  onAttract?: () => void;
  staff?: DeviceServices;
  /** Free storage, checked at each attract screen so staff are warned before it runs out. */
  storageRoom?: () => Promise<{ free: number; low: boolean } | undefined>;
  /** Prompt audio (main.tsx makes it); without it the kiosk works by text and pictogram alone. */
  audio?: PromptAudio;
}) {
  const session = props.session;
  // A preview opens at a question: its screens load at once, alongside the survey.
  if (session.screen() !== 'attract') void respondentViews();
  const [staffOpen, setStaffOpen] = createSignal(false);
  const [lowStorage, setLowStorage] = createSignal<number>();
  const [idle, setIdle] = createSignal(false);
  const [confirmStartOver, setConfirmStartOver] = createSignal(false);
  const [confirmEndMediator, setConfirmEndMediator] = createSignal(false);

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

  // Someone is at the tablet: a walk-away closes their survey (and a mediator's sign-in) after the idle time.
  const active = () => ['language', 'consent', 'question', 'mediator-signin', 'mediator-setup', 'notes'].includes(session.screen()) && !session.preview;
  const timer = createIdleTimer(() => props.settings.idleTimeoutSeconds * 1000, active, () => setIdle(true));
  createEffect(on(session.screen, (screen) => {
    setIdle(false);
    setConfirmStartOver(false);
    setConfirmEndMediator(false);
    timer.arm();
    // Someone touched the tablet: the survey's screens load while they choose a language.
    if (screen === 'language' || screen === 'mediator-signin') void respondentViews();
    if (screen === 'attract') {
      props.onAttract?.();
      props.storageRoom?.().then((room) => setLowStorage(room?.low ? room.free : undefined), () => undefined);
    }
  }));

  // Storage and the survey load once the attract screen has painted, not before.
  onMount(() => setTimeout(() => session.warmUp(), 50));
  // The audio engine loads at the first touch, or once the attract screen has stood a
  // while: before any touch most browsers refuse sound anyway, and the first screen's
  // own downloads come first.
  onMount(() => {
    const startAudio = () => {
      clearTimeout(audioTimer);
      document.removeEventListener('pointerdown', startAudio, true);
      void props.audio?.start();
    };
    const audioTimer = setTimeout(startAudio, AUDIO_ENGINE_DELAY_MS);
    document.addEventListener('pointerdown', startAudio, true);
    onCleanup(() => {
      clearTimeout(audioTimer);
      document.removeEventListener('pointerdown', startAudio, true);
    });
  });

  // What is showing, for prompt audio: a dialog over a screen speaks instead of it. Keyed by
  // question id (not the answers), so answering never restarts the reading.
  const promptScreen = createMemo<PromptScreen | undefined>(() => {
    if (staffOpen()) return undefined;
    const screen = session.screen();
    const questionId = currentQuestionId();
    const language = currentLanguage();
    if (idle()) return { screen: 'idle', language };
    if (confirmStartOver()) return { screen: 'startOver', language };
    // The mediator's screens are read by the mediator, not spoken.
    if (screen === 'mediator-signin' || screen === 'mediator-setup' || screen === 'notes') return undefined;
    if (screen === 'attract' || screen === 'thanks') return { screen, language };
    if (screen === 'language') return { screen, language: untrack(currentLanguage), languages: languages() };
    if (screen === 'consent') return { screen, language, survey: session.survey() };
    const survey = session.survey();
    if (screen !== 'question' || !questionId || !survey) return undefined;
    return untrack(() => ({
      screen: 'question' as const,
      language: session.language(),
      fallbackLanguage: fallbackLanguage(),
      survey,
      question: session.current()!.question,
      answered: session.answers()[questionId] !== undefined,
    }));
  });
  let showTimer: ReturnType<typeof setTimeout> | undefined;
  createEffect(
    on(promptScreen, (next) => {
      // Sound stops the moment the screen changes; the next screen speaks once its words
      // have settled (a language switch lands a moment after the screen does).
      props.audio?.stop();
      clearTimeout(showTimer);
      if (next?.screen === 'question') {
        // A question's words are already in its language: it speaks at once (budget 150 ms).
        performance.mark('sayso:question-shown');
        props.audio?.show(next);
        // While this one is read, ready the next question's first clip (it starts faster).
        const following = untrack(() => session.visible()[session.position() + 1]?.question);
        if (following) props.audio?.prefetch({ ...next, question: following, answered: false });
      } else {
        showTimer = setTimeout(() => {
          props.audio?.show(next);
          // Consent comes before question 1: ready its first clip meanwhile.
          const first = next?.screen === 'consent' ? untrack(() => session.visible()[0]?.question) : undefined;
          if (next?.screen === 'consent' && next.survey && first) {
            props.audio?.prefetch({ screen: 'question', language: session.language(), fallbackLanguage: fallbackLanguage(), survey: next.survey, question: first, answered: false });
          }
        }, 0);
      }
    }),
  );
  onCleanup(() => clearTimeout(showTimer));
  createEffect(
    // At each attract screen, and when staff close their panel (a new recording, a changed setting).
    on([session.screen, session.survey, staffOpen], ([screen, survey, open]) => {
      if (screen === 'attract' && !open) void props.audio?.refresh(languages(), survey);
    }),
  );

  const staffNotices = createMemo(() => [
    ...Object.entries(missingKeys())
      .filter(([, keys]) => keys.length > 0)
      .map(([code]) => t('staff.translationMissing', { language: languageInfo(code).englishName, fallback: 'English' })),
    ...(lowStorage() !== undefined ? [t('staff.storageLow', { free: formatBytes(lowStorage()) })] : []),
    ...(props.audio?.silentLanguages() ?? []).map((gap) => t('audio.silentLanguage', { language: languageInfo(gap.language).englishName, silent: gap.silent, total: gap.total })),
    ...((props.audio?.failedClips() ?? 0) > 0 ? [t('audio.clipsFailed', { failed: props.audio!.failedClips() })] : []),
  ]);

  return (
    <PromptAudioContext.Provider value={props.audio}>
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
              <DevicePanel
                services={services()}
                onClose={() => {
                  setStaffOpen(false);
                  session.reloadSurvey();
                }}
              />
            </Suspense>
          )}
        </Match>
        <Match when={session.screen() === 'attract'}>
          <AttractScreen
            onStart={session.start}
            onStaff={props.staff && !session.preview ? () => setStaffOpen(true) : undefined}
            onMediator={session.preview ? undefined : session.openMediatorSignIn}
            staffNotices={staffNotices()}
          />
        </Match>
        <Match when={session.screen() === 'mediator-signin'}>
          <Suspense>
            <MediatorSignInScreen needed={session.needsMediator()} onCheck={async (number, pin) => (await session.mediatorActions()).checkMediatorPin(number, pin)} onCancel={session.back} />
          </Suspense>
        </Match>
        <Match when={session.screen() === 'mediator-setup'}>
          <Suspense>
            <MediatorSetupScreen
              deviceLanguage={currentLanguage()}
              languages={props.settings.appLanguages}
              surveys={async () => (await session.mediatorActions()).mediatorSurveys()}
              onBegin={(input) => void session.mediatorActions().then((actions) => actions.beginMediator(input))}
              onCancel={session.back}
            />
          </Suspense>
        </Match>
        <Match when={session.screen() === 'notes' && session.mediator()}>
          {(present) => (
            <Suspense>
              <NotesScreen language={present().language} busy={session.busy()} onFinish={(text) => void session.mediatorActions().then((actions) => actions.finishWithNotes(text))} onBack={session.back} />
            </Suspense>
          )}
        </Match>
        <Match when={session.screen() === 'language'}>
          <LanguageScreen languages={languages()} onChoose={(code) => void session.chooseLanguage(code)} onBack={session.back} />
        </Match>
        <Match when={session.screen() === 'consent'}>
          <ConsentScreen
            secondLanguage={session.mediator()?.language}
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
                secondLanguage={session.mediator()?.language}
                mediatorTools={
                  <Show when={session.mediator()}>
                    {(present) => (
                      <Suspense>
                        <HelpMarks language={present().language} marked={session.helped()[questionId] ?? []} onToggle={(kind) => void session.mediatorActions().then((actions) => actions.toggleHelp(questionId, kind))} />
                      </Suspense>
                    )}
                  </Show>
                }
              />
            )}
          </Show>
        </Match>
        <Match when={session.screen() === 'thanks'}>
          <ThanksScreen onDone={session.finishThanks} preview={session.preview} />
        </Match>
        <Match when={session.screen() === 'staff-message' && session.problem()}>
          {(problem) => (
            <Suspense>
              <StaffMessageScreen problem={problem()} onRetry={session.retry} />
            </Suspense>
          )}
        </Match>
      </Switch>
      <Show when={session.mediator() && session.screen() !== 'staff-message' && !staffOpen()}>
        <Suspense>
          <MediatorBanner mediator={session.mediator()!} onEnd={() => setConfirmEndMediator(true)} />
        </Suspense>
      </Show>
      <Show when={confirmStartOver()}>
        <ConfirmDialog
          message={t(props.settings.startOverKey ?? 'nav.startOverConfirm')}
          yes={t('nav.startOverYes')}
          no={t('nav.startOverNo')}
          onYes={() => void session.startOver()}
          onNo={() => setConfirmStartOver(false)}
          // "I changed my mind": nothing of this person is kept but a count.
          alternative={session.screen() === 'question' ? { label: t('nav.withdraw'), pictogram: 'no', onChoose: () => void session.withdraw() } : undefined}
        />
      </Show>
      <Show when={confirmEndMediator() && session.mediator()}>
        {(present) => (
          <ConfirmDialog
            message={tIn(present().language, 'mediator.endConfirm')}
            yes={tIn(present().language, 'mediator.endYes')}
            no={tIn(present().language, 'mediator.endNo')}
            onYes={() => void session.mediatorActions().then((actions) => actions.endMediator())}
            onNo={() => setConfirmEndMediator(false)}
          />
        )}
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
    </PromptAudioContext.Provider>
  );
}
