import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { startSheet } from '../../../src/inspector/entry/keySheet.ts';
import { PaperDatabase, type StoredDraft } from '../../../src/inspector/store/paperDatabase.ts';
import { finishSheet, keyedHere, paperCounts, readDraft, readWorkspace, recentEntries, saveDraft, saveWorkspace, forgetWorkspace } from '../../../src/inspector/store/paperStore.ts';
import { uploadPaperEntries } from '../../../src/inspector/store/uploadPaperEntries.ts';
import type { PaperEntry, PaperEntryResult } from '../../../src/survey/paper/paperEntry.ts';
import { makeUuidV7 } from '../../../src/survey/makeUuidV7.ts';
import type { StaffUser } from '../../../src/staff/web/api/wireSchemas.ts';

const db = () => new PaperDatabase('sayso-paper-test', { indexedDB: new IDBFactory(), IDBKeyRange });
const inspector: StaffUser = { id: 'staff-a', email: 'a@example.org', role: 'inspector', organisationId: 'org', facilityIds: ['fac-1'] };

function entry(serial: number, over: Partial<PaperEntry> = {}): PaperEntry {
  return { entryId: makeUuidV7(), facilityId: 'fac-1', surveyId: 'resident-satisfaction', surveyVersion: 1, language: 'en', serial, filledOn: '2026-11-24', answers: { 'room.satisfied': true }, unreadable: [], keyedAt: '2026-11-24T10:00:00.000Z', ...over };
}

function draft(keyerId: string, serial: number): StoredDraft {
  return { keyerId, entryId: makeUuidV7(), head: { facilityId: 'fac-1', surveyId: 'resident-satisfaction', surveyVersion: 1, language: 'en', serial }, filledOn: '2026-11-24', state: { ...startSheet({ items: [] }), answers: { 'room.satisfied': false } }, startedAt: '', updatedAt: '' };
}

describe('the paper store', () => {
  it('keeps the workspace with who fetched it, and forgets it at sign-out', async () => {
    const store = db();
    await saveWorkspace(store, inspector, { doubleEntry: false, staffId: 'staff-a', facilities: [], surveys: [], batches: [] });
    expect((await readWorkspace(store))?.user.email).toBe('a@example.org');
    await forgetWorkspace(store);
    expect(await readWorkspace(store)).toBeUndefined();
  });

  it('resumes the open sheet after a reload, and moves it to the outbox in one step when finished', async () => {
    const store = db();
    await saveDraft(store, draft('staff-a', 7));
    expect((await readDraft(store, 'staff-a'))?.state.answers).toEqual({ 'room.satisfied': false });
    await finishSheet(store, 'staff-a', entry(7));
    expect(await readDraft(store, 'staff-a')).toBeUndefined();
    expect(await paperCounts(store, 'staff-a')).toEqual({ keyed: 1, waiting: 1, uploaded: 0, othersWaiting: 0 });
  });

  it('says a sheet was keyed here: by anyone with single entry, by the same keyer with double entry, never after a refusal', async () => {
    const store = db();
    await finishSheet(store, 'staff-a', entry(7));
    expect(await keyedHere(store, 'fac-1', 7, 'staff-b', false)).toBe(true);
    expect(await keyedHere(store, 'fac-1', 7, 'staff-b', true)).toBe(false);
    expect(await keyedHere(store, 'fac-1', 7, 'staff-a', true)).toBe(true);
    expect(await keyedHere(store, 'fac-2', 7, 'staff-a', false)).toBe(false);
    const refused = entry(8);
    await finishSheet(store, 'staff-a', refused);
    await uploadPaperEntries(store, 'staff-a', async (entries) => entries.map((e) => (e.serial === 8 ? { entryId: e.entryId, status: 'rejected', error: { code: 'answers_invalid', message: 'room.score must be 0 to 10' } } : { entryId: e.entryId, status: 'accepted', responseId: 'r' })));
    expect(await keyedHere(store, 'fac-1', 8, 'staff-a', false)).toBe(false);
  });

  it('uploads only the keyer\'s own waiting sheets, keeps them when the network fails, and records each result', async () => {
    const store = db();
    const mine = [entry(1), entry(2), entry(3)];
    for (const e of mine) await finishSheet(store, 'staff-a', e);
    await finishSheet(store, 'staff-b', entry(4));
    await expect(uploadPaperEntries(store, 'staff-a', async () => { throw new Error('network'); })).rejects.toThrow('network');
    expect((await paperCounts(store, 'staff-a')).waiting).toBe(3);

    const sent: number[][] = [];
    const answer = (e: PaperEntry, i: number): PaperEntryResult =>
      i === 0 ? { entryId: e.entryId, status: 'accepted', responseId: 'r1' } : i === 1 ? { entryId: e.entryId, status: 'awaiting-second-entry', responseId: 'r2' } : { entryId: e.entryId, status: 'mismatch', responseId: 'r3', mismatchId: 'm3' };
    const outcome = await uploadPaperEntries(store, 'staff-a', async (entries) => {
      sent.push(entries.map((e) => e.serial));
      return entries.map(answer);
    });
    expect(sent).toEqual([[1, 2, 3]]);
    expect(outcome.sent).toBe(3);
    expect(await paperCounts(store, 'staff-a')).toEqual({ keyed: 3, waiting: 0, uploaded: 3, othersWaiting: 1 });
    expect((await recentEntries(store, 'staff-a')).map((r) => [r.serial, r.status]).sort()).toEqual([[1, 'accepted'], [2, 'awaiting-second-entry'], [3, 'mismatch']]);
    // A second run has nothing to send.
    expect((await uploadPaperEntries(store, 'staff-a', async () => { throw new Error('not called'); })).sent).toBe(0);
  });
});
