/**
 * The one door from the transcription screens to IndexedDB: the workspace, the open sheet
 * (written at every key), and the outbox of finished sheets with what the server said.
 */
import type { PaperEntry, PaperEntryResult } from '../../survey/paper/paperEntry.ts';
import type { StaffUser } from '../../staff/web/api/wireSchemas.ts';
import type { PaperWorkspace } from '../../staff/web/api/paperApi.ts';
import { PaperDatabase, type StoredDraft, type StoredPaperEntry, type StoredWorkspace } from './paperDatabase.ts';

export type PaperStore = PaperDatabase;

let opened: PaperDatabase | undefined;

/** The page's one connection to `sayso-paper`. */
export function openPaperStore(): PaperStore {
  return (opened ??= new PaperDatabase());
}

export async function saveWorkspace(db: PaperStore, user: StaffUser, workspace: PaperWorkspace, now = new Date()): Promise<void> {
  await db.workspace.put({ key: 'current', user, workspace, fetchedAt: now.toISOString() });
}

export async function readWorkspace(db: PaperStore): Promise<StoredWorkspace | undefined> {
  return db.workspace.get('current');
}

/** After a sign-out: nobody starts offline from this machine until the next online visit. */
export async function forgetWorkspace(db: PaperStore): Promise<void> {
  await db.workspace.delete('current');
}

/** The keyer's open sheet, if a reload interrupted one. */
export async function readDraft(db: PaperStore, keyerId: string): Promise<StoredDraft | undefined> {
  return db.drafts.get(keyerId);
}

export async function saveDraft(db: PaperStore, draft: StoredDraft): Promise<void> {
  await db.drafts.put(draft);
}

export async function dropDraft(db: PaperStore, keyerId: string): Promise<void> {
  await db.drafts.delete(keyerId);
}

/** The finished sheet leaves the drafts and enters the outbox in one transaction (STYLE.md 3). */
export async function finishSheet(db: PaperStore, keyerId: string, entry: PaperEntry, now = new Date()): Promise<StoredPaperEntry> {
  const row: StoredPaperEntry = { entryId: entry.entryId, keyerId, facilityId: entry.facilityId, serial: entry.serial, entry, status: 'waiting', queuedAt: now.toISOString() };
  await db.transaction('rw', db.drafts, db.entries, async () => {
    await db.entries.put(row);
    await db.drafts.delete(keyerId);
  });
  return row;
}

/**
 * Whether this sheet was keyed on this machine already: by anyone when each sheet is keyed
 * once, by this keyer when double entry is on (the second keyer may use the same laptop).
 * A sheet the server refused may be keyed again.
 */
export async function keyedHere(db: PaperStore, facilityId: string, serial: number, keyerId: string, doubleEntry: boolean): Promise<boolean> {
  const rows = await db.entries.where('[facilityId+serial]').equals([facilityId, serial]).toArray();
  return rows.some((row) => row.status !== 'rejected' && (!doubleEntry || row.keyerId === keyerId));
}

/** The keyer's sheets not yet acknowledged, oldest first (at most `limit`: one request's worth). */
export async function waitingEntries(db: PaperStore, keyerId: string, limit = 200): Promise<StoredPaperEntry[]> {
  const rows = await db.entries.where('[keyerId+status]').equals([keyerId, 'waiting']).toArray();
  return rows.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt)).slice(0, limit);
}

/** What the server said of each sheet; an entry stays until then (a retry sends the same entryId). */
export async function recordResults(db: PaperStore, results: PaperEntryResult[], now = new Date()): Promise<void> {
  await db.transaction('rw', db.entries, async () => {
    for (const result of results) {
      if (!result.entryId) continue;
      const row = await db.entries.get(result.entryId);
      if (!row) continue;
      await db.entries.put({
        ...row,
        status: result.status,
        uploadedAt: now.toISOString(),
        ...(result.status === 'rejected' ? { error: result.error } : {}),
      });
    }
  });
}

export interface PaperCounts {
  keyed: number;
  waiting: number;
  uploaded: number;
  /** Sheets other accounts keyed here, waiting for them to sign in (never shown: keying is blind). */
  othersWaiting: number;
}

export async function paperCounts(db: PaperStore, keyerId: string): Promise<PaperCounts> {
  const rows = await db.entries.toArray();
  const mine = rows.filter((r) => r.keyerId === keyerId);
  const waiting = mine.filter((r) => r.status === 'waiting').length;
  return { keyed: mine.length, waiting, uploaded: mine.length - waiting, othersWaiting: rows.filter((r) => r.keyerId !== keyerId && r.status === 'waiting').length };
}

/** The keyer's own sheets, newest first. */
export async function recentEntries(db: PaperStore, keyerId: string, limit = 100): Promise<StoredPaperEntry[]> {
  const rows = await db.entries.where('[keyerId+status]').between([keyerId, ''], [keyerId, '\uffff']).toArray();
  return rows.sort((a, b) => b.queuedAt.localeCompare(a.queuedAt)).slice(0, limit);
}

export async function readSetting(db: PaperStore, key: string): Promise<string | undefined> {
  return (await db.settings.get(key))?.value;
}

export async function writeSetting(db: PaperStore, key: string, value: string): Promise<void> {
  await db.settings.put({ key, value });
}
