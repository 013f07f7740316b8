import 'fake-indexeddb/auto';
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { createRoot } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { openSealedAnswers } from '../../src/server/openSealedAnswers.ts';
import { createKioskSession } from '../../src/kiosk/createKioskSession.ts';
import { createInvitationFlow, type InvitationFlowDependencies } from '../../src/invitation/createInvitationFlow.ts';
import { createInvitationSession } from '../../src/invitation/createInvitationSession.ts';
import type { InvitationRead, InvitationSend } from '../../src/invitation/invitationApi.ts';
import { invitationDatabaseName, openInvitationStore } from '../../src/invitation/invitationStore.ts';
import { makeInvitationCode } from '../../src/survey/invitations/invitationCode.ts';
import type { InvitationOffer, InvitationResponse } from '../../src/survey/invitations/invitationResponse.ts';
import { miniSurvey } from '../kiosk/makeTestSession.ts';

const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const offer: InvitationOffer = {
  survey: miniSurvey,
  languages: ['ar'],
  sealing: { keyId: 'key-1', publicKey: publicKey.export({ format: 'jwk' }) as JsonWebKey },
  closesOn: '2026-12-31',
};
const organisationKey = createPrivateKey(privateKey.export({ format: 'pem', type: 'pkcs8' }));

const databaseNames = async () => (await indexedDB.databases()).map((d) => d.name);
const waitFor = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
};

/** A flow on a fresh code whose server answers with `read` and then each of `sends` in turn. */
function makeFlow(options: { code?: string; read?: InvitationRead; sends?: InvitationSend[]; online?: EventTarget } = {}) {
  const code = options.code ?? makeInvitationCode();
  const sent: InvitationResponse[] = [];
  const sends = [...(options.sends ?? [{ kind: 'stored' }])];
  const deps: InvitationFlowDependencies = {
    code,
    openStore: openInvitationStore,
    fetchInvitation: async () => options.read ?? { kind: 'offer', offer },
    sendResponse: async (_code, response) => {
      sent.push(response);
      return sends.length > 1 ? sends.shift()! : sends[0]!;
    },
    retryDelayMs: () => 60_000,
    ...(options.online ? { onlineEvents: options.online as unknown as Window } : {}),
  };
  const flow = createRoot(() => createInvitationFlow(deps));
  return { code, flow, sent };
}

/** Answers the mini survey to its end in Arabic, with the kiosk's own session on the invitation's storage. */
async function answerToTheEnd(flow: ReturnType<typeof makeFlow>['flow']) {
  const state = flow.state();
  if (state.step !== 'answering') throw new Error(`not answering: ${state.step}`);
  const session = createRoot(() =>
    createInvitationSession({ createKioskSession, offer: state.offer, store: flow.store()!, language: 'en', onResponseClosed: () => flow.responseClosed(), changeLanguage: async () => undefined }),
  );
  session.start();
  await session.chooseLanguage('ar');
  await session.agree();
  session.answer('room.satisfied', true);
  await session.next();
  session.answer('room.score', 8);
  await session.next();
  session.answer('overall', 4);
  await session.next();
  await session.next();
  expect(session.screen()).toBe('thanks');
  return session;
}

