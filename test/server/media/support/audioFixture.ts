import type { Hono } from 'hono';
import { createEnrollmentCode } from '../../../../src/server/queries/enrollments.ts';
import { createFacility, createOrganisation } from '../../../../src/server/queries/organisations.ts';
import { createStaff, type StaffRole } from '../../../../src/server/queries/staff.ts';
import { publishSurveyVersion } from '../../../../src/server/queries/surveyVersions.ts';
import type { Database } from '../../../../src/server/db/schema.ts';
import type { Kysely } from 'kysely';
import { makeUuidV7 } from '../../../../src/survey/makeUuidV7.ts';
import { SEALING_ALGORITHM, WRAP_INFO, toBase64url, type SealedAnswers, type SealingKey } from '../../../../src/survey/sealing.ts';
import { signIn, type StaffSession } from '../../auth/staffClient.ts';
import { signedResponse } from '../../support/signedResponse.ts';

export const PASSWORD = 'correct horse battery';

/** A survey with a spoken comment question, as an agency would publish it. */
export const VOICE_SURVEY = {
  schema: 'sayso/survey@1', id: 'voice', version: 1, title: { en: 'Voice survey' }, defaultLanguage: 'en', languages: ['en'],
  items: [
    { kind: 'yesno', id: 'room.satisfied', required: true, pictogram: 'room', text: { en: 'Are you satisfied with your room?' } },
    { kind: 'spoken', id: 'voice.comment', pictogram: 'comment', text: { en: 'Tell us more' } },
    { kind: 'text', id: 'typed', pictogram: 'comment', text: { en: 'Anything else?' } },
  ],
};

const text = (s: string) => [...s].map((ch) => ch.charCodeAt(0));

/** A playable 8 kHz mono 16-bit WAV of `samples` samples of a tone (RIFF header per the WAVE spec). */
export function wavBytes(samples = 800, seed = 1): Uint8Array<ArrayBuffer> {
  const data = samples * 2;
  const out = new Uint8Array(new ArrayBuffer(44 + data));
  const view = new DataView(out.buffer);
  out.set(text('RIFF'), 0);
  view.setUint32(4, 36 + data, true);
  out.set(text('WAVEfmt '), 8);
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, 8000, true);
  view.setUint32(28, 16000, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  out.set(text('data'), 36);
  view.setUint32(40, data, true);
  for (let i = 0; i < samples; i++) view.setInt16(44 + i * 2, Math.round(8000 * Math.sin((i * seed) / 5)), true);
  return out;
}

/** The first bytes of a WebM file (EBML header) followed by filler: enough for the magic-byte check. */
export function webmBytes(length = 256): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(new ArrayBuffer(length));
  out.set([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01], 0);
  for (let i = 9; i < length; i++) out[i] = (i * 31) & 0xff;
  return out;
}

const encoder = new TextEncoder();

/**
 * A response sealed the way a tablet seals it (src/survey/sealing.ts), written out again
 * with WebCrypto so the test holds the content key: its answers, and spoken clips sealed
 * with the same key, IV and AAD rules as docs/media-api.md.
 */
export async function sealedResponseWithKey(responseId: string, sealingKey: SealingKey, answers: Record<string, unknown>) {
  const organisationKey = await crypto.subtle.importKey('jwk', sealingKey.publicKey, { name: 'ECDH', namedCurve: 'P-256' }, false, []);
  const ephemeral = (await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits'])) as CryptoKeyPair;
  const shared = await crypto.subtle.deriveBits({ name: 'ECDH', public: organisationKey }, ephemeral.privateKey, 256);
  const hkdf = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  const wrappingKey = await crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: encoder.encode(responseId), info: encoder.encode(WRAP_INFO) }, hkdf, { name: 'AES-GCM', length: 256 }, false, ['encrypt'],
  );
  const keyBytes = crypto.getRandomValues(new Uint8Array(32));
  const wrapIv = crypto.getRandomValues(new Uint8Array(12));
  const responseAad = encoder.encode(`sayso/${responseId}`);
  const wrapped = await crypto.subtle.encrypt({ name: 'AES-GCM', iv: wrapIv, additionalData: responseAad }, wrappingKey, keyBytes);
  const contentKey = await crypto.subtle.importKey('raw', keyBytes, 'AES-GCM', false, ['encrypt']);
  const finalIv = crypto.getRandomValues(new Uint8Array(12));
  const finalCt = await crypto.subtle.encrypt({ name: 'AES-GCM', iv: finalIv, additionalData: responseAad }, contentKey, encoder.encode(JSON.stringify({ final: answers })));
  const epk = await crypto.subtle.exportKey('raw', ephemeral.publicKey);
  const sealed: SealedAnswers = {
    key: { v: 1, alg: SEALING_ALGORITHM, keyId: sealingKey.keyId, epk: toBase64url(epk), iv: toBase64url(wrapIv), ct: toBase64url(wrapped) },
    events: [],
    final: { iv: toBase64url(finalIv), ct: toBase64url(finalCt) },
  };
  /** A spoken clip sealed with this response's content key: ciphertext with its tag at the end. */
  const sealSpoken = async (questionId: string, audio: Uint8Array<ArrayBuffer>, aadOverride?: string) => {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const aad = encoder.encode(aadOverride ?? `sayso/${responseId}/spoken/${questionId}`);
    const ct = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad }, contentKey, audio));
    return { iv: toBase64url(iv), ct };
  };
  /** A mediator's note sealed with this response's content key (AAD sayso/<responseId>/mediator-notes unless overridden). */
  const sealNote = async (note: string, aadOverride?: string) => {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const aad = encoder.encode(aadOverride ?? `sayso/${responseId}/mediator-notes`);
    const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad }, contentKey, encoder.encode(note));
    return { sealed: { iv: toBase64url(iv), ct: toBase64url(ct) } };
  };
  return { sealed, sealSpoken, sealNote };
}

