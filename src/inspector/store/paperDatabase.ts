import Dexie, { type Table } from 'dexie';
import type { PaperEntry, PaperEntryResult } from '../../survey/paper/paperEntry.ts';
import type { StaffUser } from '../../staff/web/api/wireSchemas.ts';
import type { PaperWorkspace } from '../../staff/web/api/paperApi.ts';
import type { SheetState } from '../entry/keySheet.ts';

/** Transcription's own database (not the kiosk's `sayso`): a laptop keys paper with no network. */
export const PAPER_DATABASE_NAME = 'sayso-paper';

/** The last workspace fetched, and who fetched it (the staff web starts from it when offline). */
export interface StoredWorkspace {
  key: 'current';
  user: StaffUser;
  workspace: PaperWorkspace;
  fetchedAt: string;
}

/** Which sheet is being keyed: the batch fills survey, version and language. */
export interface SheetHead {
  facilityId: string;
  surveyId: string;
  surveyVersion: number;
  language: string;
  serial: number;
}

/** The sheet a keyer has open: written at every key, so a reload resumes it. */
export interface StoredDraft {
  keyerId: string;
  entryId: string;
  head: SheetHead;
  filledOn: string;
  state: SheetState;
  startedAt: string;
  updatedAt: string;
}

export type OutboxStatus = 'waiting' | PaperEntryResult['status'];

/** A finished sheet: waiting for upload, then what the server said of it. */
export interface StoredPaperEntry {
  entryId: string;
  keyerId: string;
  facilityId: string;
  serial: number;
  entry: PaperEntry;
  status: OutboxStatus;
  queuedAt: string;
  uploadedAt?: string;
  error?: { code: string; message: string };
}

/** A setting per keyer (the "filled on" date of the session). */
export interface PaperSetting {
  key: string;
  value: string;
}

export class PaperDatabase extends Dexie {
  workspace!: Table<StoredWorkspace, string>;
  drafts!: Table<StoredDraft, string>;
  entries!: Table<StoredPaperEntry, string>;
  settings!: Table<PaperSetting, string>;

  constructor(name: string = PAPER_DATABASE_NAME, options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {}) {
    super(name, {
      // A keystroke must survive a power cut: ask Chrome to flush before it reports success.
      chromeTransactionDurability: 'strict',
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
    });
    this.version(1).stores({
      workspace: 'key',
      drafts: 'keyerId',
      entries: 'entryId, [facilityId+serial], [keyerId+status], queuedAt',
      settings: 'key',
    });
  }
}
