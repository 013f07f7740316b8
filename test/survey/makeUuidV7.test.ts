import { describe, expect, it } from 'vitest';
import { makeUuidV7, UUID_PATTERN } from '../../src/survey/makeUuidV7.ts';

describe('makeUuidV7', () => {
  it('makes RFC 9562 version 7 ids carrying the time, in time order', () => {
    const early = makeUuidV7(Date.UTC(2026, 0, 1));
    const late = makeUuidV7(Date.UTC(2026, 0, 2));
    expect(early).toMatch(UUID_PATTERN);
    expect(early[14]).toBe('7');
    expect(parseInt(early.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.UTC(2026, 0, 1));
    expect(early < late).toBe(true);
  });

  it('does not repeat within the same millisecond', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => makeUuidV7(1_700_000_000_000)));
    expect(ids.size).toBe(1000);
  });
});
