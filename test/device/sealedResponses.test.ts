import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeDeviceStore } from '../../src/device/deviceStore.ts';
import { openSealedAnswers } from '../../src/server/openSealedAnswers.ts';
import { makeUuidV7 } from '../../src/survey/makeUuidV7.ts';
import { makeResponseSealer, type SealingKey } from '../../src/survey/sealing.ts';
import { makeTestDatabase } from './makeTestDatabase.ts';

/** A test organisation key: the tablet gets the public half, the test opens with the private half. */
function testKey() {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { sealingKey: { keyId: 'test-key', publicKey: publicKey.export({ format: 'jwk' }) } satisfies SealingKey, privateKey };
}

const taps = [
  { questionId: 'room.satisfied', value: false },
  { questionId: 'room.reasons', value: ['noise'] },
  { questionId: 'comment', value: 'The heating is broken' },
] as const;

describe('a tablet with its organisation key', () => {
  it('stores only ciphertext for each tap, and the sealed answers open to exactly what was tapped', async () => {
    const { sealingKey, privateKey } = testKey();
    const db = makeTestDatabase();
    const store = makeDeviceStore(db);
    const ref = { responseId: makeUuidV7(), surveyId: 'mini', surveyVersion: 1, language: 'ar' };
    const sealer = await makeResponseSealer(ref.responseId, sealingKey);
    for (const tap of taps) await store.recordAnswers(ref, [{ ...tap, value: tap.value as never }], new Date(), sealer);
    await store.completeResponse(ref.responseId, new Date(), await sealer.sealFinal({ 'room.satisfied': false, 'room.reasons': ['noise'], comment: 'The heating is broken' }));

    const everything = JSON.stringify([await db.responses.toArray(), await db.answerEvents.toArray(), await db.outbox.toArray()]);
    for (const secret of ['heating', 'noise', 'room.satisfied', 'room.reasons']) expect(everything).not.toContain(secret);
    expect(await store.getResponse(ref.responseId)).toMatchObject({ status: 'complete', language: 'ar', eventCount: 3 });
    expect((await store.getResponse(ref.responseId))?.answers).toBeUndefined();

    const sealed = (await store.sealedAnswers(ref.responseId))!;
    expect(sealed.events).toEqual([]);
    expect(openSealedAnswers(sealed, ref.responseId, privateKey)).toEqual({ 'room.satisfied': false, 'room.reasons': ['noise'], comment: 'The heating is broken' });
  });

  it('keeps a response closed after a crash openable from its sealed taps', async () => {
    const { sealingKey, privateKey } = testKey();
    const store = makeDeviceStore(makeTestDatabase());
    const ref = { responseId: makeUuidV7(), surveyId: 'mini', surveyVersion: 1, language: 'ti' };
    const sealer = await makeResponseSealer(ref.responseId, sealingKey);
    await store.recordAnswers(ref, [{ questionId: 'room.satisfied', value: false }, { questionId: 'room.reasons', value: ['cold'] }], new Date(), sealer);
    await store.recordAnswers(ref, [{ questionId: 'room.satisfied', value: true }, { questionId: 'room.reasons', value: null }], new Date(), sealer);
    // The page reloads: the content key is gone with it.
    expect(await store.closeAbandonedDrafts()).toBe(1);
    const sealed = (await store.sealedAnswers(ref.responseId))!;
    expect(sealed.final).toBeUndefined();
    expect(sealed.events.map((e) => e.seq)).toEqual([0, 1, 2, 3]);
    expect(openSealedAnswers(sealed, ref.responseId, privateKey)).toEqual({ 'room.satisfied': true });
  });

  it('refuses to mix sealed and plain answers in one response', async () => {
    const { sealingKey } = testKey();
    const store = makeDeviceStore(makeTestDatabase());
    const ref = { responseId: makeUuidV7(), surveyId: 'mini', surveyVersion: 1, language: 'en' };
    await store.recordAnswers(ref, [{ questionId: 'room.satisfied', value: true }], new Date(), await makeResponseSealer(ref.responseId, sealingKey));
    await expect(store.recordAnswers(ref, [{ questionId: 'room.score', value: 3 }])).rejects.toMatchObject({ kind: 'failed' });
  });
});
