/**
 * Reads an uploaded file in a worker thread, so a 20 MB spreadsheet never blocks the
 * server's event loop (other tablets keep syncing). The worker has its own heap limit and
 * a time limit, and at most two run at once; a hostile file ends its worker, not the server.
 */
import { Worker } from 'node:worker_threads';
import { makeSemaphore } from '../../http/makeSemaphore.ts';
import type { SheetRead } from './readSheetFile.ts';
import { IMPORT_LIMITS, type ImportLimits } from './sheetGrid.ts';

const TIME_LIMIT_MS = 60_000;
/** Two readers at most: the server has other work, and each may use a good deal of memory. */
const twoAtOnce = makeSemaphore(2);

/** A read that found only a problem with the file as a whole. */
function fileProblem(message: string): SheetRead {
  return { ok: true, kind: 'csv', grid: { header: [], rows: [], fileProblems: [message] } };
}

export async function parseSheetInWorker(bytes: Uint8Array, fileName: string, limits: ImportLimits = IMPORT_LIMITS): Promise<SheetRead> {
  return twoAtOnce(() => new Promise<SheetRead>((resolve, reject) => {
    const copy = bytes.slice();
    // A .mjs entry: it loads the TypeScript reader through tsx (see sheetWorkerBoot.mjs).
    const worker = new Worker(new URL('./sheetWorkerBoot.mjs', import.meta.url), {
      workerData: { bytes: copy, fileName, limits },
      transferList: [copy.buffer],
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
    });
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
      void worker.terminate();
    };
    const timer = setTimeout(() => finish(() => resolve(fileProblem('reading the file took more than a minute and was stopped: split it into smaller files'))), TIME_LIMIT_MS);
    worker.once('message', (read: SheetRead) => finish(() => resolve(read)));
    worker.once('error', (error: Error & { code?: string }) =>
      finish(() => (error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? resolve(fileProblem('the file needs more memory to read than a file of paper answers should: split it into smaller files'))
        : reject(error))));
    worker.once('exit', (code) => finish(() => reject(new Error(`the file reader stopped (exit code ${code})`))));
  }));
}
