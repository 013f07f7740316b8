import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { Kysely } from 'kysely';
import { makeUuidV7 } from '../../survey/makeUuidV7.ts';
import type { SealingKey } from '../../survey/sealing.ts';
import type { Database } from '../db/schema.ts';

/** Makes a new current key for an organisation; earlier keys are retired but kept to open older responses. */
export async function rotateOrganisationKey(db: Kysely<Database>, organisationId: string, now = new Date()): Promise<SealingKey> {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const keyId = makeUuidV7(now.getTime());
  const publicJwk = publicKey.export({ format: 'jwk' });
  await db.transaction().execute(async (tx) => {
    await tx.updateTable('organisation_keys').set({ retired_at: now.toISOString() }).where('organisation_id', '=', organisationId).where('retired_at', 'is', null).execute();
    await tx.insertInto('organisation_keys').values({
      key_id: keyId, organisation_id: organisationId, public_jwk: JSON.stringify(publicJwk),
      private_pkcs8: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), created_at: now.toISOString(), retired_at: null,
    }).execute();
  });
  return { keyId, publicKey: publicJwk };
}

/** The key tablets seal to now; made on first use for an organisation that has none. */
export async function currentSealingKey(db: Kysely<Database>, organisationId: string): Promise<SealingKey> {
  const row = await db.selectFrom('organisation_keys').select(['key_id', 'public_jwk'])
    .where('organisation_id', '=', organisationId).where('retired_at', 'is', null)
    .orderBy('created_at', 'desc').executeTakeFirst();
  return row ? { keyId: row.key_id, publicKey: JSON.parse(row.public_jwk) as JsonWebKey } : rotateOrganisationKey(db, organisationId);
}

const privateKeys = new WeakMap<Kysely<Database>, Map<string, Promise<KeyObject | undefined>>>();

/** An organisation's private key by id (current or retired), parsed once per process. */
export function organisationPrivateKey(db: Kysely<Database>, organisationId: string, keyId: string): Promise<KeyObject | undefined> {
  let cache = privateKeys.get(db);
  if (!cache) privateKeys.set(db, (cache = new Map()));
  const key = `${organisationId}/${keyId}`;
  let found = cache.get(key);
  if (!found) {
    found = db.selectFrom('organisation_keys').select('private_pkcs8').where('key_id', '=', keyId).where('organisation_id', '=', organisationId).executeTakeFirst()
      .then((row) => (row ? createPrivateKey(row.private_pkcs8) : undefined));
    const entries = cache;
    found.then((k) => k ?? entries.delete(key), () => entries.delete(key));
    cache.set(key, found);
  }
  return found;
}
