// The worker's entry in plain JavaScript: Node 20 does not pass tsx's loader on to worker
// threads, so the worker loads its TypeScript through tsx's API itself.
import { tsImport } from 'tsx/esm/api';

await tsImport('./workbookWorker.ts', import.meta.url);
