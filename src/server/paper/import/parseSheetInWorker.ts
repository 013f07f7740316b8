/** Reads an uploaded file of paper answers in a worker thread (runSpreadsheetWorker: heap and time limits, two at once). */
import { runSpreadsheetWorker } from '../../spreadsheets/runSpreadsheetWorker.ts';
import type { SheetRead } from './readSheetFile.ts';
import { IMPORT_LIMITS, type ImportLimits } from './sheetGrid.ts';

/** A read that found only a problem with the file as a whole. */
function fileProblem(message: string): SheetRead {
  return { ok: true, kind: 'csv', grid: { header: [], rows: [], fileProblems: [message] } };
}

export async function parseSheetInWorker(bytes: Uint8Array, fileName: string, limits: ImportLimits = IMPORT_LIMITS): Promise<SheetRead> {
  return runSpreadsheetWorker<SheetRead>({
    // A .mjs entry: it loads the TypeScript reader through tsx (see sheetWorkerBoot.mjs).
    boot: new URL('./sheetWorkerBoot.mjs', import.meta.url),
    bytes,
    data: { fileName, limits },
    timeLimitMs: 60_000,
    heapMb: 1024,
    tooSlow: () => fileProblem('reading the file took more than a minute and was stopped: split it into smaller files'),
    tooBig: () => fileProblem('the file needs more memory to read than a file of paper answers should: split it into smaller files'),
  });
}
