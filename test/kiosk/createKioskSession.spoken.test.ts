import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { DeviceStore } from '../../src/device/deviceStore.ts';
import type { KioskDependencies } from '../../src/kiosk/createKioskSession.ts';
import { useSpokenCommentSession } from '../../src/kiosk/spokenCommentSession.ts';
import { openSealedAnswers } from '../../src/server/openSealedAnswers.ts';
import { openAesGcm, unwrapContentKey } from '../../src/server/unwrapContentKey.ts';
import { parseSurvey } from '../../src/survey/parseSurvey.ts';
import { fromBase64url, type SealingKey } from '../../src/survey/sealing.ts';
import { makeTestDatabase } from '../device/makeTestDatabase.ts';
import { loadFixture } from '../survey/loadFixture.ts';
import { makeTestSession } from './makeTestSession.ts';

// The mini survey with a spoken question at its end.
const definition = loadFixture('mini-survey.json') as { items: unknown[] };
definition.items.push({ kind: 'spoken', id: 'closing.spoken', pictogram: 'microphone', maxSeconds: 60, text: { en: 'Anything else?', ar: 'شيء آخر؟' } });
const parsed = parseSurvey(definition);
if (!parsed.ok) throw new Error('fixture must be valid');
const survey = parsed.survey;

/** Bytes that look like a WebM recording, so a copy in the clear would be easy to find. */
const AUDIO = (() => {
  const bytes = new Uint8Array(2048);
  bytes.set([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81]);
  for (let i = 8; i < bytes.length; i++) bytes[i] = (i * 13) % 256;
  return bytes;
})();

function setUp(overrides: Partial<KioskDependencies> & { withKey?: boolean } = {}) {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const sealingKey: SealingKey = { keyId: 'k1', publicKey: publicKey.export({ format: 'jwk' }) };
  const { withKey = true, ...rest } = overrides;
  const made = makeTestSession({ loadSurvey: async () => ({ ok: true, survey }), ...(withKey ? { sealingKey: async () => sealingKey } : {}), ...rest });
  return { ...made, privateKey };
}

type Session = ReturnType<typeof setUp>['session'];

/** Through the consent screen and up to the spoken question (the mini survey's last). */
async function toSpokenQuestion(session: Session) {
  session.start();
  await session.chooseLanguage('en');
  await session.agree();
  session.answer('room.satisfied', true);
  while (session.current()?.question.id !== 'closing.spoken') await session.next();
}

/** Everything the tablet's IndexedDB holds, as one string of bytes, to look for the sound in. */
async function everythingStored(db: ReturnType<typeof makeTestDatabase>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (const table of db.tables) {
    for (const row of await table.toArray()) {
      parts.push(Buffer.from(JSON.stringify(row)));
      for (const value of Object.values(row as Record<string, unknown>)) if (value instanceof ArrayBuffer) parts.push(Buffer.from(value));
    }
  }
  return Buffer.concat(parts);
}

