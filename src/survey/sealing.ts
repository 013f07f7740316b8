/**
 * Encryption at rest of a response's answers (ECIES-style): each response gets a random
 * AES-256-GCM content key K; K is wrapped under a key agreed by ECDH P-256 between a
 * fresh ephemeral key and the organisation's public key, through HKDF-SHA256. Each answer
 * event is sealed with K. The tablet keeps K only in memory while the respondent answers,
 * so it cannot read back earlier respondents' answers; only the server, holding the
 * organisation's private key, opens them. WebCrypto: runs in browsers and in Node.
 */
import { canonicalJson } from './canonicalJson.ts';

export const SEALING_ALGORITHM = 'ECDH-ES-P256+HKDF-SHA256+A256GCM';
export const WRAP_INFO = 'sayso/key-wrap@1';

/** The organisation's public key, as the device bundle carries it. */
export interface SealingKey {
  keyId: string;
  publicKey: JsonWebKey;
}

/** The wrapped content key, stored with the response and sent with it. */
export interface SealedKey {
  v: 1;
  alg: typeof SEALING_ALGORITHM;
  keyId: string;
  /** Ephemeral public key, uncompressed point, base64url. */
  epk: string;
  iv: string;
  ct: string;
}

/** One answer event, sealed with the response's content key. */
export interface SealedEvent {
  seq: number;
  iv: string;
  ct: string;
}

/**
 * What a sealed response carries instead of its answers: the folded answers sealed at
 * close (`final`) when the tablet still held the content key, else the sealed answer
 * events (a response closed after a reload or crash), which the server folds.
 */
export interface SealedAnswers {
  key: SealedKey;
  events: SealedEvent[];
  final?: { iv: string; ct: string };
}

export function toBase64url(bytes: ArrayBuffer | Uint8Array): string {
  let binary = '';
  for (const byte of new Uint8Array(bytes)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(new ArrayBuffer(length));
  crypto.getRandomValues(bytes);
  return bytes;
}

const encoder = new TextEncoder();

/** The additional data every seal of a response is bound to: a sealed event cannot be moved to another response. */
export const sealingAad = (responseId: string) => encoder.encode(`sayso/${responseId}`);

/** The additional data of a spoken comment: its sound cannot be moved to another response or question (docs/media-api.md). */
export const spokenAad = (responseId: string, questionId: string) => encoder.encode(`sayso/${responseId}/spoken/${questionId}`);
/** What a mediator's sealed note is bound to: it cannot be moved to another response. */
export const mediatorNotesAad = (responseId: string) => encoder.encode(`sayso/${responseId}/mediator-notes`);

/** A response's content key, held in memory only for as long as its respondent answers. */
export interface ResponseSealer {
  key: SealedKey;
  /**
   * Seals raw bytes (a spoken comment's recording) under the content key: a fresh 12-byte
   * IV (base64url) and the AES-GCM ciphertext with its 16-byte tag appended, bound to `aad`.
   */
  sealBytes(bytes: ArrayBuffer | Uint8Array<ArrayBuffer>, aad: Uint8Array<ArrayBuffer>): Promise<{ iv: string; ct: ArrayBuffer }>;
  sealEvent(event: { questionId: string; value: unknown; at: string }): Promise<{ iv: string; ct: string }>;
  /** Seals the folded answers at close: one blob for the server to open instead of every tap. */
  sealFinal(answers: Record<string, unknown>): Promise<{ iv: string; ct: string }>;
}

/** Makes a fresh content key for a response and wraps it to the organisation's public key. */
export async function makeResponseSealer(responseId: string, sealingKey: SealingKey): Promise<ResponseSealer> {
  const organisationKey = await crypto.subtle.importKey('jwk', sealingKey.publicKey, { name: 'ECDH', namedCurve: 'P-256' }, false, []);
  const ephemeral = (await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits'])) as CryptoKeyPair;
  const shared = await crypto.subtle.deriveBits({ name: 'ECDH', public: organisationKey }, ephemeral.privateKey, 256);
  const hkdfKey = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  const wrappingKey = await crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: encoder.encode(responseId), info: encoder.encode(WRAP_INFO) },
    hkdfKey,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt'],
  );
  const contentKeyBytes = randomBytes(32);
  const wrapIv = randomBytes(12);
  const wrapped = await crypto.subtle.encrypt({ name: 'AES-GCM', iv: wrapIv, additionalData: sealingAad(responseId) }, wrappingKey, contentKeyBytes);
  const contentKey = await crypto.subtle.importKey('raw', contentKeyBytes, 'AES-GCM', false, ['encrypt']);
  contentKeyBytes.fill(0);
  const epk = await crypto.subtle.exportKey('raw', ephemeral.publicKey);
  const seal = async (content: unknown) => {
    const iv = randomBytes(12);
    const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: sealingAad(responseId) }, contentKey, encoder.encode(canonicalJson(content)));
    return { iv: toBase64url(iv), ct: toBase64url(ct) };
  };
  return {
    key: { v: 1, alg: SEALING_ALGORITHM, keyId: sealingKey.keyId, epk: toBase64url(epk), iv: toBase64url(wrapIv), ct: toBase64url(wrapped) },
    sealEvent: (event) => seal(event),
    sealFinal: (answers) => seal({ final: answers }),
    sealBytes: async (bytes, aad) => {
      const iv = randomBytes(12);
      const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad }, contentKey, bytes);
      return { iv: toBase64url(iv), ct };
    },
  };
}