export interface EnrolledDevice { enrollmentId: string; token: string; secret: string; facilityId: string }

export async function enrollDevice(app: Hono, db: Kysely<Database>, facilityId: string, name = 'Tablet'): Promise<EnrolledDevice> {
  const { code } = await createEnrollmentCode(db, { facilityId });
  const response = await app.request('/api/v1/devices/enroll', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, name }) });
  return (await response.json()) as EnrolledDevice;
}

export const bearer = (device: { token: string }) => ({ authorization: `Bearer ${device.token}` });

export async function bundleOf(app: Hono, device: { token: string }) {
  const response = await app.request('/api/v1/device/bundle', { headers: bearer(device) });
  return { etag: response.headers.get('etag'), body: (await response.json()) as Record<string, any> };
}

/** Syncs one sealed response from a device and gives what its spoken clips need. */
export async function syncSealedResponse(app: Hono, device: EnrolledDevice, answers: Record<string, unknown> = { 'room.satisfied': true, 'voice.comment': 'clip' }) {
  const { body } = await bundleOf(app, device);
  const id = makeUuidV7();
  const { sealed, sealSpoken } = await sealedResponseWithKey(id, body.sealing as SealingKey, answers);
  const response = await signedResponse(device, { id, surveyId: 'voice', surveyVersion: 1, answers: null, sealed } as never);
  const sync = await app.request('/api/v1/sync', { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(device) }, body: JSON.stringify({ responses: [response] }) });
  const results = (await sync.json()) as { results: Array<{ status: string; error?: unknown }> };
  if (results.results[0]?.status !== 'accepted') throw new Error(`sync refused: ${JSON.stringify(results)}`);
  return { id, sealSpoken };
}

export function putSpoken(app: Hono, device: { token: string }, input: { responseId: string; questionId: string; clipId: string; iv: string; ct: Uint8Array<ArrayBuffer>; mime?: string; durationMs?: number }) {
  const query = new URLSearchParams({ clipId: input.clipId, mime: input.mime ?? 'audio/wav', iv: input.iv, durationMs: String(input.durationMs ?? 1200) });
  return app.request(`/api/v1/responses/${input.responseId}/spoken/${input.questionId}?${query}`, {
    method: 'PUT', headers: { 'content-type': 'application/octet-stream', ...bearer(device) }, body: input.ct,
  });
}

/**
 * Organisation "Fedasil test" with facilities A and B, the voice survey, a tablet in each,
 * and a signed-in session per role (manager, inspector and mediator assigned to A only);
 * another organisation with its own tablet and admin.
 */
export async function audioWorld(app: Hono, db: Kysely<Database>) {
  const organisationId = (await createOrganisation(db, { name: 'Fedasil test' })).id;
  const A = (await createFacility(db, { organisationId, name: 'Centre A', timeZone: 'Europe/Brussels' })).id;
  const B = (await createFacility(db, { organisationId, name: 'Centre B', timeZone: 'Europe/Brussels' })).id;
  await publishSurveyVersion(db, { organisationId, definition: VOICE_SURVEY });
  const otherOrganisationId = (await createOrganisation(db, { name: 'Other agency' })).id;
  const elsewhere = (await createFacility(db, { organisationId: otherOrganisationId, name: 'Elsewhere', timeZone: 'Europe/Brussels' })).id;
  await publishSurveyVersion(db, { organisationId: otherOrganisationId, definition: VOICE_SURVEY });
  const sessions = {} as Record<StaffRole | 'foreign', StaffSession>;
  for (const role of ['admin', 'analyst', 'designer', 'manager', 'inspector', 'mediator'] as const) {
    const assigned = role === 'manager' || role === 'inspector' || role === 'mediator';
    const email = `${role}-${makeUuidV7().slice(-8)}@example.org`;
    await createStaff(db, { organisationId, email, password: PASSWORD, role, facilityIds: assigned ? [A] : [] });
    sessions[role] = await signIn(app, email, PASSWORD);
  }
  const foreignEmail = `admin-${makeUuidV7().slice(-8)}@other.example`;
  await createStaff(db, { organisationId: otherOrganisationId, email: foreignEmail, password: PASSWORD, role: 'admin' });
  sessions.foreign = await signIn(app, foreignEmail, PASSWORD);
  return {
    organisationId, otherOrganisationId, A, B, elsewhere, sessions,
    deviceA: await enrollDevice(app, db, A, 'Tablet A'),
    deviceB: await enrollDevice(app, db, B, 'Tablet B'),
    deviceOther: await enrollDevice(app, db, elsewhere, 'Tablet elsewhere'),
  };
}
