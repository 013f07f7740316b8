import type { Kysely } from 'kysely';
import { formatSerial } from '../../survey/paper/paperSerial.ts';
import type { Database } from '../db/schema.ts';
import { countReportCells } from '../reports/reportCellsFor.ts';
import { storedContentHashes, writeResponses, type ResponseWrite } from '../queries/writeResponses.ts';
import type { CheckedSheet, PaperContext } from './checkPaperSheet.ts';
import { lockFacilitySheets } from './paperBatches.ts';

export type StoredSheet =
  | { responseId: string; status: 'accepted' | 'duplicate' }
  | { responseId: string; status: 'rejected'; code: 'serial_used'; message: string };

export type StoreContext = PaperContext & {
  via: 'keyed' | 'import';
  importId?: string;
  /** Response id → who checked the sheet (the second keyer, or the resolver of a mismatch). */
  checkedBy?: Map<string, string>;
};

/** A sheet is counted on its visit day: noon, so the day is the same in every European time zone. */
export function paperReportedAt(filledOn: string): string {
  return `${filledOn}T12:00:00.000Z`;
}

function responseWrite(context: StoreContext, sheet: CheckedSheet, receivedAt: string): ResponseWrite {
  const { entry, survey } = sheet;
  const reportedAt = paperReportedAt(entry.filledOn);
  const meta = { paper: { serial: entry.serial, via: context.via, ...(context.via === 'keyed' && { keyedAt: entry.keyedAt }) } };
  const row: Database['responses'] = {
    id: sheet.responseId, organisation_id: context.organisationId, facility_id: context.facility.id, enrollment_id: null,
    survey_id: survey.id, survey_version: survey.version, language: entry.language, status: 'complete', source: 'paper', mode: 'self',
    started_at: reportedAt, completed_at: reportedAt, received_at: receivedAt, reported_at: reportedAt, clock_flagged: 0,
    answers: JSON.stringify(entry.answers), assistance: null, content_hash: sheet.contentHash, meta: JSON.stringify(meta), sealed_key: null, wave_id: null,
  };
  return {
    row,
    counted: {
      survey, facilityId: row.facility_id, timeZone: context.facility.time_zone, reportedAt, status: row.status, mode: row.mode,
      language: row.language, source: row.source, answers: entry.answers, assistance: null,
    },
  };
}

/**
 * storePaperSheets inside the caller's transaction (double entry writes the sheet and
 * clears its keyings together; an import writes its record with its sheets). A sheet that becomes final also ends what was pending for
 * it: its keyings are deleted and an open mismatch is closed as resolved by this write.
 */
export async function writePaperSheets(tx: Kysely<Database>, context: StoreContext, sheets: readonly CheckedSheet[], now = new Date()): Promise<StoredSheet[]> {
  // Decided with the facility's sheets locked, like keyings: an import and a keying of one sheet never both write it.
  await lockFacilitySheets(tx, context.facility.id);
  const receivedAt = now.toISOString();
  const known = await storedContentHashes(tx, sheets.map((s) => s.responseId));
  const results: StoredSheet[] = [];
  const fresh: Array<{ sheet: CheckedSheet; write: ResponseWrite }> = [];
  for (const sheet of sheets) {
    const existing = known.get(sheet.responseId);
    if (existing === undefined) {
      known.set(sheet.responseId, sheet.contentHash);
      fresh.push({ sheet, write: responseWrite(context, sheet, receivedAt) });
      results.push({ responseId: sheet.responseId, status: 'accepted' });
    } else if (existing === sheet.contentHash) {
      results.push({ responseId: sheet.responseId, status: 'duplicate' });
    } else {
      // Never overwritten: the first entry of a sheet stands, a different one is refused.
      results.push({
        responseId: sheet.responseId, status: 'rejected', code: 'serial_used',
        message: `sheet ${formatSerial(sheet.entry.serial)} of this facility was already entered with other answers`,
      });
    }
  }
  if (fresh.length === 0) return results;
  await writeResponses(tx, fresh.map((f) => f.write), countReportCells(fresh.map((f) => f.write.counted)));
  const sheetRows = fresh.map(({ sheet }): Database['paper_sheets'] => ({
    response_id: sheet.responseId, organisation_id: context.organisationId, facility_id: context.facility.id, survey_id: sheet.survey.id,
    serial: sheet.entry.serial, via: context.via, entered_by: context.staffId, checked_by: context.checkedBy?.get(sheet.responseId) ?? null,
    import_id: context.importId ?? null, unreadable: JSON.stringify([...sheet.entry.unreadable].sort()), received_at: receivedAt,
  }));
  for (let i = 0; i < sheetRows.length; i += 200) await tx.insertInto('paper_sheets').values(sheetRows.slice(i, i + 200)).execute();
  const serials = fresh.map(({ sheet }) => sheet.entry.serial);
  for (let i = 0; i < serials.length; i += 500) {
    const chunk = serials.slice(i, i + 500);
    await tx.updateTable('paper_mismatches').set({ resolved_at: receivedAt, resolved_by: context.staffId })
      .where('facility_id', '=', context.facility.id).where('serial', 'in', chunk).where('resolved_at', 'is', null).execute();
    await tx.deleteFrom('paper_entries').where('facility_id', '=', context.facility.id).where('serial', 'in', chunk).execute();
  }
  return results;
}

/**
 * Writes checked sheets as final responses (source paper, counted on their visit day) with
 * their rollups, report cells and paper_sheets rows, in ONE transaction: an import is never
 * half-written. Same sheet and content again is `duplicate`; other content `serial_used`.
 */
export async function storePaperSheets(db: Kysely<Database>, context: StoreContext, sheets: CheckedSheet[], now = new Date()): Promise<StoredSheet[]> {
  return db.transaction().execute((tx) => writePaperSheets(tx, context, sheets, now));
}
