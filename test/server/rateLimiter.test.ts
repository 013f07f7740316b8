import { describe, expect, it } from 'vitest';
import { makeRateLimiter } from '../../src/server/http/rateLimiter.ts';

describe('rate limiter', () => {
  it('allows a key its limit per window, then refuses until the window is over', () => {
    let now = 0;
    const limiter = makeRateLimiter({ limit: 2, windowMs: 60_000, now: () => now });
    expect([limiter.allow('a'), limiter.allow('a'), limiter.allow('a'), limiter.allow('b')]).toEqual([true, true, false, true]);
    now = 60_000;
    expect(limiter.allow('a')).toBe(true);
  });
});
