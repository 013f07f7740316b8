import type { PaperEntry, PaperEntryResult } from '../../survey/paper/paperEntry.ts';
import { recordResults, waitingEntries, type PaperStore } from './paperStore.ts';

export interface UploadOutcome {
  sent: number;
  results: PaperEntryResult[];
}

/**
 * Sends the keyer's waiting sheets (POST /paper/entries, 200 at a time) and records each
 * result. Retry-safe: a sheet is marked only after the server answered for its entryId, and
 * a resend of the same entryId is a duplicate there. A failed request leaves the sheets
 * waiting and throws (the caller tries again later). Uploads never overlap in one page, and
 * across tabs `navigator.locks` keeps one at a time.
 */
export async function uploadPaperEntries(db: PaperStore, keyerId: string, send: (entries: PaperEntry[]) => Promise<PaperEntryResult[]>): Promise<UploadOutcome> {
  const run = async (): Promise<UploadOutcome> => {
    const all: PaperEntryResult[] = [];
    for (;;) {
      const batch = await waitingEntries(db, keyerId, 200);
      if (!batch.length) return { sent: all.length, results: all };
      const results = await send(batch.map((row) => row.entry));
      // One per entry, in order (docs/paper-api.md); an answer without ids is matched by position.
      const matched = results.map((result, i) => ({ ...result, entryId: result.entryId ?? batch[i]?.entryId ?? null }));
      await recordResults(db, matched);
      all.push(...matched);
      if (matched.length < batch.length) return { sent: all.length, results: all };
    }
  };
  const locks = (globalThis.navigator as (Navigator & { locks?: LockManager }) | undefined)?.locks;
  return locks ? locks.request(`sayso-paper-upload-${keyerId}`, run) : run();
}
