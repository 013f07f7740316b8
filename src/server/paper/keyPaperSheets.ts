import type { Kysely } from 'kysely';
import { makeUuidV7 } from '../../survey/makeUuidV7.ts';
import type { PaperEntryResult } from '../../survey/paper/paperEntry.ts';
import { formatSerial } from '../../survey/paper/paperSerial.ts';
import type { Database } from '../db/schema.ts';
import { storedContentHashes } from '../queries/writeResponses.ts';
import type { CheckedSheet, PaperContext } from './checkPaperSheet.ts';
import { lockFacilitySheets } from './paperBatches.ts';
import { writePaperSheets, type StoredSheet } from './storePaperSheets.ts';

const rejected = (entryId: string, code: string, message: string): PaperEntryResult => ({ entryId, status: 'rejected', error: { code, message } });

function fromStored(entryId: string, stored: StoredSheet): PaperEntryResult {
  return stored.status === 'rejected' ? rejected(entryId, stored.code, stored.message) : { entryId, status: stored.status, responseId: stored.responseId };
}

const mismatchOpen = (sheet: CheckedSheet) => rejected(sheet.entry.entryId, 'mismatch_open',
  `the two keyings of sheet ${formatSerial(sheet.entry.serial)} differ: the mismatch must be resolved before it is keyed again`);

/** Single entry: every sheet is final at once, in one transaction (a sheet with an open mismatch waits for its resolution). */
async function keySingle(db: Kysely<Database>, context: PaperContext, sheets: readonly CheckedSheet[], now: Date): Promise<PaperEntryResult[]> {
  return db.transaction().execute(async (tx) => {
    await lockFacilitySheets(tx, context.facility.id);
    const serials = [...new Set(sheets.map((s) => s.entry.serial))];
    const open = new Set<number>();
    for (let i = 0; i < serials.length; i += 500) {
      const rows = await tx.selectFrom('paper_mismatches').select('serial').where('facility_id', '=', context.facility.id)
        .where('serial', 'in', serials.slice(i, i + 500)).where('resolved_at', 'is', null).execute();
      for (const row of rows) open.add(Number(row.serial));
    }
    const writable = sheets.filter((s) => !open.has(s.entry.serial));
    const stored = await writePaperSheets(tx, { ...context, via: 'keyed' }, writable, now);
    let next = 0;
    return sheets.map((sheet) => (open.has(sheet.entry.serial) ? mismatchOpen(sheet) : fromStored(sheet.entry.entryId, stored[next++]!)));
  });
}

/**
 * One keying under double entry (docs/paper-api.md): the first is kept and waits; the
 * second, by someone else, makes the sheet final when both agree and a mismatch when
 * not; a retry of either is a duplicate. Decided with the facility's sheets locked.
 */
async function keyDouble(db: Kysely<Database>, context: PaperContext, sheet: CheckedSheet, now: Date): Promise<PaperEntryResult> {
  const { entry } = sheet;
  const entryId = entry.entryId;
  const receivedAt = now.toISOString();
  return db.transaction().execute(async (tx) => {
    await lockFacilitySheets(tx, context.facility.id);
    const mismatches = await tx.selectFrom('paper_mismatches').selectAll()
      .where('facility_id', '=', context.facility.id).where('serial', '=', entry.serial).execute();
    const named = mismatches.some((m) => m.first_entry_id === entryId || m.second_entry_id === entryId);
    const existing = (await storedContentHashes(tx, [sheet.responseId])).get(sheet.responseId);
    if (existing !== undefined) {
      if (existing === sheet.contentHash || named) return { entryId, status: 'duplicate', responseId: sheet.responseId };
      return rejected(entryId, 'serial_used', `sheet ${formatSerial(entry.serial)} of this facility was already entered with other answers`);
    }
    const same = await tx.selectFrom('paper_entries').select(['facility_id', 'serial']).where('id', '=', entryId).executeTakeFirst();
    if (same) {
      if (same.facility_id === context.facility.id && Number(same.serial) === entry.serial) return { entryId, status: 'duplicate', responseId: sheet.responseId };
      return rejected(entryId, 'invalid_entry', 'entryId: this id was already used for another sheet; key it as a new entry');
    }
    if (mismatches.some((m) => m.resolved_at === null)) return mismatchOpen(sheet);
    const kept = await tx.selectFrom('paper_entries').selectAll().where('facility_id', '=', context.facility.id).where('serial', '=', entry.serial)
      .orderBy('received_at').orderBy('id').execute();
    const row: Database['paper_entries'] = {
      id: entryId, organisation_id: context.organisationId, facility_id: context.facility.id, survey_id: entry.surveyId,
      survey_version: entry.surveyVersion, language: entry.language, serial: entry.serial, filled_on: entry.filledOn,
      answers: JSON.stringify(entry.answers), unreadable: JSON.stringify(entry.unreadable), content_hash: sheet.contentHash,
      entered_by: context.staffId, keyed_at: entry.keyedAt, received_at: receivedAt,
    };
    const first = kept[0];
    if (!first) {
      await tx.insertInto('paper_entries').values(row).execute();
      return { entryId, status: 'awaiting-second-entry', responseId: sheet.responseId };
    }
    // Blind and independent: the same person keying twice checks nothing.
    if (first.entered_by === context.staffId) {
      return rejected(entryId, 'same_keyer', `sheet ${formatSerial(entry.serial)} was first keyed by you: the second keying must come from someone else`);
    }
    if (first.content_hash === sheet.contentHash) {
      // The first keyer entered it, the second checked it; the visit day and keying time are the first's.
      const final = { ...sheet, entry: { ...entry, filledOn: first.filled_on, keyedAt: first.keyed_at } };
      const [stored] = await writePaperSheets(tx, { ...context, staffId: first.entered_by, via: 'keyed', checkedBy: new Map([[sheet.responseId, context.staffId]]) }, [final], now);
      return fromStored(entryId, stored!);
    }
    await tx.insertInto('paper_entries').values(row).execute();
    const mismatchId = makeUuidV7(now.getTime());
    await tx.insertInto('paper_mismatches').values({
      id: mismatchId, organisation_id: context.organisationId, facility_id: context.facility.id, survey_id: entry.surveyId, serial: entry.serial,
      first_entry_id: first.id, second_entry_id: entryId, created_at: receivedAt, resolved_at: null, resolved_by: null,
    }).execute();
    return { entryId, status: 'mismatch', responseId: sheet.responseId, mismatchId };
  });
}

/** Keyed sheets of one facility, checked already: final at once, or through double entry. Results in order. */
export async function keyPaperSheets(db: Kysely<Database>, context: PaperContext, sheets: readonly CheckedSheet[], doubleEntry: boolean, now = new Date()): Promise<PaperEntryResult[]> {
  if (sheets.length === 0) return [];
  if (!doubleEntry) return keySingle(db, context, sheets, now);
  const results: PaperEntryResult[] = [];
  for (const sheet of sheets) results.push(await keyDouble(db, context, sheet, now));
  return results;
}
