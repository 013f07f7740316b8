import type { Answers, AnswerValue } from '../survey/answers.ts';
import { foldAnswerEvents, type AnswerEvent } from '../survey/foldAnswerEvents.ts';
import type { ResponseSealer, SealedAnswers, SealedKey } from '../survey/sealing.ts';
import type { Assistance, MediatorNotes } from '../survey/responseEnvelope.ts';
import { classifyStorageError, StorageFault } from './storageFault.ts';
import type { ClosedReason, QuarantinedResponse, SaysoDatabase, StoredResponse } from './database.ts';
import { WITHDRAWALS_KEY } from './enrollmentRecord.ts';

/** Which survey a response answers, fixed at its first answer. */
export interface ResponseRef {
  responseId: string;
  surveyId: string;
  surveyVersion: number;
  language: string;
  /** Mediator mode: the response is created assisted, with the help recorded so far. */
  assistance?: Assistance;
}

/** One change to an answer: a value, or null to clear it. */
export interface AnswerChange {
  questionId: string;
  value: AnswerValue | null;
}

export interface StoreCounts {
  drafts: number;
  complete: number;
  partial: number;
  outbox: number;
}

/**
 * The tablet's storage as the app sees it: the only door through which screens reach
 * IndexedDB (STYLE.md, "I/O at the edges"). Every method either commits durably or
 * throws a StorageFault; nothing is reported saved before it is.
 */
export interface DeviceStore {
  /** The database itself, for the sibling stores of recorded prompts and spoken comments (mediaDrafts.ts, spokenClips.ts). */
  readonly database: SaysoDatabase;
  /**
   * Appends answer events; creates the response at its first answer. With a sealer
   * (the tablet has its organisation's key), only ciphertext is stored.
   */
  recordAnswers(ref: ResponseRef, changes: readonly AnswerChange[], now?: Date, sealer?: ResponseSealer): Promise<void>;
  /** Closes a response as complete and puts it in the outbox, in one transaction; `sealedFinal` is its sealed folded answers. */
  completeResponse(responseId: string, now?: Date, sealedFinal?: { iv: string; ct: string }, mediatorNotes?: MediatorNotes): Promise<StoredResponse>;
  /** Records the help given so far on an assisted draft (role, kinds, questions). */
  recordAssistance(responseId: string, assistance: Assistance, now?: Date): Promise<void>;
  /**
   * The respondent changed their mind: their draft, its answer events and spoken clips are
   * deleted, and only the running count under `counterKey` (settings 'withdrawals') grows,
   * in one transaction. Without a draft (no answer yet) only the count grows.
   */
  withdrawDraft(responseId: string | undefined, counterKey: string): Promise<void>;
  /** Closes one draft as partial (walked away, started over) and queues it. */
  closeAsPartial(responseId: string, reason: ClosedReason, now?: Date, sealedFinal?: { iv: string; ct: string }): Promise<StoredResponse | undefined>;
  /** What a sealed response sends: its wrapped key and its sealed answers. */
  sealedAnswers(responseId: string): Promise<SealedAnswers | undefined>;
  /** Closes every draft left behind by a reload or crash; returns how many. */
  closeAbandonedDrafts(now?: Date): Promise<number>;
  getResponse(responseId: string): Promise<StoredResponse | undefined>;
  counts(): Promise<StoreCounts>;
  getSetting<T>(key: string): Promise<T | undefined>;
  setSetting(key: string, value: unknown): Promise<void>;
  /** Closed responses waiting for the server, oldest first (all of them without a limit). */
  listOutbox(limit?: number): Promise<StoredResponse[]>;
  /** Records the enrollment and MAC a response is sent with, once: resends stay identical. */
  saveSignature(responseId: string, enrollmentId: string, mac: string): Promise<void>;
  /**
   * The server has them (accepted or duplicate): out of the outbox, marked synced, and
   * their answers, answer events and mediator notes deleted from the tablet; the metadata stays for staff.
   */
  acknowledge(responseIds: readonly string[], now?: Date): Promise<void>;
  /** Replaces a closed, never-sent response's plain answers with their sealed form, deleting the plain events. */
  sealStoredAnswers(responseId: string, sealedKey: SealedKey, sealedFinal: { iv: string; ct: string }): Promise<void>;
  /** The server refused them: out of the outbox, into the quarantine, in one step. */
  quarantine(items: ReadonlyArray<{ responseId: string; code: string; message: string }>, now?: Date): Promise<void>;
  listQuarantine(): Promise<QuarantinedResponse[]>;
}

async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw classifyStorageError(error);
  }
}

