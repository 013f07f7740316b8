/**
 * A fixed-window counter per key (an address, a device token): enough to blunt guessing
 * enrollment codes and a runaway tablet, without any shared store.
 */
export function makeRateLimiter(options: { limit: number; windowMs: number; now?: () => number }) {
  const now = options.now ?? Date.now;
  const windows = new Map<string, { start: number; count: number }>();
  return {
    /** True when the key may go on; false when it is over its limit for this window. */
    allow(key: string): boolean {
      const t = now();
      const window = windows.get(key);
      if (!window || t - window.start >= options.windowMs) {
        if (windows.size > 10_000) windows.clear();
        windows.set(key, { start: t, count: 1 });
        return true;
      }
      window.count += 1;
      return window.count <= options.limit;
    },
  };
}
