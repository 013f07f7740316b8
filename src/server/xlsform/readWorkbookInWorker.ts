/**
 * Reads an uploaded XLSForm in a worker thread, so a large or hostile spreadsheet never
 * blocks the server's event loop (tablets keep syncing). The worker has its own heap limit
 * and a time limit, and at most two run at once; a hostile file ends its worker, not the server.
 */
import { Worker } from 'node:worker_threads';
import { makeSemaphore } from '../http/makeSemaphore.ts';
import type { WorkbookRead } from './readWorkbook.ts';
import { WORKBOOK_LIMITS, type WorkbookLimits } from './workbookLimits.ts';

const TIME_LIMIT_MS = 30_000;
const twoAtOnce = makeSemaphore(2);

export async function readWorkbookInWorker(bytes: Uint8Array, fileName: string, limits: WorkbookLimits = WORKBOOK_LIMITS): Promise<WorkbookRead> {
  return twoAtOnce(() => new Promise<WorkbookRead>((resolve, reject) => {
    const copy = bytes.slice();
    const worker = new Worker(new URL('./workbookWorkerBoot.mjs', import.meta.url), {
      workerData: { bytes: copy, fileName, limits },
      transferList: [copy.buffer],
      resourceLimits: { maxOldGenerationSizeMb: 512 },
    });
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
      void worker.terminate();
    };
    const timer = setTimeout(() => finish(() => resolve({ ok: false, reason: 'broken', message: 'reading the file took more than 30 seconds and was stopped: check it is the right file' })), TIME_LIMIT_MS);
    worker.once('message', (read: WorkbookRead) => finish(() => resolve(read)));
    worker.once('error', (error: Error & { code?: string }) =>
      finish(() => (error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? resolve({ ok: false, reason: 'broken', message: 'the file needs more memory to read than an XLSForm should: check it is the right file' })
        : reject(error))));
    worker.once('exit', (code) => finish(() => reject(new Error(`the file reader stopped (exit code ${code})`))));
  }));
}
