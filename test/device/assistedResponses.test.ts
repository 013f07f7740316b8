import { describe, expect, it } from 'vitest';
import { makeDeviceStore } from '../../src/device/deviceStore.ts';
import { WITHDRAWALS_KEY } from '../../src/device/enrollmentRecord.ts';
import { saveSpokenClip } from '../../src/device/spokenClips.ts';
import { StorageFault } from '../../src/device/storageFault.ts';
import type { Assistance } from '../../src/survey/responseEnvelope.ts';
import { toEnvelope } from '../../src/sync/toEnvelope.ts';
import { makeTestDatabase } from './makeTestDatabase.ts';

const ref = { responseId: '0193a0b0-0000-7000-8000-000000000009', surveyId: 'mini', surveyVersion: 1, language: 'ar' };
const t0 = new Date('2026-11-23T10:00:00Z');
const t1 = new Date('2026-11-23T10:01:00Z');
const help: Assistance = { role: 'interpreter', kinds: [], questions: [], staffRef: 'sr_AAAAAAAAAAAAAAAAAAAAAA', mediatorLanguage: 'fr' };

describe('assisted responses on the tablet', () => {
  it('creates an assisted response with its help, records more help, and sends it with notes', async () => {
    const store = makeDeviceStore(makeTestDatabase());
    await store.recordAnswers({ ...ref, assistance: help }, [{ questionId: 'room.satisfied', value: true }], t0);
    expect(await store.getResponse(ref.responseId)).toMatchObject({ mode: 'assisted', assistance: help });
    const more: Assistance = { ...help, kinds: ['read-aloud', 'translated'], questions: ['room.satisfied'] };
    await store.recordAssistance(ref.responseId, more, t1);
    const done = await store.completeResponse(ref.responseId, t1, undefined, { text: 'Needed the questions twice.' });
    expect(done).toMatchObject({ mode: 'assisted', assistance: more, mediatorNotes: { text: 'Needed the questions twice.' } });
    const envelope = toEnvelope(done, 'enr', 'm'.repeat(43), t1);
    expect(envelope).toMatchObject({ mode: 'assisted', assistance: more, mediatorNotes: { text: 'Needed the questions twice.' }, answers: { 'room.satisfied': true } });
  });

  it('keeps a self-completed response without assistance, and refuses notes on it', async () => {
    const store = makeDeviceStore(makeTestDatabase());
    await store.recordAnswers(ref, [{ questionId: 'room.satisfied', value: true }], t0);
    await store.recordAssistance('0193a0b0-0000-7000-8000-0000000000ff', help); // no such draft: nothing happens
    const envelope = toEnvelope((await store.getResponse(ref.responseId))!, 'enr', 'm'.repeat(43), t0);
    expect(envelope.mode).toBe('self');
    expect(envelope).not.toHaveProperty('assistance');
    await expect(store.completeResponse(ref.responseId, t1, undefined, { text: 'x' })).rejects.toBeInstanceOf(StorageFault);
    expect((await store.getResponse(ref.responseId))?.status).toBe('draft');
  });

  it('deletes the mediator notes with the answers once the server has the response', async () => {
    const store = makeDeviceStore(makeTestDatabase());
    await store.recordAnswers({ ...ref, assistance: help }, [{ questionId: 'room.satisfied', value: true }], t0);
    await store.completeResponse(ref.responseId, t1, undefined, { text: 'private observation' });
    await store.acknowledge([ref.responseId], t1);
    const kept = await store.getResponse(ref.responseId);
    expect(kept).toMatchObject({ mode: 'assisted', syncedAt: t1.toISOString() });
    expect(kept).not.toHaveProperty('mediatorNotes');
    expect(kept).not.toHaveProperty('answers');
  });

  it('withdraws a draft: answers, events and spoken clips gone, only the count kept', async () => {
    const db = makeTestDatabase();
    const store = makeDeviceStore(db);
    await store.recordAnswers(ref, [{ questionId: 'room.satisfied', value: false }, { questionId: 'room.comment', value: 'the heating is broken' }], t0);
    await saveSpokenClip(store, { responseId: ref.responseId, questionId: 'closing.spoken', clipId: 'c1', mime: 'audio/webm', iv: 'aXY', ct: new ArrayBuffer(64), durationMs: 1000 }, t0);
    await store.withdrawDraft(ref.responseId, 'mini|2026-Q4');
    await store.withdrawDraft(undefined, 'mini|2026-Q4');
    expect(await store.getResponse(ref.responseId)).toBeUndefined();
    expect(await db.answerEvents.count()).toBe(0);
    expect(await db.spokenClips.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await store.getSetting(WITHDRAWALS_KEY)).toEqual({ 'mini|2026-Q4': 2 });
  });

  it('never withdraws a response that is already closed', async () => {
    const store = makeDeviceStore(makeTestDatabase());
    await store.recordAnswers(ref, [{ questionId: 'room.satisfied', value: false }], t0);
    await store.completeResponse(ref.responseId, t1);
    await expect(store.withdrawDraft(ref.responseId, 'mini|2026-Q4')).rejects.toBeInstanceOf(StorageFault);
    expect((await store.getResponse(ref.responseId))?.status).toBe('complete');
    expect(await store.getSetting(WITHDRAWALS_KEY)).toBeUndefined();
  });
});
