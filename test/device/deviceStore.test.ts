import { describe, expect, it } from 'vitest';
import { makeDeviceStore } from '../../src/device/deviceStore.ts';
import { StorageFault } from '../../src/device/storageFault.ts';
import { makeTestDatabase } from './makeTestDatabase.ts';

const ref = { responseId: '0193a0b0-0000-7000-8000-000000000001', surveyId: 'mini', surveyVersion: 1, language: 'ar' };
const t0 = new Date('2026-11-23T10:00:00Z');
const t1 = new Date('2026-11-23T10:01:00Z');

describe('device store', () => {
  it('creates a response at its first answer and logs each answer as an event', async () => {
    const db = makeTestDatabase();
    const store = makeDeviceStore(db);
    expect(await store.getResponse(ref.responseId)).toBeUndefined();
    await store.recordAnswers(ref, [{ questionId: 'room.satisfied', value: false }], t0);
    await store.recordAnswers(ref, [{ questionId: 'room.reasons', value: ['noise'] }], t1);
    const response = await store.getResponse(ref.responseId);
    expect(response).toMatchObject({ status: 'draft', language: 'ar', startedAt: t0.toISOString(), eventCount: 2 });
    expect(await db.answerEvents.where('responseId').equals(ref.responseId).count()).toBe(2);
    expect(await db.outbox.count()).toBe(0);
  });

  it('completes a response with its folded answers and puts it in the outbox in one step', async () => {
    const db = makeTestDatabase();
    const store = makeDeviceStore(db);
    await store.recordAnswers(ref, [{ questionId: 'room.satisfied', value: false }, { questionId: 'room.reasons', value: ['noise'] }], t0);
    await store.recordAnswers(ref, [{ questionId: 'room.satisfied', value: true }, { questionId: 'room.reasons', value: null }], t0);
    const done = await store.completeResponse(ref.responseId, t1);
    expect(done).toMatchObject({ status: 'complete', completedAt: t1.toISOString(), answers: { 'room.satisfied': true } });
    expect(await db.outbox.get(ref.responseId)).toEqual({ responseId: ref.responseId, queuedAt: t1.toISOString() });
    expect(await store.counts()).toEqual({ drafts: 0, complete: 1, partial: 0, outbox: 1 });
  });

  it('refuses new answers to a closed response, keeping what it holds', async () => {
    const store = makeDeviceStore(makeTestDatabase());
    await store.recordAnswers(ref, [{ questionId: 'q', value: 1 }], t0);
    await store.completeResponse(ref.responseId, t1);
    await expect(store.recordAnswers(ref, [{ questionId: 'q', value: 2 }], t1)).rejects.toBeInstanceOf(StorageFault);
    expect((await store.getResponse(ref.responseId))?.answers).toEqual({ q: 1 });
  });

  it('closes drafts left by a reload or crash as partial, queued for sync', async () => {
    const db = makeTestDatabase();
    const store = makeDeviceStore(db);
    await store.recordAnswers(ref, [{ questionId: 'q', value: 4 }], t0);
    expect(await store.closeAbandonedDrafts(t1)).toBe(1);
    expect(await store.getResponse(ref.responseId)).toMatchObject({ status: 'partial', closedReason: 'reload', answers: { q: 4 } });
    expect(await db.outbox.count()).toBe(1);
    expect(await store.closeAbandonedDrafts(t1)).toBe(0);
  });

  it('closes one walked-away response as partial and leaves others alone', async () => {
    const store = makeDeviceStore(makeTestDatabase());
    const other = { ...ref, responseId: '0193a0b0-0000-7000-8000-000000000002' };
    await store.recordAnswers(ref, [{ questionId: 'q', value: 1 }], t0);
    await store.recordAnswers(other, [{ questionId: 'q', value: 2 }], t0);
    await store.closeAsPartial(ref.responseId, 'idle', t1);
    expect((await store.getResponse(ref.responseId))?.closedReason).toBe('idle');
    expect((await store.getResponse(other.responseId))?.status).toBe('draft');
  });

  it('reports a full disk as a "full" fault and keeps the answers already stored', async () => {
    const db = makeTestDatabase();
    const store = makeDeviceStore(db);
    await store.recordAnswers(ref, [{ questionId: 'q1', value: 1 }], t0);
    const realBulkAdd = db.answerEvents.bulkAdd.bind(db.answerEvents);
    db.answerEvents.bulkAdd = (() => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))) as unknown as typeof realBulkAdd;
    const failure = await store.recordAnswers(ref, [{ questionId: 'q2', value: 2 }], t1).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(StorageFault);
    expect((failure as StorageFault).kind).toBe('full');
    db.answerEvents.bulkAdd = realBulkAdd;
    expect(await store.getResponse(ref.responseId)).toMatchObject({ eventCount: 1 });
    expect(await db.answerEvents.count()).toBe(1);
  });

  it('keeps device settings', async () => {
    const store = makeDeviceStore(makeTestDatabase());
    expect(await store.getSetting('idleTimeoutSeconds')).toBeUndefined();
    await store.setSetting('idleTimeoutSeconds', 120);
    expect(await store.getSetting<number>('idleTimeoutSeconds')).toBe(120);
  });
});