describe('answering by invitation on the phone', () => {
  it("keeps the answers sealed in the code's own database, never the tablet's outbox, sends one sealed response, then forgets it", async () => {
    const { code, flow, sent } = makeFlow({ sends: [{ kind: 'stored' }] });
    await flow.open();
    expect(flow.state()).toMatchObject({ step: 'answering' });
    const session = createRoot(() =>
      createInvitationSession({ createKioskSession, offer, store: flow.store()!, language: 'en', onResponseClosed: () => flow.responseClosed(), changeLanguage: async () => undefined }),
    );
    session.start();
    await session.chooseLanguage('ar');
    await session.agree();
    session.answer('room.satisfied', true);
    await session.next();
    // Each answer is durable as it is given, sealed: the phone's database holds no answer in the clear.
    const events = await flow.store()!.database.answerEvents.toArray();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ sealed: { iv: expect.any(String), ct: expect.any(String) } });
    expect(events[0]!.questionId).toBeUndefined();
    expect(await databaseNames()).toContain(invitationDatabaseName(code));
    expect(await databaseNames()).not.toContain('sayso');

    session.answer('room.score', 8);
    await session.next();
    session.answer('overall', 4);
    await session.next();
    await session.next();
    expect(session.screen()).toBe('thanks');
    await waitFor(() => flow.delivery() === 'sent', 'the response to be sent');
    expect(sent).toHaveLength(1);
    const response = sent[0]!;
    expect(response).toMatchObject({ surveyId: 'mini', surveyVersion: 1, language: 'ar', status: 'complete', source: 'invitation', mode: 'self' });
    expect(response.answers).toBeUndefined();
    expect(openSealedAnswers(response.sealed!, response.id, organisationKey)).toEqual({ 'room.satisfied': true, 'room.score': 8, overall: 4 });
    // Accepted: nothing of it stays on the phone, and the tablet's own database was never made.
    expect(await databaseNames()).not.toContain(invitationDatabaseName(code));
    expect(await databaseNames()).not.toContain('sayso');
  });

  it('with no network at the end keeps the response, sends it when the network is back, and a reload resumes it', async () => {
    const online = new EventTarget();
    const first = makeFlow({ sends: [{ kind: 'retry' }, { kind: 'stored' }], online });
    await first.flow.open();
    await answerToTheEnd(first.flow);
    await waitFor(() => first.flow.delivery() === 'waiting', 'the response to wait for the network');
    expect(first.sent).toHaveLength(1);
    online.dispatchEvent(new Event('online'));
    await waitFor(() => first.flow.delivery() === 'sent', 'the response to be sent once online');
    expect(first.sent).toHaveLength(2);
    expect(first.sent[1]!.id).toBe(first.sent[0]!.id);

    // Offline at the end, then the page is closed: opening the link again sends the same response.
    const before = makeFlow({ sends: [{ kind: 'retry' }] });
    await before.flow.open();
    await answerToTheEnd(before.flow);
    await waitFor(() => before.flow.delivery() === 'waiting', 'the response to wait');
    before.flow.store()!.database.close();
    const reopened = makeFlow({ code: before.code, sends: [{ kind: 'stored' }], read: { kind: 'used' } });
    await reopened.flow.open();
    expect(reopened.flow.state()).toEqual({ step: 'delivering' });
    await waitFor(() => reopened.flow.delivery() === 'sent', 'the resumed response to be sent');
    expect(reopened.sent.map((r) => r.id)).toEqual([before.sent[0]!.id]);
  });

  it('answers offline from the survey kept at an earlier visit, and says so when there is none', async () => {
    const visit = makeFlow();
    await visit.flow.open();
    visit.flow.store()!.database.close();
    const offline = makeFlow({ code: visit.code, read: { kind: 'unreachable' } });
    await offline.flow.open();
    expect(offline.flow.state()).toMatchObject({ step: 'answering', offer: { survey: { id: 'mini' }, languages: ['ar'] } });
    const never = makeFlow({ read: { kind: 'unreachable' } });
    await never.flow.open();
    expect(never.flow.state()).toEqual({ step: 'unreachable' });
  });

  it('shows a used, unknown or closed code, and a link that is no code at all, without keeping anything', async () => {
    for (const kind of ['used', 'unknown', 'closed'] as const) {
      const { code, flow } = makeFlow({ read: { kind } });
      await flow.open();
      expect(flow.state()).toEqual({ step: kind });
      expect(await databaseNames()).not.toContain(invitationDatabaseName(code));
    }
    const flow = createRoot(() => createInvitationFlow({ code: undefined, openStore: openInvitationStore, fetchInvitation: async () => ({ kind: 'unknown' }), sendResponse: async () => ({ kind: 'stored' }) }));
    await flow.open();
    expect(flow.state()).toEqual({ step: 'invalid' });
  });

  it('deletes the answers of a resident who left before the end; the code stays usable and a reload starts clean', async () => {
    const { code, flow, sent } = makeFlow();
    await flow.open();
    const session = createRoot(() =>
      createInvitationSession({ createKioskSession, offer, store: flow.store()!, language: 'en', onResponseClosed: () => flow.responseClosed(), changeLanguage: async () => undefined }),
    );
    session.start();
    await session.chooseLanguage('ar');
    await session.agree();
    session.answer('room.satisfied', false);
    await session.next();
    await session.startOver();
    expect(session.screen()).toBe('attract');
    // The kiosk's "next person" keeps the resident's language on a phone.
    expect(session.language()).toBe('ar');
    await flow.leftUnfinished();
    const db = flow.store()!.database;
    expect([await db.responses.count(), await db.answerEvents.count(), await db.outbox.count()]).toEqual([0, 0, 0]);
    expect(sent).toHaveLength(0);
    expect(flow.delivery()).toBe('none');
    db.close();
    const again = makeFlow({ code });
    await again.flow.open();
    expect(again.flow.state()).toMatchObject({ step: 'answering' });
  });
});
