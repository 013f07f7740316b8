import type { KeyObject } from 'node:crypto';
import { MEDIATOR_NOTES_MAX, type MediatorNotes } from '../../survey/responseEnvelope.ts';
import type { SealedKey } from '../../survey/sealing.ts';
import { openAesGcm, unwrapContentKey } from '../unwrapContentKey.ts';
import { mediatorNotesAad } from './mediatorNotesAad.ts';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A mediator's note as text: `{text}` as sent (a tablet with no organisation key yet), or
 * `{sealed}` opened with the response's content key (the one its answers are sealed with),
 * AES-256-GCM bound to `sayso/<responseId>/mediator-notes`. Throws, saying why, when a seal
 * does not open, the response has no sealed key, or the text is empty or too long.
 */
export function openMediatorNotes(
  notes: MediatorNotes,
  input: { responseId: string; sealedKey: SealedKey | undefined; privateKey: KeyObject | undefined },
): string {
  let text: string;
  if ('text' in notes) text = notes.text;
  else {
    if (!input.sealedKey || !input.privateKey) throw new Error('a sealed note needs the response to be sealed too: its content key opens the note');
    const contentKey = unwrapContentKey(input.sealedKey, input.responseId, input.privateKey);
    const plain = openAesGcm(contentKey, Buffer.from(notes.sealed.iv, 'base64url'), Buffer.from(notes.sealed.ct, 'base64url'), mediatorNotesAad(input.responseId));
    text = strictUtf8.decode(plain);
  }
  // PostgreSQL text cannot hold NUL, and neither database should get lone surrogates.
  text = text.replace(/\u0000/g, '\uFFFD').toWellFormed();
  if (text.trim() === '') throw new Error('the note is empty');
  if (text.length > MEDIATOR_NOTES_MAX) throw new Error(`the note is over ${MEDIATOR_NOTES_MAX} characters`);
  return text;
}
