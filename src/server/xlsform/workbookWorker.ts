/** Runs in a worker thread (readWorkbookInWorker.ts): reads one file and posts the workbook back. */
import { parentPort, workerData } from 'node:worker_threads';
import { readWorkbook } from './readWorkbook.ts';
import type { WorkbookLimits } from './workbookLimits.ts';

const { bytes, fileName, limits } = workerData as { bytes: Uint8Array; fileName: string; limits: WorkbookLimits };
parentPort!.postMessage(readWorkbook(bytes, fileName, limits));
