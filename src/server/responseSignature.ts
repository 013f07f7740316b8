import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { canonicalJson } from '../survey/canonicalJson.ts';
import { macContent, type ResponseEnvelope } from '../survey/responseEnvelope.ts';

/**
 * Checks a response's MAC with its enrollment's secret and hashes its content, on the
 * same canonical bytes the tablet signed (src/survey/responseMac.ts). Synchronous
 * node:crypto: on the ingest path it is several times cheaper than WebCrypto's promises.
 */
export function checkResponseSignature(response: ResponseEnvelope, secret: string): { valid: boolean; contentHash: string } {
  const content = canonicalJson(macContent(response));
  const expected = createHmac('sha256', Buffer.from(secret, 'base64url')).update(content).digest();
  const given = Buffer.from(response.mac, 'base64url');
  return {
    valid: given.length === expected.length && timingSafeEqual(given, expected),
    contentHash: createHash('sha256').update(content).digest('base64url'),
  };
}
