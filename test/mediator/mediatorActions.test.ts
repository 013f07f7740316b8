import { describe, expect, it, vi } from 'vitest';
import { makeDeviceStore } from '../../src/device/deviceStore.ts';
import { saveBundle, WITHDRAWALS_KEY } from '../../src/device/enrollmentRecord.ts';
import type { KioskDependencies } from '../../src/kiosk/createKioskSession.ts';
import { hashTabletPin } from '../../src/survey/staffPins.ts';
import type { SurveyDefinition } from '../../src/survey/schema.ts';
import { makeTestDatabase } from '../device/makeTestDatabase.ts';
import { makeTestSession, miniSurvey } from '../kiosk/makeTestSession.ts';

const survey = miniSurvey;
const childrens: SurveyDefinition = { ...survey, id: 'children-satisfaction', requiresMediator: true };
const REF = 'sr_mediatorAAAAAAAAAAAAA';

/** A tablet whose last bundle holds one mediator's PIN verifier (tablet number 7, PIN 246810). */
async function setUp(overrides: Partial<KioskDependencies> = {}) {
  const store = makeDeviceStore(makeTestDatabase());
  const verifier = { number: 7, ref: REF, role: 'mediator', uses: ['mediate'], ...(await hashTabletPin('246810', 100_000)) };
  await saveBundle(store, { fetchedAt: new Date().toISOString(), bundle: { facility: { timeZone: 'Europe/Brussels' }, staffPinVerifiers: [verifier] } });
  return makeTestSession(
    {
      loadSurvey: async (id) => (id === 'children-satisfaction' ? { ok: true, survey: childrens } : { ok: true, survey }),
      loadSecondLanguage: async () => undefined,
      ...overrides,
    },
    store,
  );
}

type Session = Awaited<ReturnType<typeof setUp>>['session'];

async function signInMediator(session: Session, surveyId = 'mini') {
  session.openMediatorSignIn();
  expect(session.screen()).toBe('mediator-signin');
  expect(await (await session.mediatorActions()).checkMediatorPin(7, '246810')).toMatchObject({ ok: true });
  expect(session.screen()).toBe('mediator-setup');
  await (await session.mediatorActions()).beginMediator({ role: 'interpreter', language: 'fr', surveyId });
  expect(session.screen()).toBe('language');
  await session.chooseLanguage('ar');
  await session.agree();
  expect(session.screen()).toBe('question');
}

describe('mediator actions on the kiosk session', () => {
  it('records an assisted response: role, help kinds, questions helped, the staff reference, and the notes', async () => {
    const { session, store, db } = await setUp();
    await signInMediator(session);
    (await session.mediatorActions()).toggleHelp('room.satisfied', 'read-aloud');
    session.answer('room.satisfied', true);
    (await session.mediatorActions()).toggleHelp('room.satisfied', 'translated');
    while (session.current()?.question.id !== 'overall') await session.next();
    (await session.mediatorActions()).toggleHelp('overall', 'explained');
    (await session.mediatorActions()).toggleHelp('overall', 'explained'); // unmarked again
    session.answer('overall', 2);
    while (session.screen() === 'question') await session.next();
    expect(session.screen()).toBe('notes');
    await (await session.mediatorActions()).finishWithNotes('  Asked for the questions twice.  ');
    expect(session.screen()).toBe('thanks');
    const [stored] = await db.responses.toArray();
    expect(stored).toMatchObject({
      status: 'complete',
      mode: 'assisted',
      assistance: { role: 'interpreter', kinds: ['read-aloud', 'translated'], questions: ['room.satisfied'], staffRef: REF, mediatorLanguage: 'fr' },
      mediatorNotes: { text: 'Asked for the questions twice.' },
    });
    expect(stored!.answers).toEqual({ 'room.satisfied': true, overall: 2 });
    // The next person starts alone.
    session.finishThanks();
    expect([session.screen(), session.mediator()]).toEqual(['attract', undefined]);
    void store;
  });

  it('refuses a wrong PIN and locks PIN entry after five', async () => {
    const { session } = await setUp();
    session.openMediatorSignIn();
    for (let left = 4; left >= 1; left--) expect(await (await session.mediatorActions()).checkMediatorPin(7, '111111')).toEqual({ ok: false, reason: 'wrong', attemptsLeft: left });
    expect(await (await session.mediatorActions()).checkMediatorPin(7, '111111')).toEqual({ ok: false, reason: 'locked', minutes: 5 });
    expect(await (await session.mediatorActions()).checkMediatorPin(7, '246810')).toMatchObject({ ok: false, reason: 'locked' });
    expect(session.screen()).toBe('mediator-signin');
  });

  it('says when the tablet has no PINs yet (never synced)', async () => {
    const { session, store } = await setUp();
    await saveBundle(store, { fetchedAt: new Date().toISOString(), bundle: {} });
    session.openMediatorSignIn();
    expect(await (await session.mediatorActions()).checkMediatorPin(7, '246810')).toEqual({ ok: false, reason: 'no-verifiers' });
  });

  it('keeps the answers as partial when the mediator leaves mid-survey, and returns to a safe start', async () => {
    const { session, db } = await setUp();
    await signInMediator(session);
    session.answer('room.satisfied', false);
    await (await session.mediatorActions()).endMediator();
    expect([session.screen(), session.mediator(), session.answers()]).toEqual(['attract', undefined, {}]);
    const [stored] = await db.responses.toArray();
    expect(stored).toMatchObject({ status: 'partial', closedReason: 'mediator-left', mode: 'assisted' });
  });

  it('keeps an idle response assisted and partial, and ends mediator mode', async () => {
    const { session, db } = await setUp();
    await signInMediator(session);
    session.answer('room.satisfied', false);
    await session.walkedAway();
    expect([session.screen(), session.mediator()]).toEqual(['attract', undefined]);
    expect(await db.responses.toArray()).toMatchObject([{ status: 'partial', closedReason: 'idle', mode: 'assisted' }]);
  });

  it('never starts the children\'s survey without a mediator, and runs it with one', async () => {
    const { session, db } = await setUp({ surveyId: 'children-satisfaction' });
    session.start();
    await vi.waitFor(() => expect(session.screen()).toBe('mediator-signin'));
    expect(session.needsMediator()).toBe(true);
    await signInMediator(session, 'children-satisfaction');
    session.answer('room.satisfied', true);
    await vi.waitFor(async () => expect(await db.responses.toArray()).toMatchObject([{ surveyId: 'children-satisfaction', mode: 'assisted' }]));
  });

  it('withdraws: nothing of the respondent is left, one more in the count', async () => {
    const { session, db, store } = await setUp();
    session.start();
    await session.chooseLanguage('ar');
    await session.agree();
    session.answer('room.satisfied', false);
    session.answer('room.reasons', ['noise']);
    await session.withdraw();
    expect([session.screen(), session.answers()]).toEqual(['attract', {}]);
    expect(await db.responses.count()).toBe(0);
    expect(await db.answerEvents.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    const counts = await store.getSetting<Record<string, number>>(WITHDRAWALS_KEY);
    expect(Object.keys(counts ?? {})).toEqual([expect.stringMatching(/^mini\|\d{4}-Q[1-4]$/)]);
    expect(Object.values(counts ?? {})).toEqual([1]);
  });
});
