import { createDecipheriv, createECDH, hkdfSync, type KeyObject } from 'node:crypto';
import type { Answers, AnswerValue } from '../survey/answers.ts';
import { foldAnswerEvents, type AnswerEvent } from '../survey/foldAnswerEvents.ts';
import { SEALING_ALGORITHM, WRAP_INFO, type SealedAnswers } from '../survey/sealing.ts';

const aad = (responseId: string) => Buffer.from(`sayso/${responseId}`);

function gcmOpen(key: Buffer, iv: string, sealed: string, responseId: string): Buffer {
  const bytes = Buffer.from(sealed, 'base64url');
  if (bytes.length < 17) throw new Error('ciphertext too short');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(aad(responseId));
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]);
}

const agreements = new WeakMap<KeyObject, ReturnType<typeof createECDH>>();

/** ECDH with the organisation's private key, on the raw point: no key object per response. */
function sharedSecret(privateKey: KeyObject, epk: string): Buffer {
  let ecdh = agreements.get(privateKey);
  if (!ecdh) {
    ecdh = createECDH('prime256v1');
    ecdh.setPrivateKey(Buffer.from(privateKey.export({ format: 'jwk' }).d!, 'base64url'));
    agreements.set(privateKey, ecdh);
  }
  const point = Buffer.from(epk, 'base64url');
  if (point.length !== 65 || point[0] !== 4) throw new Error('not an uncompressed P-256 point');
  return ecdh.computeSecret(point);
}

/**
 * Opens a sealed response with the organisation's private key and folds its events into
 * answers. Throws when anything does not authenticate: a tampered byte, a wrong key, an
 * event moved from another response.
 */
export function openSealedAnswers(sealed: SealedAnswers, responseId: string, privateKey: KeyObject): Answers {
  if (sealed.key.alg !== SEALING_ALGORITHM || sealed.key.v !== 1) throw new Error(`unknown sealing ${sealed.key.alg} v${sealed.key.v}`);
  const shared = sharedSecret(privateKey, sealed.key.epk);
  const wrappingKey = Buffer.from(hkdfSync('sha256', shared, Buffer.from(responseId), Buffer.from(WRAP_INFO), 32));
  const contentKey = gcmOpen(wrappingKey, sealed.key.iv, sealed.key.ct, responseId);
  if (contentKey.length !== 32) throw new Error('the content key is not 256 bits');
  if (sealed.final) {
    const opened = JSON.parse(gcmOpen(contentKey, sealed.final.iv, sealed.final.ct, responseId).toString('utf8')) as { final?: Answers };
    if (!opened.final || typeof opened.final !== 'object') throw new Error('the final answers are not an object');
    return opened.final;
  }
  const events: AnswerEvent[] = sealed.events.map((event) => {
    const opened = JSON.parse(gcmOpen(contentKey, event.iv, event.ct, responseId).toString('utf8')) as { questionId: string; value: AnswerValue | null; at: string };
    return { questionId: opened.questionId, value: opened.value, at: opened.at, seq: event.seq };
  });
  return foldAnswerEvents(events);
}
