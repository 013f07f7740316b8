import type { StoredResponse } from '../device/database.ts';
import type { DeviceStore } from '../device/deviceStore.ts';
import { openDeviceStore } from '../device/openDeviceStore.ts';
import type { InvitationOffer, InvitationResponse } from '../survey/invitations/invitationResponse.ts';
import { readOffer } from './invitationApi.ts';

/**
 * An invitation's answers live in a database of their own, one per code: never the
 * tablet's "sayso" database, whose outbox the kiosk syncs with /sync. An enrolled tablet
 * whose browser opens an invitation link therefore cannot also send that response as its own.
 */
export const invitationDatabaseName = (code: string) => `sayso-invitation-${code}`;

const OFFER_KEY = 'invitation-offer';
const APP_VERSION = '0.1.0';

/** Opens (or creates) the code's own database, with the kiosk's storage code. */
export function openInvitationStore(code: string): Promise<DeviceStore> {
  return openDeviceStore(invitationDatabaseName(code));
}

/** Keeps the survey the server gave, so a phone that opened the link once can answer offline. */
export async function saveOffer(store: DeviceStore, offer: InvitationOffer): Promise<void> {
  await store.setSetting(OFFER_KEY, offer);
}

export async function loadOffer(store: DeviceStore): Promise<InvitationOffer | undefined> {
  return readOffer(await store.getSetting<unknown>(OFFER_KEY));
}

/** The finished response waiting to be sent, if any (an invitation gives at most one). */
export async function finishedResponse(store: DeviceStore): Promise<StoredResponse | undefined> {
  return (await store.listOutbox()).find((response) => response.status === 'complete');
}

/**
 * Deletes what cannot be sent: a response left before its end (the kiosk closes it as
 * partial), whose sealed answers this phone can no longer read back to resume it.
 */
export async function discardUnfinished(store: DeviceStore): Promise<void> {
  const db = store.database;
  await db.transaction('rw', [db.responses, db.answerEvents, db.outbox, db.spokenClips], async () => {
    const unfinished = (await db.responses.toArray()).filter((response) => response.status !== 'complete');
    for (const response of unfinished) {
      await db.answerEvents.where('responseId').equals(response.id).delete();
      await db.spokenClips.where('responseId').equals(response.id).delete();
      await db.outbox.delete(response.id);
      await db.responses.delete(response.id);
    }
  });
}

/** After the server has the response (or can never take it): the phone forgets everything of this invitation. */
export async function forgetInvitation(store: DeviceStore): Promise<void> {
  await store.database.delete();
}

/** The finished response as POST /api/v1/invitations/:code/response takes it. */
export async function toInvitationResponse(store: DeviceStore, response: StoredResponse, now: Date): Promise<InvitationResponse> {
  const sealed = await store.sealedAnswers(response.id);
  return {
    id: response.id,
    surveyId: response.surveyId,
    surveyVersion: response.surveyVersion,
    language: response.language,
    status: 'complete',
    source: 'invitation',
    mode: 'self',
    startedAt: response.startedAt,
    completedAt: response.completedAt ?? response.updatedAt,
    ...(sealed ? { sealed } : { answers: response.answers ?? {} }),
    meta: { app: APP_VERSION, deviceClock: now.toISOString() },
  };
}
