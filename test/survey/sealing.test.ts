import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openAesGcm, unwrapContentKey } from '../../src/server/unwrapContentKey.ts';
import { makeUuidV7 } from '../../src/survey/makeUuidV7.ts';
import { fromBase64url, makeResponseSealer, spokenAad, type SealingKey } from '../../src/survey/sealing.ts';

function testKey() {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { sealingKey: { keyId: 'test-key', publicKey: publicKey.export({ format: 'jwk' }) } satisfies SealingKey, privateKey };
}

/** A few seconds of "recording": bytes that start like WebM, so a leak would be easy to spot. */
const recording = () => {
  const bytes = new Uint8Array(new ArrayBuffer(4096));
  bytes.set([0x1a, 0x45, 0xdf, 0xa3]);
  for (let i = 4; i < bytes.length; i++) bytes[i] = (i * 31) % 251;
  return bytes;
};

describe('sealing a spoken comment', () => {
  it('opens on the server, with the response key and its spoken AAD, to exactly the recorded bytes', async () => {
    const { sealingKey, privateKey } = testKey();
    const responseId = makeUuidV7();
    const sealer = await makeResponseSealer(responseId, sealingKey);
    const audio = recording();
    const sealed = await sealer.sealBytes(audio.slice().buffer, spokenAad(responseId, 'closing.spoken'));

    const iv = fromBase64url(sealed.iv);
    expect(iv.length).toBe(12);
    // AES-GCM: same length as the sound, plus its 16-byte tag at the end.
    expect(sealed.ct.byteLength).toBe(audio.length + 16);
    expect(Buffer.from(sealed.ct).includes(Buffer.from(audio.subarray(0, 64)))).toBe(false);

    const contentKey = unwrapContentKey(sealer.key, responseId, privateKey);
    const opened = openAesGcm(contentKey, Buffer.from(iv), new Uint8Array(sealed.ct), Buffer.from(`sayso/${responseId}/spoken/closing.spoken`));
    expect(Buffer.compare(opened, Buffer.from(audio))).toBe(0);
  });

  it('cannot be opened as another question or another response (the AAD binds it)', async () => {
    const { sealingKey, privateKey } = testKey();
    const responseId = makeUuidV7();
    const sealer = await makeResponseSealer(responseId, sealingKey);
    const sealed = await sealer.sealBytes(recording(), spokenAad(responseId, 'closing.spoken'));
    const key = unwrapContentKey(sealer.key, responseId, privateKey);
    const iv = Buffer.from(fromBase64url(sealed.iv));
    expect(() => openAesGcm(key, iv, new Uint8Array(sealed.ct), Buffer.from(`sayso/${responseId}/spoken/room.comment`))).toThrow();
    expect(() => openAesGcm(key, iv, new Uint8Array(sealed.ct), Buffer.from(`sayso/${makeUuidV7()}/spoken/closing.spoken`))).toThrow();
    expect(() => openAesGcm(key, iv, new Uint8Array(sealed.ct), Buffer.from(`sayso/${responseId}`))).toThrow();
  });

  it('uses a fresh IV for every seal', async () => {
    const { sealingKey } = testKey();
    const responseId = makeUuidV7();
    const sealer = await makeResponseSealer(responseId, sealingKey);
    const aad = spokenAad(responseId, 'closing.spoken');
    const ivs = new Set<string>();
    for (let i = 0; i < 20; i++) ivs.add((await sealer.sealBytes(recording(), aad)).iv);
    expect(ivs.size).toBe(20);
  });
});
