/**
 * One import of a file of paper answers, for the route and the admin command alike: read
 * the file off the main thread, check every row, and (not a dry run, and allowed) write
 * the clean rows and the paper_imports record in ONE transaction: nothing half-imported.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { makeUuidV7 } from '../../../survey/makeUuidV7.ts';
import type { Database } from '../../db/schema.ts';
import type { PaperContext } from '../checkPaperSheet.ts';
import { lockFacilitySheets } from '../paperBatches.ts';
import { writePaperSheets } from '../storePaperSheets.ts';
import { checkImportFile } from './checkImportFile.ts';
import { importBlocked, type ImportReport } from './importReport.ts';
import { parseSheetInWorker } from './parseSheetInWorker.ts';
import type { ImportLimits } from './sheetGrid.ts';

export interface ImportRequest {
  fileName: string;
  bytes: Uint8Array;
  dryRun: boolean;
  onlyClean: boolean;
  limits?: ImportLimits;
}

export type ImportOutcome =
  | { kind: 'report'; report: ImportReport }
  /** Problems stop the import (a file problem, or row problems without onlyClean): nothing written. */
  | { kind: 'blocked'; report: ImportReport }
  | { kind: 'unsupported'; message: string };

export async function runPaperImport(db: Kysely<Database>, context: PaperContext, request: ImportRequest, now = new Date()): Promise<ImportOutcome> {
  const read = await parseSheetInWorker(request.bytes, request.fileName, request.limits);
  if (!read.ok) return { kind: 'unsupported', message: read.message };
  const { report, sheets } = await checkImportFile(db, context, request.fileName, read.grid, now);
  if (request.dryRun) return { kind: 'report', report };
  if (importBlocked(report, request.onlyClean)) return { kind: 'blocked', report };

  const importId = makeUuidV7(now.getTime());
  const stored = await db.transaction().execute(async (tx) => {
    // One writer of a facility's sheets at a time (PostgreSQL), as keyed entry does: the same file sent twice at once gives duplicates, not a conflict.
    await lockFacilitySheets(tx, context.facility.id);
    const results = await writePaperSheets(tx, { ...context, via: 'import', importId }, sheets, now);
    const accepted = results.filter((r) => r.status === 'accepted').length;
    await tx.insertInto('paper_imports').values({
      id: importId, organisation_id: context.organisationId, facility_id: context.facility.id, survey_id: report.surveyId!, survey_version: report.surveyVersion!,
      staff_id: context.staffId === 'cli' ? null : context.staffId, file_name: request.fileName.slice(0, 200),
      file_sha256: createHash('sha256').update(request.bytes).digest('hex'), rows: report.rows, imported: accepted,
      duplicates: report.duplicateRows + results.filter((r) => r.status === 'duplicate').length, rejected: report.problemRows + results.filter((r) => r.status === 'rejected').length,
      created_at: now.toISOString(),
    }).execute();
    return results;
  });
  // Between the check and the write someone else may have entered a sheet: said, not hidden.
  for (const result of stored) {
    if (result.status === 'duplicate') {
      report.duplicateRows += 1;
      report.cleanRows -= 1;
    } else if (result.status === 'rejected') {
      report.cleanRows -= 1;
      report.problemCount += 1;
      report.problemRows += 1;
      report.problems.push({ row: 0, column: '', message: result.message });
    }
  }
  report.imported = stored.filter((r) => r.status === 'accepted').length;
  report.importId = importId;
  return { kind: 'report', report };
}
