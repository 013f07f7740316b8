import { batch, createMemo, createSignal } from 'solid-js';
import type { Answers, AnswerValue } from '../survey/answers.ts';
import { makeUuidV7 } from '../survey/makeUuidV7.ts';
import type { SurveyDefinition } from '../survey/schema.ts';
import { relevantAnswers, visibleQuestions } from '../survey/visibleQuestions.ts';
import type { PlacedQuestion } from '../survey/walkItems.ts';
import type { AnswerChange, DeviceStore, ResponseRef } from '../device/deviceStore.ts';
import { classifyStorageError, type StorageFault } from '../device/storageFault.ts';
import type { SurveyLoad } from '../device/loadSurveyDefinition.ts';
import type { ResponseSealer, SealingKey } from '../survey/sealing.ts';
import { provideSpokenCommentSession } from './spokenCommentSession.ts';
import type { MediatorActions } from '../mediator/mediatorActions.ts';
import { loadSecondLanguage } from '../i18n/i18n.ts';
import type { Assistance, AssistantRole, HelpKind, MediatorNotes } from '../survey/responseEnvelope.ts';

export type KioskScreen =
  | 'attract' | 'language' | 'consent' | 'question' | 'thanks' | 'staff-message'
  // mediator mode: the mediator's sign-in and set-up, and their notes at the end
  | 'mediator-signin' | 'mediator-setup' | 'notes';

/** A mediator beside the respondent: who (an opaque reference only), in what role, reading which language. */
export interface MediatorPresence {
  staffRef: string;
  role: AssistantRole;
  /** The mediator's language, shown beside the respondent's. */
  language: string;
}

/** Why the kiosk cannot run a survey: shown to staff, never to a respondent midway. */
export type KioskProblem =
  | { kind: 'storage'; fault: StorageFault }
  | { kind: 'survey'; load: Exclude<SurveyLoad, { ok: true }> };

export interface KioskDependencies {
  /** Opens the tablet's storage (lazily: it is not needed to paint the first screen). */
  openStore: () => Promise<DeviceStore>;
  /** Checks there is room to store a response before one starts. */
  assertRoomToStore: () => Promise<void>;
  loadSurvey: (surveyId: string) => Promise<SurveyLoad>;
  /** Switches the app's own words to the respondent's language. */
  changeLanguage: (language: string) => Promise<void>;
  surveyId: string;
  deviceLanguage: string;
  /** The organisation's public key (from the device bundle): answers are sealed to it as they are given. */
  sealingKey?: () => Promise<SealingKey | undefined>;
  /** Called when a response has been closed into the outbox (to sync it soon). */
  onResponseClosed?: () => void;
  /** The withdrawal counter a withdrawn respondent adds 1 to (default: survey and quarter, src/device/withdrawalCounter.ts). */
  withdrawalKey?: (store: DeviceStore, surveyId: string, at: Date) => Promise<string>;
  /** Loads the mediator's language's words (shown beside the respondent's). */
  loadSecondLanguage?: (language: string) => Promise<void>;
  /** Staff preview: opens at the first question and stores nothing. */
  preview?: { language: string };
  now?: () => Date;
}

/**
 * The respondent flow as a state machine: attract → language → consent → questions →
 * thanks → attract. Every answer is written before the flow moves on; a respondent who
 * walks away or starts over leaves a partial response, and the next person starts clean.
 */
