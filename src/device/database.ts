import Dexie, { type Table } from 'dexie';
import type { Answers, AnswerValue } from '../survey/answers.ts';
import type { SealedKey } from '../survey/sealing.ts';
import type { Assistance, MediatorNotes } from '../survey/responseEnvelope.ts';

export type ResponseStatus = 'draft' | 'complete' | 'partial';

/** Why a response was closed before its end. */
export type ClosedReason = 'idle' | 'reload' | 'start-over' | 'storage-fault' | 'mediator-left';

/** A response's metadata and, once closed, its folded answers. */
export interface StoredResponse {
  id: string;
  surveyId: string;
  surveyVersion: number;
  language: string;
  status: ResponseStatus;
  source: 'tablet';
  /** assisted: a mediator was present (mediator mode); `assistance` says who and how. */
  mode: 'self' | 'assisted';
  assistance?: Assistance;
  /** The mediator's observations, set when the response completes: sealed like the answers when the tablet has the key. */
  mediatorNotes?: MediatorNotes;
  startedAt: string;
  updatedAt: string;
  completedAt?: string;
  closedReason?: ClosedReason;
  /** Number of answer events: the next event's seq. */
  eventCount: number;
  /** Filled when the response is closed (complete or partial). */
  answers?: Answers;
  /** The enrollment that signed it, and its MAC: fixed once, so every resend is identical. */
  enrollmentId?: string;
  mac?: string;
  /** When the server acknowledged it (accepted or duplicate). */
  syncedAt?: string;
  /**
   * Set when its answers are sealed to the organisation's key: the events hold only
   * ciphertext, and `answers` is never stored. `sealedFinal` is the folded answers sealed
   * at close, absent when the response was closed after a reload or crash.
   */
  sealedKey?: SealedKey;
  sealedFinal?: { iv: string; ct: string };
}

/** A response the server refused: kept for staff to see and export, never dropped silently. */
export interface QuarantinedResponse {
  responseId: string;
  rejectedAt: string;
  code: string;
  message: string;
}

/** One tap: in the clear on a tablet with no organisation key yet, else sealed. */
export type StoredAnswerEvent =
  | { responseId: string; seq: number; at: string; questionId: string; value: AnswerValue | null; sealed?: undefined }
  | { responseId: string; seq: number; at: string; sealed: { iv: string; ct: string }; questionId?: undefined; value?: undefined };

export interface OutboxEntry {
  responseId: string;
  /** When the response entered the outbox: sync sends oldest first. */
  queuedAt: string;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

/**
 * A prompt clip recorded on this tablet (designer or mediator): kept here from the first
 * second, heard back, re-recorded, then published (uploaded with POST /api/v1/media).
 */
export interface MediaDraft {
  /** Client-made id (UUID), sent as clipId so a retried upload is one clip on the server. */
  id: string;
  /** Prompt key and language it speaks (src/survey/prompts.ts). */
  key: string;
  language: string;
  /** promptTextHash of the text it was recorded for: a changed text shows as stale. */
  textHash: string;
  mime: string;
  audio: ArrayBuffer;
  durationMs: number;
  recordedAt: string;
  /** draft: only here; queued: to upload at the next sync; published: the server has it. */
  status: 'draft' | 'queued' | 'published';
  publishedAt?: string;
  /** The server's last refusal (bad file, too large): shown to staff, the draft kept. */
  error?: string;
}

/**
 * A respondent's spoken comment, sealed with their response's content key as it is made:
 * it waits here until the server has it, then its bytes are deleted from the tablet.
 */
export interface SpokenClip {
  responseId: string;
  questionId: string;
  /** The answer value of the spoken question names this id. */
  clipId: string;
  mime: string;
  /** AES-GCM under the response's content key (AAD sayso/<responseId>/spoken/<questionId>). */
  iv: string;
  ct: ArrayBuffer;
  durationMs: number;
  recordedAt: string;
  uploadedAt?: string;
  error?: string;
}

export const DATABASE_NAME = 'sayso';

/**
 * The schema history. Each entry is immutable once released: a new need is a new
 * version with an upgrade function, and test/device/database.test.ts opens every
 * earlier version with data in it and upgrades.
 */
export const SCHEMA_VERSIONS: ReadonlyArray<{
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: import('dexie').Transaction) => Promise<void>;
}> = [
  {
    version: 1,
    stores: {
      responses: 'id, status, surveyId',
      answerEvents: '[responseId+seq], responseId',
      outbox: 'responseId',
    },
  },
  {
    // v2: the outbox is ordered by queue time (oldest synced first), and device
    // settings get a table of their own.
    version: 2,
    stores: {
      outbox: 'responseId, queuedAt',
      settings: 'key',
    },
    upgrade: async (tx) => {
      const responses = tx.table<StoredResponse, string>('responses');
      const outbox = tx.table<OutboxEntry, string>('outbox');
      for (const entry of await outbox.toArray()) {
        const response = await responses.get(entry.responseId);
        const queuedAt = response?.completedAt ?? response?.updatedAt ?? new Date(0).toISOString();
        await outbox.put({ ...entry, queuedAt });
      }
    },
  },
  {
    // v3: responses the server rejected wait here for staff.
    version: 3,
    stores: {
      quarantine: 'responseId, rejectedAt',
    },
  },
  {
    // v4: prompt clips recorded on the tablet, and respondents' sealed spoken comments.
    version: 4,
    stores: {
      mediaDrafts: 'id, [key+language], status',
      spokenClips: '[responseId+questionId], responseId, uploadedAt',
    },
  },
];

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;

export class SaysoDatabase extends Dexie {
  responses!: Table<StoredResponse, string>;
  answerEvents!: Table<StoredAnswerEvent, [string, number]>;
  outbox!: Table<OutboxEntry, string>;
  settings!: Table<SettingRow, string>;
  quarantine!: Table<QuarantinedResponse, string>;
  mediaDrafts!: Table<MediaDraft, string>;
  spokenClips!: Table<SpokenClip, [string, string]>;

  constructor(name: string = DATABASE_NAME, options: { upToVersion?: number; indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {}) {
    super(name, {
      // Every tap must survive a power cut: ask Chrome to flush before it reports success.
      chromeTransactionDurability: 'strict',
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
    });
    const upTo = options.upToVersion ?? CURRENT_SCHEMA_VERSION;
    for (const step of SCHEMA_VERSIONS) {
      if (step.version > upTo) break;
      const declared = this.version(step.version).stores(step.stores);
      if (step.upgrade) declared.upgrade(step.upgrade);
    }
  }
}
