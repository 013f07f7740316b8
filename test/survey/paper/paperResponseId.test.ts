import { describe, expect, it } from 'vitest';
import { paperResponseId, uuidV5 } from '../../../src/survey/paper/paperResponseId.ts';
import { UUID_PATTERN } from '../../../src/survey/makeUuidV7.ts';

describe('paper response ids', () => {
  it('is RFC 9562 UUID version 5 (the RFC example: DNS namespace, www.example.com)', async () => {
    expect(await uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('is the same for the same sheet wherever it is made, and differs by facility, survey and serial', async () => {
    const id = await paperResponseId('facility-a', 'resident-satisfaction', 123);
    expect(id).toMatch(UUID_PATTERN);
    expect(id[14]).toBe('5');
    expect(await paperResponseId('facility-a', 'resident-satisfaction', 123)).toBe(id);
    const others = await Promise.all([
      paperResponseId('facility-b', 'resident-satisfaction', 123),
      paperResponseId('facility-a', 'centre-satisfaction', 123),
      paperResponseId('facility-a', 'resident-satisfaction', 124),
    ]);
    expect(new Set([id, ...others]).size).toBe(4);
  });
});