describe('a spoken comment in the kiosk session', () => {
  it('seals the recording and stores it before the answer naming it, never in the clear', async () => {
    const { session, db, store, privateKey } = setUp();
    await toSpokenQuestion(session);
    // Watch the order: when the answer is written, its sealed clip must already be there.
    const clipsWhenAnswered: number[] = [];
    const recordAnswers = store.recordAnswers.bind(store);
    (store as { recordAnswers: DeviceStore['recordAnswers'] }).recordAnswers = async (ref, changes, now, sealer) => {
      if (changes.some((c) => c.questionId === 'closing.spoken')) clipsWhenAnswered.push(await db.spokenClips.count());
      return recordAnswers(ref, changes, now, sealer);
    };

    expect(await session.canRecordSpoken()).toBe(true);
    const clipId = await session.recordSpoken('closing.spoken', AUDIO.slice().buffer, 'audio/webm;codecs=opus', 2100.4);
    expect(clipId).toMatch(/^[0-9a-f-]{36}$/);
    expect(clipsWhenAnswered).toEqual([1]);
    expect(session.answers()['closing.spoken']).toBe(clipId);

    const [clip] = await db.spokenClips.toArray();
    expect(clip).toMatchObject({ questionId: 'closing.spoken', clipId, mime: 'audio/webm;codecs=opus', durationMs: 2100 });
    expect(Object.keys(clip!).sort()).toEqual(['clipId', 'ct', 'durationMs', 'iv', 'mime', 'questionId', 'recordedAt', 'responseId']);
    const stored = await everythingStored(db);
    expect(stored.includes(Buffer.from(AUDIO.subarray(0, 32)))).toBe(false);
    expect(stored.includes(Buffer.from(AUDIO.subarray(1000, 1032)))).toBe(false);

    // The server, holding the organisation's key, opens it to the very bytes recorded.
    const response = (await db.responses.toArray())[0]!;
    const key = unwrapContentKey(response.sealedKey!, response.id, privateKey);
    const opened = openAesGcm(key, Buffer.from(fromBase64url(clip!.iv)), new Uint8Array(clip!.ct), Buffer.from(`sayso/${response.id}/spoken/closing.spoken`));
    expect(Buffer.compare(opened, Buffer.from(AUDIO))).toBe(0);

    await session.next();
    expect(session.screen()).toBe('thanks');
    const sealed = (await store.sealedAnswers(response.id))!;
    expect(openSealedAnswers(sealed, response.id, privateKey)['closing.spoken']).toBe(clipId);
  });

  it('withdraws a recording: the sealed clip is deleted and the answer cleared', async () => {
    const { session, db, store, privateKey } = setUp();
    await toSpokenQuestion(session);
    await session.recordSpoken('closing.spoken', AUDIO.slice().buffer, 'audio/webm', 1500);
    await session.discardSpoken('closing.spoken');
    expect(await db.spokenClips.count()).toBe(0);
    expect(session.answers()).not.toHaveProperty('closing.spoken');
    await session.next();
    const response = (await db.responses.toArray())[0]!;
    expect(openSealedAnswers((await store.sealedAnswers(response.id))!, response.id, privateKey)).not.toHaveProperty('closing.spoken');
  });

  it('records again: the new clip replaces the first, and the answer names the new one', async () => {
    const { session, db } = setUp();
    await toSpokenQuestion(session);
    await session.recordSpoken('closing.spoken', AUDIO.slice().buffer, 'audio/webm', 1500);
    const second = await session.recordSpoken('closing.spoken', AUDIO.slice(0, 1024).buffer, 'audio/webm', 700);
    const clips = await db.spokenClips.toArray();
    expect(clips.map((c) => c.clipId)).toEqual([second]);
    expect(session.answers()['closing.spoken']).toBe(second);
  });

  it('keeps no voice on a tablet without its organisation key', async () => {
    const { session, db } = setUp({ withKey: false });
    await toSpokenQuestion(session);
    expect(await session.canRecordSpoken()).toBe(false);
    await expect(session.recordSpoken('closing.spoken', AUDIO.slice().buffer, 'audio/webm', 1500)).rejects.toThrow();
    expect(await db.spokenClips.count()).toBe(0);
    expect(session.answers()).not.toHaveProperty('closing.spoken');
    expect(session.screen()).toBe('question');
  });

  it('offers no recording in staff preview', async () => {
    const { session, db } = setUp({ preview: { language: 'en' } });
    expect(await session.canRecordSpoken()).toBe(false);
    await expect(session.recordSpoken('closing.spoken', AUDIO.slice().buffer, 'audio/webm', 1500)).rejects.toThrow();
    expect(await db.spokenClips.count()).toBe(0);
  });

  it('is what the spoken-answer control talks to', () => {
    const { session } = setUp();
    expect(useSpokenCommentSession()?.recordSpoken).toBe(session.recordSpoken);
  });
});
