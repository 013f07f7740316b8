import { canonicalJson } from './canonicalJson.ts';
import { macContent, type ResponseEnvelope } from './responseEnvelope.ts';

function base64url(bytes: ArrayBuffer): string {
  let binary = '';
  for (const byte of new Uint8Array(bytes)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

async function hmacKey(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', fromBase64url(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
}

/**
 * HMAC-SHA256, with the enrollment's secret, of the response's canonical content: the
 * server maps the enrollment to its facility, so a response keeps its facility through
 * re-enrollment and late syncs, and cannot be moved to another.
 */
export async function makeResponseMac(response: Omit<ResponseEnvelope, 'mac'>, secret: string): Promise<string> {
  const data = new TextEncoder().encode(canonicalJson(macContent(response as ResponseEnvelope)));
  return base64url(await crypto.subtle.sign('HMAC', await hmacKey(secret), data));
}

export async function verifyResponseMac(response: ResponseEnvelope, secret: string): Promise<boolean> {
  const data = new TextEncoder().encode(canonicalJson(macContent(response)));
  return crypto.subtle.verify('HMAC', await hmacKey(secret), fromBase64url(response.mac), data);
}

/** SHA-256 of the response's canonical content, to tell a retry from a different response with the same id. */
export async function responseContentHash(response: ResponseEnvelope): Promise<string> {
  const data = new TextEncoder().encode(canonicalJson(macContent(response)));
  return base64url(await crypto.subtle.digest('SHA-256', data));
}

/** A random secret or token: 32 bytes, base64url. */
export function makeSecret(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return base64url(bytes.buffer);
}
