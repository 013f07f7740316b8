import { describe, expect, it, vi } from 'vitest';
import { StorageFault } from '../../src/device/storageFault.ts';
import type { KioskDependencies } from '../../src/kiosk/createKioskSession.ts';
import { makeTestSession, miniSurvey } from './makeTestSession.ts';

const survey = miniSurvey;

function setUp(overrides: Partial<KioskDependencies> = {}) {
  return makeTestSession(overrides);
}

async function toFirstQuestion(session: ReturnType<typeof setUp>['session'], language = 'ar') {
  session.start();
  await session.chooseLanguage(language);
  await session.agree();
}

describe('kiosk session', () => {
  it('walks attract → language → consent → questions, and back', async () => {
    const { session } = setUp();
    expect(session.screen()).toBe('attract');
    session.start();
    expect(session.screen()).toBe('language');
    await session.chooseLanguage('ar');
    expect([session.screen(), session.language()]).toEqual(['consent', 'ar']);
    await session.agree();
    expect(session.screen()).toBe('question');
    expect(session.current()?.question.id).toBe('room.satisfied');
    session.back();
    expect(session.screen()).toBe('consent');
  });

  it('picks up a newer survey version when staff leave their panel, never during a respondent', async () => {
    let version = 1;
    const { session } = setUp({ loadSurvey: async () => ({ ok: true, survey: { ...survey, version } }) });
    session.warmUp();
    await vi.waitFor(() => expect(session.survey()?.version).toBe(1));
    version = 2;
    await toFirstQuestion(session);
    session.reloadSurvey();
    await Promise.resolve();
    expect(session.survey()?.version).toBe(1);
    await session.startOver();
    session.reloadSurvey();
    await vi.waitFor(() => expect(session.survey()?.version).toBe(2));
  });

  it('stores nothing for someone who leaves at the consent screen', async () => {
    const { session, db } = setUp();
    session.start();
    await session.chooseLanguage('en');
    session.decline();
    expect(session.screen()).toBe('attract');
    expect(await db.responses.count()).toBe(0);
  });

  it('writes each answer as it is given, and shows reasons only after "no"', async () => {
    const { session, db } = setUp();
    await toFirstQuestion(session);
    session.answer('room.satisfied', false);
    await session.next();
    expect(session.current()?.question.id).toBe('room.reasons');
    const [response] = await db.responses.toArray();
    expect(response).toMatchObject({ status: 'draft', language: 'ar', surveyId: 'mini', surveyVersion: 1 });
    expect(await db.answerEvents.count()).toBe(1);
  });

  it('clears reasons when "no" becomes "yes", in the stored log too', async () => {
    const { session, db } = setUp();
    await toFirstQuestion(session);
    session.answer('room.satisfied', false);
    await session.next();
    session.answer('room.reasons', ['noise']);
    session.back();
    session.answer('room.satisfied', true);
    await session.next();
    expect(session.current()?.question.id).toBe('room.score');
    session.answer('room.score', 7);
    await session.next();
    await session.next();
    await session.next();
    expect(session.screen()).toBe('thanks');
    const [saved] = await db.responses.toArray();
    expect(saved?.answers).toEqual({ 'room.satisfied': true, 'room.score': 7 });
    const log = await db.answerEvents.orderBy('[responseId+seq]').toArray();
    expect(log.map((e) => [e.questionId, e.value])).toContainEqual(['room.reasons', null]);
  });

  it('completes with exactly the answers that count and queues the response', async () => {
    const { session, db } = setUp();
    await toFirstQuestion(session);
    session.answer('room.satisfied', false);
    await session.next();
    session.answer('room.reasons', ['noise', 'cold']);
    await session.next();
    session.answer('room.score', 2);
    await session.next();
    session.answer('overall', 1);
    await session.next();
    await session.next();
    expect(session.screen()).toBe('thanks');
    const [response] = await db.responses.toArray();
    expect(response).toMatchObject({ status: 'complete', answers: { 'room.satisfied': false, 'room.reasons': ['noise', 'cold'], 'room.score': 2, overall: 1 } });
    expect(await db.outbox.count()).toBe(1);
    session.finishThanks();
    expect([session.screen(), session.language(), session.answers()]).toEqual(['attract', 'en', {}]);
  });

  it('keeps a walked-away response as partial and gives the next person a clean start', async () => {
    const { session, db } = setUp();
    await toFirstQuestion(session);
    session.answer('room.satisfied', true);
    await session.walkedAway();
    expect(session.screen()).toBe('attract');
    expect(session.answers()).toEqual({});
    const [response] = await db.responses.toArray();
    expect(response).toMatchObject({ status: 'partial', closedReason: 'idle', answers: { 'room.satisfied': true } });
    await toFirstQuestion(session, 'en');
    expect(session.current()?.question.id).toBe('room.satisfied');
    expect(session.answers()).toEqual({});
  });

  it('starts over: the answers so far are kept as partial and the next start is clean', async () => {
    const { session, db } = setUp();
    await toFirstQuestion(session);
    session.answer('room.satisfied', false);
    await session.next();
    session.answer('room.reasons', ['cold']);
    await session.startOver();
    expect([session.screen(), session.answers()]).toEqual(['attract', {}]);
    expect(await db.responses.toArray()).toMatchObject([{ status: 'partial', closedReason: 'start-over', answers: { 'room.satisfied': false, 'room.reasons': ['cold'] } }]);
  });

  it('closes a draft left by a reload before the first new answer is written', async () => {
    const { session, db, store } = setUp();
    await store.recordAnswers({ responseId: 'left-behind', surveyId: 'mini', surveyVersion: 1, language: 'ti' }, [{ questionId: 'overall', value: 2 }]);
    await toFirstQuestion(session);
    session.answer('room.satisfied', true);
    await session.next();
    expect(await db.responses.get('left-behind')).toMatchObject({ status: 'partial', closedReason: 'reload' });
  });

  it('refuses to start a survey it cannot store, with a message for staff', async () => {
    const { session } = setUp({ openStore: async () => { throw new StorageFault('unavailable', 'private mode'); } });
    await toFirstQuestion(session);
    expect(session.screen()).toBe('staff-message');
    expect(session.problem()).toMatchObject({ kind: 'storage', fault: { kind: 'unavailable' } });
  });

  it('refuses to start when storage is nearly full', async () => {
    const { session } = setUp({ assertRoomToStore: async () => { throw new StorageFault('full', '10 bytes left'); } });
    await toFirstQuestion(session);
    expect(session.problem()).toMatchObject({ kind: 'storage', fault: { kind: 'full' } });
  });

  it('stops the survey, without a false "saved", when an answer cannot be written', async () => {
    const { session, db, store } = setUp();
    await toFirstQuestion(session);
    session.answer('room.satisfied', true);
    await session.next();
    store.recordAnswers = async () => { throw new StorageFault('full', 'quota'); };
    session.answer('room.score', 5);
    await session.next();
    expect(session.screen()).toBe('staff-message');
    expect(await db.answerEvents.count()).toBe(1);
  });

  it('shows staff the problems of a survey definition it cannot run', async () => {
    const { session } = setUp({ loadSurvey: async () => ({ ok: false, surveyId: 'mini', reason: 'invalid', problems: [{ path: 'items[0].kind', message: 'bad' }] }) });
    await toFirstQuestion(session);
    expect(session.screen()).toBe('staff-message');
    expect(session.problem()).toMatchObject({ kind: 'survey', load: { reason: 'invalid' } });
  });

  it('opens a staff preview at the first question and stores nothing', async () => {
    const { session, db } = setUp({ preview: { language: 'en' } });
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(session.screen()).toBe('question');
    expect(session.current()?.question.id).toBe('room.satisfied');
    session.answer('room.satisfied', true);
    await session.next();
    expect(await db.responses.count()).toBe(0);
  });

  it('seals each answer when the tablet has its organisation key, storing no answer in the clear', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const { session, db } = setUp({ sealingKey: async () => ({ keyId: 'k1', publicKey: publicKey.export({ format: 'jwk' }) }) });
    await toFirstQuestion(session);
    session.answer('room.satisfied', false);
    await session.next();
    session.answer('room.reasons', ['noise']);
    await session.next();
    session.answer('room.score', 2);
    await session.next();
    await session.next();
    session.answer('comment', 'cold showers');
    await session.next();
    expect(session.screen()).toBe('thanks');
    const [response] = await db.responses.toArray();
    expect(response).toMatchObject({ status: 'complete', sealedKey: { keyId: 'k1' }, sealedFinal: expect.any(Object) });
    const everything = JSON.stringify([await db.responses.toArray(), await db.answerEvents.toArray()]);
    expect(everything).not.toContain('cold showers');
    expect(everything).not.toContain('noise');
  });
});
