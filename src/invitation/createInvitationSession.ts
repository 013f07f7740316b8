import { changeLanguage } from '../i18n/i18n.ts';
import { assertRoomToStore } from '../device/openDeviceStore.ts';
import type { DeviceStore } from '../device/deviceStore.ts';
import type { createKioskSession, KioskDependencies } from '../kiosk/createKioskSession.ts';
import { provideSpokenCommentSession } from '../kiosk/spokenCommentSession.ts';
import type { InvitationOffer } from '../survey/invitations/invitationResponse.ts';

/**
 * The kiosk's own respondent session on an invitation's survey: answers sealed to the
 * organisation's key as they are given, into the code's own database (never the tablet's
 * outbox). Only the wiring differs from a tablet: the survey and key come from the
 * invitation, and the app's words stay in the language the resident chose.
 */
export function createInvitationSession(input: {
  /** The kiosk's own session maker, handed over by src/main.tsx (see startInvitation.tsx for why). */
  createKioskSession: typeof createKioskSession;
  offer: InvitationOffer;
  store: DeviceStore;
  language: string;
  onResponseClosed: () => void;
  changeLanguage?: (language: string) => Promise<void>;
}) {
  const change = input.changeLanguage ?? changeLanguage;
  // A kiosk resets to its device language for the next person; a phone's next screens
  // (sent, or start again) stay in the resident's language: the "device language" follows their choice.
  let chosen = input.language;
  const survey = { ...input.offer.survey, languages: input.offer.languages };
  const deps: KioskDependencies = {
    surveyId: survey.id,
    get deviceLanguage() {
      return chosen;
    },
    openStore: async () => input.store,
    assertRoomToStore: () => assertRoomToStore(),
    loadSurvey: async () => ({ ok: true, survey }),
    changeLanguage: async (language) => {
      chosen = language;
      await change(language);
    },
    sealingKey: async () => input.offer.sealing,
    onResponseClosed: input.onResponseClosed,
  };
  const session = input.createKioskSession(deps);
  // A voice cannot reach the server without an enrolled tablet's upload route: spoken
  // questions offer no recording here (SpokenAnswer shows them as unavailable).
  provideSpokenCommentSession({
    canRecordSpoken: async () => false,
    recordSpoken: async () => {
      throw new Error('an invitation keeps no recordings');
    },
    discardSpoken: async () => undefined,
  });
  return session;
}
