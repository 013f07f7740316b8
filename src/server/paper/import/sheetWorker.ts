/** Runs in a worker thread (parseSheetInWorker.ts): reads one file and posts the grid back. */
import { parentPort, workerData } from 'node:worker_threads';
import { readSheetFile } from './readSheetFile.ts';
import type { ImportLimits } from './sheetGrid.ts';

const { bytes, fileName, limits } = workerData as { bytes: Uint8Array; fileName: string; limits: ImportLimits };
parentPort!.postMessage(readSheetFile(bytes, fileName, limits));
