import type { Kysely } from 'kysely';
import type { SealedKey } from '../../survey/sealing.ts';
import type { Database } from '../db/schema.ts';
import { organisationPrivateKey } from '../queries/organisationKeys.ts';
import { openAesGcm, unwrapContentKey } from '../unwrapContentKey.ts';
import { spokenAad } from './spokenAad.ts';

/**
 * The recording of a spoken comment: the response's content key unwrapped with the
 * organisation's private key, then AES-256-GCM bound to `sayso/<responseId>/spoken/<questionId>`.
 * Throws when the seal does not authenticate or the key is gone.
 */
export async function openSpokenClip(
  db: Kysely<Database>,
  input: { organisationId: string; responseId: string; questionId: string; sealedKey: string; iv: string; ciphertext: Uint8Array },
): Promise<Buffer> {
  const key = JSON.parse(input.sealedKey) as SealedKey;
  const privateKey = await organisationPrivateKey(db, input.organisationId, key.keyId);
  if (!privateKey) throw new Error(`the organisation has no key ${key.keyId}`);
  const contentKey = unwrapContentKey(key, input.responseId, privateKey);
  return openAesGcm(contentKey, Buffer.from(input.iv, 'base64url'), input.ciphertext, spokenAad(input.responseId, input.questionId));
}
