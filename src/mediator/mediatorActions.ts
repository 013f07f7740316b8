import type { Accessor, Setter } from 'solid-js';
import { checkStaffPin, type StaffPinCheck } from '../device/staffPinGate.ts';
import type { DeviceStore } from '../device/deviceStore.ts';
import type { KioskDependencies, KioskProblem, KioskScreen, MediatorPresence } from '../kiosk/createKioskSession.ts';
import type { Assistance, AssistantRole, HelpKind, MediatorNotes } from '../survey/responseEnvelope.ts';
import type { ResponseRef } from '../device/deviceStore.ts';
import { classifyStorageError } from '../device/storageFault.ts';
import { mediatorNotesAad, toBase64url, type ResponseSealer } from '../survey/sealing.ts';
import type { SurveyDefinition } from '../survey/schema.ts';

/** Built-in surveys that only run with a mediator (offered on the mediator's set-up screen). */
const MEDIATED_SURVEYS = ['children-satisfaction'];

/** The kiosk session's state the mediator's actions read and change (createKioskSession hands it in). */
export interface MediatorControl {
  deps: KioskDependencies;
  now: () => Date;
  screen: Accessor<KioskScreen>;
  setScreen: Setter<KioskScreen>;
  busy: Accessor<boolean>;
  setBusy: Setter<boolean>;
  mediator: Accessor<MediatorPresence | undefined>;
  setMediator: Setter<MediatorPresence | undefined>;
  helped: Accessor<Record<string, HelpKind[]>>;
  setHelped: Setter<Record<string, HelpKind[]>>;
  setSurveyId: Setter<string>;
  ensureSurvey: () => Promise<SurveyDefinition | undefined>;
  store: () => Promise<DeviceStore>;
  queueWrite: (work: (opened: DeviceStore) => Promise<unknown>) => Promise<void>;
  settled: () => Promise<boolean>;
  fail: (problem: KioskProblem) => void;
  complete: (notes?: MediatorNotes) => Promise<void>;
  closeCurrentAsPartial: (reason: 'mediator-left') => Promise<void>;
  resetForNextPerson: () => void;
  assistance: () => Assistance | undefined;
  responseRef: () => ResponseRef | undefined;
  sealer: () => Promise<ResponseSealer | undefined> | undefined;
  signedIn: (ref: string | undefined) => void;
  signedInRef: () => string | undefined;
  /** Loads the mediator's language's words. */
  loadSecondLanguage: (language: string) => Promise<void>;
}

/**
 * What a mediator does on the tablet: sign in with tablet number and PIN, choose role,
 * language and survey, mark help per question, write notes at the end, or leave. A chunk
 * of its own: a respondent alone never loads it.
 */
export function makeMediatorActions(control: MediatorControl) {
  const { deps, now } = control;

  /** The notes as the response carries them: sealed with its content key when the tablet has one. */
  const notesFor = async (text: string): Promise<MediatorNotes | undefined> => {
    const ref = control.responseRef();
    if (!text || !ref) return undefined;
    const active = await control.sealer();
    if (!active) return { text };
    const sealed = await active.sealBytes(new TextEncoder().encode(text), mediatorNotesAad(ref.responseId));
    return { sealed: { iv: sealed.iv, ct: toBase64url(sealed.ct) } };
  };

  return {
    /** Checks the PIN offline (src/device/staffPinGate.ts); when right, the set-up screen follows. */
    async checkMediatorPin(number: number, pin: string): Promise<StaffPinCheck> {
      const result = await checkStaffPin(await control.store(), { number, pin, use: 'mediate' }, now());
      if (result.ok && control.screen() === 'mediator-signin') {
        control.signedIn(result.verifier.ref);
        control.setScreen('mediator-setup');
      }
      return result;
    },

    /** The surveys a mediator may run here: the kiosk's own and those that need a mediator. */
    async mediatorSurveys(): Promise<SurveyDefinition[]> {
      const ids = [...new Set([deps.surveyId, ...MEDIATED_SURVEYS])];
      const loads = await Promise.all(ids.map((id) => deps.loadSurvey(id).catch(() => undefined)));
      return loads.flatMap((load) => (load?.ok ? [load.survey] : []));
    },

    /** Mediator mode begins for one respondent: banner, both languages, help recorded. */
    async beginMediator(input: { role: AssistantRole; language: string; surveyId: string }) {
      const staffRef = control.signedInRef();
      if (control.screen() !== 'mediator-setup' || !staffRef) return;
      control.setMediator({ staffRef, role: input.role, language: input.language });
      control.setHelped({});
      control.setSurveyId(input.surveyId);
      await Promise.all([control.ensureSurvey(), control.loadSecondLanguage(input.language)]);
      if (control.screen() === 'mediator-setup') control.setScreen('language');
    },

    /** Marks (or unmarks) one kind of help on one question; durable at once when the response exists. */
    toggleHelp(questionId: string, kind: HelpKind) {
      if (!control.mediator()) return;
      const marks = control.helped();
      const current = marks[questionId] ?? [];
      control.setHelped({ ...marks, [questionId]: current.includes(kind) ? current.filter((k) => k !== kind) : [...current, kind] });
      const ref = control.responseRef();
      const help = control.assistance();
      if (ref && help && !deps.preview) void control.queueWrite((opened) => opened.recordAssistance(ref.responseId, help, now()));
    },

    /** The mediator's notes are written (or left empty): the response completes with them. */
    async finishWithNotes(text: string) {
      if (control.busy() || control.screen() !== 'notes') return;
      control.setBusy(true);
      try {
        if (!(await control.settled())) return;
        await control.complete(await notesFor(text.trim()));
        control.setScreen('thanks');
      } catch (error) {
        control.fail({ kind: 'storage', fault: classifyStorageError(error) });
      } finally {
        control.setBusy(false);
      }
    },

    /** The mediator leaves: what was answered is kept as partial, and the tablet is back at its safe start. */
    async endMediator() {
      await control.closeCurrentAsPartial('mediator-left');
      if (control.screen() !== 'staff-message') control.resetForNextPerson();
    },
  };
}

export type MediatorActions = ReturnType<typeof makeMediatorActions>;