export function makeDeviceStore(db: SaysoDatabase): DeviceStore {
  const closeResponse = async (
    response: StoredResponse,
    status: 'complete' | 'partial',
    now: Date,
    reason?: ClosedReason,
    sealedFinal?: { iv: string; ct: string },
  ): Promise<StoredResponse> => {
    // A sealed response cannot be folded here: the tablet no longer holds its key.
    let answers: Answers | undefined;
    if (!response.sealedKey) {
      const events = await db.answerEvents.where('responseId').equals(response.id).toArray();
      answers = foldAnswerEvents(events.flatMap((e): AnswerEvent[] => (e.questionId === undefined ? [] : [{ questionId: e.questionId, value: e.value, at: e.at, seq: e.seq }])));
    }
    const closed: StoredResponse = {
      ...response,
      status,
      ...(answers ? { answers } : {}),
      ...(sealedFinal && response.sealedKey ? { sealedFinal } : {}),
      updatedAt: now.toISOString(),
      completedAt: now.toISOString(),
      ...(reason ? { closedReason: reason } : {}),
    };
    await db.responses.put(closed);
    await db.outbox.put({ responseId: response.id, queuedAt: now.toISOString() });
    return closed;
  };

  return {
    database: db,
    recordAnswers: (ref, changes, now = new Date(), sealer) =>
      guard(async () => {
        const at = now.toISOString();
        // WebCrypto first: an IndexedDB transaction cannot wait for it.
        const sealed = sealer ? await Promise.all(changes.map((c) => sealer.sealEvent({ questionId: c.questionId, value: c.value, at }))) : undefined;
        return db.transaction('rw', db.responses, db.answerEvents, async () => {
          const existing = await db.responses.get(ref.responseId);
          if (existing && existing.status !== 'draft') {
            throw new StorageFault('failed', `response ${ref.responseId} is already closed`);
          }
          if (existing && Boolean(existing.sealedKey) !== Boolean(sealer)) {
            throw new StorageFault('failed', `response ${ref.responseId} cannot mix sealed and plain answers`);
          }
          const response: StoredResponse = existing ?? {
            id: ref.responseId,
            surveyId: ref.surveyId,
            surveyVersion: ref.surveyVersion,
            language: ref.language,
            status: 'draft',
            source: 'tablet',
            mode: ref.assistance ? 'assisted' : 'self',
            ...(ref.assistance ? { assistance: ref.assistance } : {}),
            startedAt: at,
            updatedAt: at,
            eventCount: 0,
            ...(sealer ? { sealedKey: sealer.key } : {}),
          };
          let seq = response.eventCount;
          await db.answerEvents.bulkAdd(
            changes.map((change, i) =>
              sealed ? { responseId: ref.responseId, seq: seq++, at, sealed: sealed[i]! } : { responseId: ref.responseId, seq: seq++, questionId: change.questionId, value: change.value, at },
            ),
          );
          await db.responses.put({ ...response, eventCount: seq, updatedAt: at });
        });
      }),

    completeResponse: (responseId, now = new Date(), sealedFinal, mediatorNotes) =>
      guard(() =>
        db.transaction('rw', db.responses, db.answerEvents, db.outbox, async () => {
          const response = await db.responses.get(responseId);
          if (!response) throw new StorageFault('failed', `response ${responseId} was never stored`);
          if (response.status !== 'draft') throw new StorageFault('failed', `response ${responseId} is already ${response.status}`);
          if (mediatorNotes && response.mode !== 'assisted') throw new StorageFault('failed', `response ${responseId} has no mediator to write notes`);
          return closeResponse(mediatorNotes ? { ...response, mediatorNotes } : response, 'complete', now, undefined, sealedFinal);
        }),
      ),

    recordAssistance: (responseId, assistance, now = new Date()) =>
      guard(() =>
        db.transaction('rw', db.responses, async () => {
          const response = await db.responses.get(responseId);
          if (!response || response.status !== 'draft') return;
          await db.responses.put({ ...response, mode: 'assisted', assistance, updatedAt: now.toISOString() });
        }),
      ),

    withdrawDraft: (responseId, counterKey) =>
      guard(() =>
        db.transaction('rw', [db.responses, db.answerEvents, db.spokenClips, db.settings], async () => {
          if (responseId !== undefined) {
            const response = await db.responses.get(responseId);
            // Only a draft can be withdrawn: a closed response is already the respondent's word.
            if (response && response.status !== 'draft') throw new StorageFault('failed', `response ${responseId} is already ${response.status}`);
            await db.answerEvents.where('responseId').equals(responseId).delete();
            await db.spokenClips.where('responseId').equals(responseId).delete();
            await db.responses.delete(responseId);
          }
          const counts = ((await db.settings.get(WITHDRAWALS_KEY))?.value as Record<string, number> | undefined) ?? {};
          await db.settings.put({ key: WITHDRAWALS_KEY, value: { ...counts, [counterKey]: (counts[counterKey] ?? 0) + 1 } });
        }),
      ),

    closeAsPartial: (responseId, reason, now = new Date(), sealedFinal) =>
      guard(() =>
        db.transaction('rw', db.responses, db.answerEvents, db.outbox, async () => {
          const response = await db.responses.get(responseId);
          if (!response || response.status !== 'draft') return response;
          return closeResponse(response, 'partial', now, reason, sealedFinal);
        }),
      ),

    closeAbandonedDrafts: (now = new Date()) =>
      guard(() =>
        db.transaction('rw', db.responses, db.answerEvents, db.outbox, async () => {
          const drafts = await db.responses.where('status').equals('draft').toArray();
          for (const draft of drafts) await closeResponse(draft, 'partial', now, 'reload');
          return drafts.length;
        }),
      ),

    getResponse: (responseId) => guard(() => db.responses.get(responseId)),

    counts: () =>
      guard(() =>
        db.transaction('r', db.responses, db.outbox, async () => ({
          drafts: await db.responses.where('status').equals('draft').count(),
          complete: await db.responses.where('status').equals('complete').count(),
          partial: await db.responses.where('status').equals('partial').count(),
          outbox: await db.outbox.count(),
        })),
      ),

    getSetting: <T,>(key: string) => guard(async () => (await db.settings.get(key))?.value as T | undefined),
    setSetting: (key, value) => guard(async () => void (await db.settings.put({ key, value }))),

    listOutbox: (limit) =>
      guard(() =>
        db.transaction('r', db.outbox, db.responses, async () => {
          const oldestFirst = db.outbox.orderBy('queuedAt');
          const ids = await (limit === undefined ? oldestFirst : oldestFirst.limit(limit)).primaryKeys();
          return (await db.responses.bulkGet(ids)).filter((r): r is StoredResponse => r !== undefined);
        }),
      ),

    saveSignature: (responseId, enrollmentId, mac) =>
      guard(() =>
        db.transaction('rw', db.responses, async () => {
          const response = await db.responses.get(responseId);
          if (response && !response.mac) await db.responses.put({ ...response, enrollmentId, mac });
        }),
      ),

    acknowledge: (responseIds, now = new Date()) =>
      guard(() =>
        db.transaction('rw', db.outbox, db.responses, db.answerEvents, async () => {
          await db.outbox.bulkDelete([...responseIds]);
          for (const response of await db.responses.bulkGet([...responseIds])) {
            if (!response) continue;
            const { answers: _sent, sealedFinal: _sealed, mediatorNotes: _notes, ...metadata } = response;
            await db.responses.put({ ...metadata, syncedAt: now.toISOString() });
            await db.answerEvents.where('responseId').equals(response.id).delete();
          }
        }),
      ),

    sealStoredAnswers: (responseId, sealedKey, sealedFinal) =>
      guard(() =>
        db.transaction('rw', db.responses, db.answerEvents, async () => {
          const response = await db.responses.get(responseId);
          if (!response || response.status === 'draft' || response.mac || response.sealedKey) return;
          const { answers: _plain, ...metadata } = response;
          await db.responses.put({ ...metadata, sealedKey, sealedFinal });
          await db.answerEvents.where('responseId').equals(responseId).delete();
        }),
      ),

    quarantine: (items, now = new Date()) =>
      guard(() =>
        db.transaction('rw', db.outbox, db.quarantine, async () => {
          await db.quarantine.bulkPut(items.map((item) => ({ ...item, rejectedAt: now.toISOString() })));
          await db.outbox.bulkDelete(items.map((item) => item.responseId));
        }),
      ),

    listQuarantine: () => guard(() => db.quarantine.orderBy('rejectedAt').toArray()),

    sealedAnswers: (responseId) =>
      guard(() =>
        db.transaction('r', db.responses, db.answerEvents, async () => {
          const response = await db.responses.get(responseId);
          if (!response?.sealedKey) return undefined;
          if (response.sealedFinal) return { key: response.sealedKey, events: [], final: response.sealedFinal };
          const events = await db.answerEvents.where('responseId').equals(responseId).sortBy('seq');
          return { key: response.sealedKey, events: events.flatMap((e) => (e.sealed ? [{ seq: e.seq, ...e.sealed }] : [])) };
        }),
      ),
  };
}
