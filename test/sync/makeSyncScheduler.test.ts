import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeSyncScheduler } from '../../src/sync/makeSyncScheduler.ts';
import type { SyncOutcome } from '../../src/sync/syncOutbox.ts';

const offline: SyncOutcome = { ok: false, retryable: true, failure: { kind: 'network', message: 'offline' }, sent: 0 };
const fine: SyncOutcome = { ok: true, sent: 0, accepted: 0, duplicate: 0, rejected: 0 };

describe('sync scheduler', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('retries after network errors with doubling delays, never giving up, and relaxes after a success', async () => {
    const delays: number[] = [];
    const outcomes = [offline, offline, offline, offline, offline, offline, offline, offline, offline, offline, offline, fine];
    const scheduler = makeSyncScheduler({
      runOnce: async () => outcomes.shift() ?? fine,
      baseDelayMs: 1000, maxDelayMs: 60_000, intervalMs: 300_000, random: () => 0.5,
      onOutcome: (_, next) => delays.push(next),
    });
    await scheduler.trigger();
    for (let i = 0; i < 11; i++) await vi.advanceTimersByTimeAsync(delays.at(-1)!);
    expect(delays.slice(0, 8)).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000]);
    expect(delays.at(-1)).toBe(300_000);
    scheduler.stop();
  });

  it('spreads retries with jitter so tablets do not retry in step', async () => {
    const delays: number[] = [];
    for (const r of [0, 0.99]) {
      const scheduler = makeSyncScheduler({ runOnce: async () => offline, baseDelayMs: 1000, random: () => r, onOutcome: (_, next) => delays.push(next) });
      await scheduler.trigger();
      scheduler.stop();
    }
    expect(delays[0]).toBe(500);
    expect(delays[1]).toBeCloseTo(1490);
  });

  it('does not wait long after a refusal retrying cannot fix, but keeps trying on its interval', async () => {
    const delays: number[] = [];
    const refused: SyncOutcome = { ok: false, retryable: false, failure: { kind: 'http', status: 401, code: 'revoked', message: '' }, sent: 0 };
    const scheduler = makeSyncScheduler({ runOnce: async () => refused, intervalMs: 120_000, onOutcome: (_, next) => delays.push(next) });
    await scheduler.trigger();
    expect(delays).toEqual([120_000]);
    scheduler.stop();
  });

  it('runs one pass at a time, and once more if asked while running', async () => {
    let running = 0;
    let maxRunning = 0;
    let passes = 0;
    const scheduler = makeSyncScheduler({
      runOnce: async () => {
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        passes += 1;
        await new Promise((resolve) => setTimeout(resolve, 100));
        running -= 1;
        return fine;
      },
    });
    const first = scheduler.trigger();
    void scheduler.trigger();
    void scheduler.trigger();
    await vi.advanceTimersByTimeAsync(250);
    await first;
    expect([maxRunning, passes]).toEqual([1, 2]);
    scheduler.stop();
  });

  it('skips a pass when another tab holds the sync lock', async () => {
    let passes = 0;
    const heldElsewhere = { request: async (_name: string, _options: object, callback: (lock: null) => Promise<unknown>) => callback(null) };
    const scheduler = makeSyncScheduler({ runOnce: async () => { passes += 1; return fine; }, locks: heldElsewhere as never });
    await scheduler.trigger();
    expect(passes).toBe(0);
    scheduler.stop();
  });
});
