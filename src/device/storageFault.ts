/** What went wrong with the tablet's storage, in terms staff can act on. */
export type StorageFaultKind = 'unavailable' | 'full' | 'failed' | 'blocked';

export class StorageFault extends Error {
  constructor(readonly kind: StorageFaultKind, readonly detail: string) {
    super(`${kind}: ${detail}`);
    this.name = 'StorageFault';
  }
}

function names(error: unknown): string[] {
  const out: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const e = current as { name?: unknown; inner?: unknown; cause?: unknown };
    if (typeof e.name === 'string') out.push(e.name);
    current = e.inner ?? e.cause;
  }
  return out;
}

/**
 * Maps an IndexedDB or Dexie error to a StorageFault. Chrome reports a full disk as an
 * aborted transaction whose inner error is QuotaExceededError, so the chain is searched.
 */
export function classifyStorageError(error: unknown): StorageFault {
  if (error instanceof StorageFault) return error;
  const chain = names(error);
  const detail = error instanceof Error ? error.message || error.name : String(error);
  if (chain.includes('QuotaExceededError')) return new StorageFault('full', detail);
  if (chain.some((n) => ['MissingAPIError', 'OpenFailedError', 'InvalidStateError', 'DatabaseClosedError', 'VersionError', 'SecurityError'].includes(n))) {
    return new StorageFault('unavailable', detail);
  }
  return new StorageFault('failed', detail);
}
