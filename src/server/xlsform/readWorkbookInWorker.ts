/** Reads an uploaded XLSForm in a worker thread (runSpreadsheetWorker: heap and time limits, two at once). */
import { runSpreadsheetWorker } from '../spreadsheets/runSpreadsheetWorker.ts';
import type { WorkbookRead } from './readWorkbook.ts';
import { WORKBOOK_LIMITS, type WorkbookLimits } from './workbookLimits.ts';

export async function readWorkbookInWorker(bytes: Uint8Array, fileName: string, limits: WorkbookLimits = WORKBOOK_LIMITS): Promise<WorkbookRead> {
  return runSpreadsheetWorker<WorkbookRead>({
    boot: new URL('./workbookWorkerBoot.mjs', import.meta.url),
    bytes,
    data: { fileName, limits },
    timeLimitMs: 30_000,
    heapMb: 512,
    tooSlow: () => ({ ok: false, reason: 'broken', message: 'reading the file took more than 30 seconds and was stopped: check it is the right file' }),
    tooBig: () => ({ ok: false, reason: 'broken', message: 'the file needs more memory to read than an XLSForm should: check it is the right file' }),
  });
}
