import { describe, expect, it } from 'vitest';
import { makeDeviceStore } from '../../src/device/deviceStore.ts';
import { saveBundle } from '../../src/device/enrollmentRecord.ts';
import { withdrawalCounterKey } from '../../src/device/withdrawalCounter.ts';
import { makeTestDatabase } from './makeTestDatabase.ts';

describe('withdrawalCounterKey', () => {
  it('counts in the quarter of the facility\'s time zone', async () => {
    const store = makeDeviceStore(makeTestDatabase());
    // 31 Dec 23:30 UTC is already 1 January in Brussels.
    const at = new Date('2026-12-31T23:30:00Z');
    expect(await withdrawalCounterKey(store, 'resident-satisfaction', at)).toBe('resident-satisfaction|2026-Q4');
    await saveBundle(store, { fetchedAt: at.toISOString(), bundle: { facility: { timeZone: 'Europe/Brussels' } } });
    expect(await withdrawalCounterKey(store, 'resident-satisfaction', at)).toBe('resident-satisfaction|2027-Q1');
  });
});