export function createKioskSession(deps: KioskDependencies) {
  const now = deps.now ?? (() => new Date());
  const [screen, setScreen] = createSignal<KioskScreen>(deps.preview ? 'question' : 'attract');
  const [language, setLanguage] = createSignal(deps.preview?.language ?? deps.deviceLanguage);
  const [survey, setSurvey] = createSignal<SurveyDefinition>();
  const [answers, setAnswers] = createSignal<Answers>({});
  const [position, setPosition] = createSignal(0);
  const [problem, setProblem] = createSignal<KioskProblem>();
  const [busy, setBusy] = createSignal(false);
  const [mediator, setMediator] = createSignal<MediatorPresence>();
  /** The survey this respondent answers: the kiosk's own, or the one the mediator chose. */
  const [surveyId, setSurveyId] = createSignal(deps.surveyId);
  /** Help the mediator marked, per question. */
  const [helped, setHelped] = createSignal<Record<string, HelpKind[]>>({});

  let responseRef: ResponseRef | undefined;
  /** The mediator whose PIN was just checked, until they begin (or the next person). */
  let signedInRef: string | undefined;
  /** This respondent's content key: in memory only, dropped when the next person starts. */
  let sealer: Promise<ResponseSealer | undefined> | undefined;
  let writes: Promise<void> = Promise.resolve();

  const sealerFor = (responseId: string) => {
    sealer ??= (async () => {
      const key = await deps.sealingKey?.();
      if (!key) return undefined;
      const { makeResponseSealer } = await import('../survey/sealing.ts');
      return makeResponseSealer(responseId, key);
    })();
    return sealer;
  };
  /** The folded answers sealed for the server, when this response is sealed. */
  const sealedFinal = async () => {
    const current = await sealer;
    return current ? current.sealFinal(answers()) : undefined;
  };
  let storePromise: Promise<DeviceStore> | undefined;

  /** Opens storage once and closes drafts a reload or crash left open, before anything new is written. */
  const store = (): Promise<DeviceStore> => {
    storePromise ??= deps.openStore().then(async (opened) => {
      await opened.closeAbandonedDrafts(now());
      return opened;
    });
    storePromise.catch(() => (storePromise = undefined));
    return storePromise;
  };

  let surveyPromise: Promise<SurveyDefinition | undefined> | undefined;
  let surveyPromiseId: string | undefined;
  const ensureSurvey = (): Promise<SurveyDefinition | undefined> => {
    const id = surveyId();
    if (surveyPromiseId !== id) surveyPromise = undefined;
    surveyPromiseId = id;
    surveyPromise ??= deps.loadSurvey(id).then((load) => {
      if (id !== surveyId()) return ensureSurvey();
      if (load.ok) {
        setSurvey(load.survey);
        return load.survey;
      }
      surveyPromise = undefined;
      fail({ kind: 'survey', load });
      return undefined;
    });
    return surveyPromise;
  };

  /** What the response records of the mediator's help so far (undefined without a mediator). */
  const assistance = (): Assistance | undefined => {
    const present = mediator();
    if (!present) return undefined;
    const marks = helped();
    const questions = Object.keys(marks).filter((id) => marks[id]!.length > 0);
    const kinds = [...new Set(questions.flatMap((id) => marks[id]!))].sort();
    return { role: present.role, kinds, questions, staffRef: present.staffRef, mediatorLanguage: present.language };
  };
  const newResponseRef = (definition: SurveyDefinition): ResponseRef => {
    const help = assistance();
    return { responseId: makeUuidV7(now().getTime()), surveyId: definition.id, surveyVersion: definition.version, language: language(), ...(help ? { assistance: help } : {}) };
  };

  const visible = createMemo<PlacedQuestion[]>(() => {
    const definition = survey();
    return definition ? visibleQuestions(definition, answers()) : [];
  });
  const current = createMemo<PlacedQuestion | undefined>(() => visible()[position()]);

  const fail = (next: KioskProblem) => {
    batch(() => {
      setProblem(next);
      setScreen('staff-message');
    });
  };

  /** The next person starts clean: no answers, no mediator, the kiosk's own survey and language. */
  const resetForNextPerson = () => {
    responseRef = undefined;
    signedInRef = undefined;
    sealer = undefined;
    writes = Promise.resolve();
    batch(() => {
      setAnswers({});
      setPosition(0);
      setHelped({});
      setMediator(undefined);
      setSurveyId(deps.surveyId);
      setLanguage(deps.deviceLanguage);
      setScreen('attract');
    });
    if (survey()?.id !== deps.surveyId) void ensureSurvey();
    void deps.changeLanguage(deps.deviceLanguage);
  };

  const queueWrite = (work: (opened: DeviceStore) => Promise<unknown>) => {
    writes = writes.then(async () => {
      await work(await store());
    });
    writes.catch((error: unknown) => fail({ kind: 'storage', fault: classifyStorageError(error) }));
    return writes;
  };

  /** Waits for every answer so far to be durable; false if storage failed. */
  const settled = async (): Promise<boolean> => {
    try {
      await writes;
      return true;
    } catch {
      return false;
    }
  };

  const closeCurrentAsPartial = async (reason: 'idle' | 'start-over' | 'mediator-left'): Promise<void> => {
    const ref = responseRef;
    if (!ref || deps.preview) return;
    if (!(await settled())) return;
    try {
      await (await store()).closeAsPartial(ref.responseId, reason, now(), await sealedFinal());
      deps.onResponseClosed?.();
    } catch (error) {
      fail({ kind: 'storage', fault: classifyStorageError(error) });
    }
  };

  /** Closes this respondent's response as complete (with the mediator's notes, sealed by src/mediator/mediatorActions.ts). */
  const complete = async (notes?: MediatorNotes) => {
    if (!responseRef || deps.preview) return;
    await (await store()).completeResponse(responseRef.responseId, now(), await sealedFinal(), notes);
    deps.onResponseClosed?.();
  };

  /** What the mediator's lazily loaded actions (src/mediator/mediatorActions.ts) work with. */
  const mediatorControl = {
    deps, now, screen, setScreen, busy, setBusy, mediator, setMediator, helped, setHelped, setSurveyId,
    ensureSurvey, store, queueWrite, settled, fail, complete, closeCurrentAsPartial, resetForNextPerson, assistance,
    responseRef: () => responseRef,
    sealer: () => sealer,
    signedIn: (ref: string | undefined) => (signedInRef = ref),
    signedInRef: () => signedInRef,
    loadSecondLanguage: deps.loadSecondLanguage ?? loadSecondLanguage,
  };
  let mediatorActions: Promise<MediatorActions> | undefined;

  if (deps.preview) void ensureSurvey();

  return {
    screen,
    language,
    survey,
    answers,
    problem,
    busy,
    visible,
    current,
    position,
    preview: Boolean(deps.preview),

    /** Loads what a survey needs while the attract screen is showing. */
    warmUp() {
      void ensureSurvey();
      if (!deps.preview) store().catch((error: unknown) => fail({ kind: 'storage', fault: classifyStorageError(error) }));
    },

    /**
     * Staff left their panel (an enrollment or a sync may have brought a newer survey
     * version): the next respondent gets what the tablet now has. Only between respondents.
     */
    reloadSurvey() {
      if (screen() !== 'attract' || deps.preview) return;
      surveyPromise = undefined;
      void ensureSurvey();
    },

    mediator,
    helped,
    /** Whether the survey the kiosk runs may only be answered with a mediator (the children's survey). */
    needsMediator: () => Boolean(survey()?.requiresMediator) && !mediator(),

    start() {
      if (screen() !== 'attract') return;
      setScreen('language');
      // A survey for minors never starts alone: the mediator signs in first.
      void ensureSurvey().then((definition) => {
        if (definition?.requiresMediator && !mediator() && screen() === 'language') setScreen('mediator-signin');
      });
    },

    /** A mediator asks to sign in (attract screen only: never in the middle of someone's survey). */
    openMediatorSignIn() {
      if (screen() === 'attract' && !deps.preview) setScreen('mediator-signin');
    },

    /** The mediator's actions (PIN, set-up, help marks, notes, leaving): a chunk a respondent alone never loads. */
    mediatorActions(): Promise<MediatorActions> {
      mediatorActions ??= import('../mediator/mediatorActions.ts').then((module) => module.makeMediatorActions(mediatorControl));
      mediatorActions.catch(() => (mediatorActions = undefined));
      return mediatorActions;
    },

    /**
     * The respondent changed their mind: everything they answered is deleted from the
     * tablet and only a count is kept. The next person starts clean.
     */
    async withdraw() {
      if (screen() !== 'question' || deps.preview) return;
      setBusy(true);
      try {
        await settled();
        const opened = await store();
        const counterKey = deps.withdrawalKey ?? (await import('../device/withdrawalCounter.ts')).withdrawalCounterKey;
        const key = await counterKey(opened, survey()?.id ?? surveyId(), now());
        await opened.withdrawDraft(responseRef?.responseId, key);
        resetForNextPerson();
        // The count goes to the server with the next sync, like a closed response.
        deps.onResponseClosed?.();
      } catch (error) {
        fail({ kind: 'storage', fault: classifyStorageError(error) });
      } finally {
        setBusy(false);
      }
    },

    async chooseLanguage(code: string) {
      setLanguage(code);
      await deps.changeLanguage(code);
      setScreen('consent');
    },

    /** Consent given: check the survey and storage can take a response, then show question 1. */
    async agree() {
      setBusy(true);
      try {
        const definition = await ensureSurvey();
        if (!definition) return;
        if (definition.requiresMediator && !mediator() && !deps.preview) {
          setScreen('mediator-signin');
          return;
        }
        if (!deps.preview) {
          await store();
          await deps.assertRoomToStore();
        }
        batch(() => {
          setPosition(0);
          setScreen('question');
        });
      } catch (error) {
        fail({ kind: 'storage', fault: classifyStorageError(error) });
      } finally {
        setBusy(false);
      }
    },

    decline: resetForNextPerson,

    /** Records an answer (null clears it); answers hidden by the change are cleared with it. */
    answer(questionId: string, value: AnswerValue | null) {
      const definition = survey();
      if (!definition || screen() !== 'question') return;
      const before = answers();
      const proposed: Answers = { ...before };
      if (value === null) delete proposed[questionId];
      else proposed[questionId] = value;
      const after = relevantAnswers(definition, proposed);
      const changes: AnswerChange[] = [{ questionId, value }];
      for (const id of Object.keys(before)) if (id !== questionId && !(id in after)) changes.push({ questionId: id, value: null });
      setAnswers(after);
      if (deps.preview) return;
      responseRef ??= newResponseRef(definition);
      const ref = responseRef;
      void queueWrite(async (opened) => opened.recordAnswers(ref, changes, now(), await sealerFor(ref.responseId)));
    },

    /** Spoken comments (SpokenAnswer.tsx): the voice is sealed with this response's key and stored before any answer names it. */
    ...provideSpokenCommentSession({
      async canRecordSpoken() {
        if (deps.preview) return false;
        return Boolean(await deps.sealingKey?.().catch(() => undefined));
      },

      async recordSpoken(questionId: string, audio: ArrayBuffer, mime: string, durationMs: number): Promise<string> {
        const definition = survey();
        if (!definition || screen() !== 'question' || deps.preview) throw new Error('a spoken comment is kept only during a survey');
        responseRef ??= newResponseRef(definition);
        const ref = responseRef;
        const active = await sealerFor(ref.responseId);
        // Never a voice in the clear: without the organisation's key nothing is kept.
        if (!active) throw new Error('this tablet has no sealing key');
        const clipId = crypto.randomUUID();
        const before = answers();
        const after = relevantAnswers(definition, { ...before, [questionId]: clipId });
        const changes: AnswerChange[] = [{ questionId, value: clipId }];
        for (const id of Object.keys(before)) if (id !== questionId && !(id in after)) changes.push({ questionId: id, value: null });
        await queueWrite(async (opened) => {
          const [{ saveSpokenClip }, { spokenAad }] = await Promise.all([import('../device/spokenClips.ts'), import('../survey/sealing.ts')]);
          const sealed = await active.sealBytes(audio, spokenAad(ref.responseId, questionId));
          await saveSpokenClip(opened, { responseId: ref.responseId, questionId, clipId, mime, iv: sealed.iv, ct: sealed.ct, durationMs }, now());
          await opened.recordAnswers(ref, changes, now(), active);
        });
        setAnswers(after);
        return clipId;
      },

      async discardSpoken(questionId: string): Promise<void> {
        const definition = survey();
        const ref = responseRef;
        if (!definition || !ref || deps.preview) return;
        const before = answers();
        const { [questionId]: _withdrawn, ...rest } = before;
        const after = relevantAnswers(definition, rest);
        const changes: AnswerChange[] = [{ questionId, value: null }];
        for (const id of Object.keys(before)) if (id !== questionId && !(id in after)) changes.push({ questionId: id, value: null });
        await queueWrite(async (opened) => {
          const { deleteSpokenClip } = await import('../device/spokenClips.ts');
          // The voice goes first: a withdrawn recording must not reach the server even if clearing the answer fails.
          await deleteSpokenClip(opened, ref.responseId, questionId);
          await opened.recordAnswers(ref, changes, now(), await sealerFor(ref.responseId));
        });
        setAnswers(after);
      },
    }),

    async next() {
      if (busy()) return;
      setBusy(true);
      try {
        if (!(await settled())) return;
        if (position() + 1 < visible().length) {
          setPosition(position() + 1);
          return;
        }
        // With a mediator, their notes come before the end.
        if (mediator() && !deps.preview) {
          setScreen('notes');
          return;
        }
        await complete();
        setScreen('thanks');
      } catch (error) {
        fail({ kind: 'storage', fault: classifyStorageError(error) });
      } finally {
        setBusy(false);
      }
    },

    back() {
      if (screen() === 'notes') setScreen('question');
      else if (screen() === 'mediator-signin' || screen() === 'mediator-setup') resetForNextPerson();
      else if (screen() === 'question' && position() > 0) setPosition(position() - 1);
      else if (screen() === 'question' && !deps.preview) setScreen('consent');
      else if (screen() === 'consent') setScreen('language');
      else if (screen() === 'language') setScreen('attract');
    },

    /** Ends this respondent's survey, keeping what they answered as a partial response. */
    async startOver() {
      await closeCurrentAsPartial('start-over');
      if (screen() !== 'staff-message') resetForNextPerson();
    },

    /** The respondent walked away: keep their answers as partial, show the next person nothing. */
    async walkedAway() {
      await closeCurrentAsPartial('idle');
      if (screen() !== 'staff-message') resetForNextPerson();
    },

    finishThanks() {
      if (screen() === 'thanks') resetForNextPerson();
    },

    /** Staff dismissed a problem: try again from the attract screen. */
    retry() {
      batch(() => setProblem(undefined));
      resetForNextPerson();
    },
  };
}

export type KioskSession = ReturnType<typeof createKioskSession>;
