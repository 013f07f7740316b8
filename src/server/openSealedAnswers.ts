import type { KeyObject } from 'node:crypto';
import type { Answers, AnswerValue } from '../survey/answers.ts';
import { foldAnswerEvents, type AnswerEvent } from '../survey/foldAnswerEvents.ts';
import type { SealedAnswers } from '../survey/sealing.ts';
import { openAesGcm, unwrapContentKey } from './unwrapContentKey.ts';

/** Opens one sealed item of a response: its AAD is `sayso/<responseId>`. */
function gcmOpen(key: Buffer, iv: string, sealed: string, responseId: string): Buffer {
  return openAesGcm(key, Buffer.from(iv, 'base64url'), Buffer.from(sealed, 'base64url'), Buffer.from(`sayso/${responseId}`));
}

/**
 * Opens a sealed response with the organisation's private key and folds its events into
 * answers. Throws when anything does not authenticate: a tampered byte, a wrong key, an
 * event moved from another response.
 */
export function openSealedAnswers(sealed: SealedAnswers, responseId: string, privateKey: KeyObject): Answers {
  const contentKey = unwrapContentKey(sealed.key, responseId, privateKey);
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
