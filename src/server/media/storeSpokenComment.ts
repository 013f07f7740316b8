import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { quarterOfDay } from '../../survey/periods.ts';
import { listQuestions } from '../../survey/walkItems.ts';
import type { Database } from '../db/schema.ts';
import type { DeviceEnrollment } from '../queries/enrollments.ts';
import { getSurveyVersion } from '../queries/surveyVersions.ts';
import { localDay } from '../rollupCells.ts';
import { openSpokenClip } from './openSpokenClip.ts';
import { looksLike, type AudioType } from './sniffAudio.ts';

export interface SpokenUpload {
  device: DeviceEnrollment;
  responseId: string;
  questionId: string;
  clientClipId: string;
  mime: { mime: string; type: AudioType };
  iv: string;
  durationMs: number;
  ciphertext: Uint8Array;
}

export type SpokenResult =
  | { status: 'stored' | 'duplicate' }
  | { status: 'not_synced' | 'not_found' | 'conflict' | 'not_sealed' | 'not_spoken' | 'bad_seal' | 'not_audio' };

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Stores a tablet's sealed spoken comment beside its response: only for a sealed response
 * of the tablet's own facility and a spoken question of its survey version. Retry-safe by
 * clip id. The seal is opened once here, so a clip that would never play is refused while
 * the tablet still has it; what is stored stays sealed.
 */
export async function storeSpokenComment(db: Kysely<Database>, upload: SpokenUpload, now = new Date()): Promise<SpokenResult> {
  const response = await db.selectFrom('responses')
    .select(['id', 'organisation_id', 'facility_id', 'survey_id', 'survey_version', 'reported_at', 'sealed_key'])
    .where('id', '=', upload.responseId).executeTakeFirst();
  if (!response) return { status: 'not_synced' };
  // Another facility's response looks like one that does not exist.
  if (response.organisation_id !== upload.device.organisation_id || response.facility_id !== upload.device.facility_id) return { status: 'not_found' };
  if (!response.sealed_key) return { status: 'not_sealed' };
  const survey = await getSurveyVersion(db, response.organisation_id, response.survey_id, Number(response.survey_version));
  const question = survey && listQuestions(survey.items).find((q) => q.question.id === upload.questionId)?.question;
  if (!question || question.kind !== 'spoken') return { status: 'not_spoken' };

  const digest = sha256(upload.ciphertext);
  const earlier = async (): Promise<SpokenResult | undefined> => {
    const row = await db.selectFrom('spoken_comments').select(['client_clip_id', 'sha256'])
      .where('response_id', '=', upload.responseId).where('question_id', '=', upload.questionId).executeTakeFirst();
    if (!row) return undefined;
    return row.client_clip_id === upload.clientClipId && row.sha256 === digest ? { status: 'duplicate' } : { status: 'conflict' };
  };
  const known = await earlier();
  if (known) return known;

  let plain: Buffer;
  try {
    plain = await openSpokenClip(db, {
      organisationId: response.organisation_id, responseId: response.id, questionId: upload.questionId,
      sealedKey: response.sealed_key, iv: upload.iv, ciphertext: upload.ciphertext,
    });
  } catch {
    return { status: 'bad_seal' };
  }
  const playable = looksLike(upload.mime.type, plain);
  plain.fill(0);
  if (!playable) return { status: 'not_audio' };

  try {
    await db.insertInto('spoken_comments').values({
      id: randomBytes(16).toString('base64url'), response_id: response.id, question_id: upload.questionId,
      organisation_id: response.organisation_id, facility_id: response.facility_id, survey_id: response.survey_id,
      period: quarterOfDay(localDay(response.reported_at, upload.device.time_zone)), client_clip_id: upload.clientClipId,
      mime: upload.mime.mime, iv: upload.iv,
      audio: Buffer.from(upload.ciphertext.buffer, upload.ciphertext.byteOffset, upload.ciphertext.byteLength),
      byte_length: upload.ciphertext.byteLength, sha256: digest, duration_ms: upload.durationMs,
      received_at: now.toISOString(), audio_deleted_at: null, transcript: null, transcribed_at: null,
    }).execute();
  } catch (error) {
    // The same comment sent twice at once: the unique (response, question) lets one in.
    const raced = await earlier();
    if (raced) return raced;
    throw error;
  }
  return { status: 'stored' };
}
