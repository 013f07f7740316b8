import { createDecipheriv, createECDH, hkdfSync, type KeyObject } from 'node:crypto';
import { SEALING_ALGORITHM, WRAP_INFO, type SealedKey } from '../survey/sealing.ts';

/** AES-256-GCM open of ciphertext that ends with its 16-byte tag (WebCrypto's layout), bound to `aad`. */
export function openAesGcm(key: Buffer, iv: Buffer, sealed: Uint8Array, aad: Uint8Array): Buffer {
  if (sealed.length < 17) throw new Error('ciphertext too short');
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(aad);
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]);
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
 * A response's AES-256 content key, unwrapped with the organisation's private key
 * (src/survey/sealing.ts makes it): ECDH with the ephemeral key, HKDF-SHA256 salted with
 * the response id, then AES-GCM bound to `sayso/<responseId>`. Throws when it does not
 * authenticate. Answers and spoken comments of the response are sealed with this key.
 */
export function unwrapContentKey(key: SealedKey, responseId: string, privateKey: KeyObject): Buffer {
  if (key.alg !== SEALING_ALGORITHM || key.v !== 1) throw new Error(`unknown sealing ${key.alg} v${key.v}`);
  const shared = sharedSecret(privateKey, key.epk);
  const wrappingKey = Buffer.from(hkdfSync('sha256', shared, Buffer.from(responseId), Buffer.from(WRAP_INFO), 32));
  const contentKey = openAesGcm(wrappingKey, Buffer.from(key.iv, 'base64url'), Buffer.from(key.ct, 'base64url'), Buffer.from(`sayso/${responseId}`));
  if (contentKey.length !== 32) throw new Error('the content key is not 256 bits');
  return contentKey;
}
