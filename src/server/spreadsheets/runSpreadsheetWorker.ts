/**
 * Reads an uploaded spreadsheet in a worker thread, so a large or hostile file never blocks
 * the server's event loop (tablets keep syncing). The worker has its own heap limit and a
 * time limit, and at most two run at once across every kind of upload; a hostile file ends
 * its worker, not the server.
 */
import { Worker } from 'node:worker_threads';
import { makeSemaphore } from '../http/makeSemaphore.ts';

/** Two readers at most: the server has other work, and each may use a good deal of memory. */
const twoAtOnce = makeSemaphore(2);

export interface SpreadsheetWorkerJob<T> {
  /** A .mjs entry that loads the TypeScript reader through tsx and posts back one message. */
  boot: URL;
  bytes: Uint8Array;
  data: Record<string, unknown>;
  timeLimitMs: number;
  heapMb: number;
  /** What to answer when the time limit or the heap limit stops the reader. */
  tooSlow: () => T;
  tooBig: () => T;
}

export function runSpreadsheetWorker<T>(job: SpreadsheetWorkerJob<T>): Promise<T> {
  return twoAtOnce(() => new Promise<T>((resolve, reject) => {
    const copy = job.bytes.slice();
    const worker = new Worker(job.boot, {
      workerData: { ...job.data, bytes: copy },
      transferList: [copy.buffer],
      resourceLimits: { maxOldGenerationSizeMb: job.heapMb },
    });
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
      void worker.terminate();
    };
    const timer = setTimeout(() => finish(() => resolve(job.tooSlow())), job.timeLimitMs);
    worker.once('message', (read: T) => finish(() => resolve(read)));
    worker.once('error', (error: Error & { code?: string }) =>
      finish(() => (error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? resolve(job.tooBig()) : reject(error))));
    worker.once('exit', (code) => finish(() => reject(new Error(`the file reader stopped (exit code ${code})`))));
  }));
}
