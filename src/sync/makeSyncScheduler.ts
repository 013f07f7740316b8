import type { SyncOutcome } from './syncOutbox.ts';

export interface SyncSchedulerOptions {
  /** One sync pass; null when there is nothing to do it with (the tablet is not enrolled). */
  runOnce: () => Promise<SyncOutcome | null>;
  /** Between passes when all is well, and after a refusal that retrying soon will not fix. */
  intervalMs?: number;
  /** First retry after a network error, 408, 429 or 5xx; doubles each time, never gives up. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
  /** navigator.locks: two tabs (or a tab and the service worker's wake-up) never send the same batch at once. */
  locks?: Pick<LockManager, 'request'> | undefined;
  onOutcome?: (outcome: SyncOutcome | null, nextInMs: number) => void;
}

/**
 * Decides when the outbox is sent: at start, when the network returns, on a timer, when
 * staff press "sync now", when a response is completed, and when the service worker's
 * Background Sync fires; with exponential backoff and jitter after failures.
 */
export function makeSyncScheduler(options: SyncSchedulerOptions) {
  const intervalMs = options.intervalMs ?? 5 * 60_000;
  const baseDelayMs = options.baseDelayMs ?? 5_000;
  const maxDelayMs = options.maxDelayMs ?? 15 * 60_000;
  const random = options.random ?? Math.random;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  const schedule = (ms: number) => {
    if (timer !== undefined) clearTimeout(timer);
    if (!stopped) timer = setTimeout(() => void trigger(), ms);
  };

  const pass = async () => {
    let outcome: SyncOutcome | null;
    try {
      outcome = await options.runOnce();
    } catch (error) {
      outcome = { ok: false, retryable: true, failure: { kind: 'network', message: (error as Error).message }, sent: 0 };
    }
    let next = intervalMs;
    if (outcome && !outcome.ok && outcome.retryable) {
      failures += 1;
      // Full jitter around the doubling delay, so a room of tablets coming back online does not retry in step.
      next = Math.min(maxDelayMs, baseDelayMs * 2 ** (failures - 1)) * (0.5 + random());
    } else {
      failures = 0;
    }
    options.onOutcome?.(outcome, next);
    schedule(next);
  };

  async function trigger(): Promise<void> {
    if (stopped) return;
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        if (options.locks) await options.locks.request('sayso-sync', { ifAvailable: true }, async (lock) => (lock ? pass() : undefined));
        else await pass();
      } while (again && !stopped);
    })().finally(() => (running = undefined));
    return running;
  }

  return {
    /** Sync now (start, back online, a completed response, staff's button, a Background Sync wake-up). */
    trigger,
    stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}
