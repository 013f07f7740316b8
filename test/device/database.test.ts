import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSIONS } from '../../src/device/database.ts';
import { makeDeviceStore } from '../../src/device/deviceStore.ts';
import { makeTestDatabase } from './makeTestDatabase.ts';

describe('device database versions', () => {
  it('lists versions in increasing order, ending at the current one', () => {
    const versions = SCHEMA_VERSIONS.map((s) => s.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(versions.at(-1)).toBe(CURRENT_SCHEMA_VERSION);
  });

  for (const old of SCHEMA_VERSIONS.slice(0, -1)) {
    it(`upgrades a tablet on version ${old.version} with a draft and outbox entries, losing nothing`, async () => {
      const factory = new IDBFactory();
      const previous = makeTestDatabase(old.version, factory);
      const base = { surveyId: 'mini', surveyVersion: 1, language: 'ti', source: 'tablet', mode: 'self', startedAt: '2026-11-20T09:00:00.000Z' } as const;
      await previous.responses.bulkPut([
        { ...base, id: 'r-complete', status: 'complete', updatedAt: '2026-11-20T09:05:00.000Z', completedAt: '2026-11-20T09:05:00.000Z', eventCount: 1, answers: { q: 1 } },
        { ...base, id: 'r-draft', status: 'draft', updatedAt: '2026-11-20T09:07:00.000Z', eventCount: 1 },
      ]);
      await previous.answerEvents.bulkPut([
        { responseId: 'r-complete', seq: 0, questionId: 'q', value: 1, at: '2026-11-20T09:01:00.000Z' },
        { responseId: 'r-draft', seq: 0, questionId: 'q', value: 5, at: '2026-11-20T09:07:00.000Z' },
      ]);
      // Each version's own shape: queuedAt arrived in version 2.
      await previous.table('outbox').put(old.version >= 2 ? { responseId: 'r-complete', queuedAt: '2026-11-20T09:05:00.000Z' } : { responseId: 'r-complete' });
      previous.close();

      const current = makeTestDatabase(undefined, factory);
      await current.open();
      expect(current.verno).toBe(CURRENT_SCHEMA_VERSION);
      expect(await current.outbox.toArray()).toEqual([{ responseId: 'r-complete', queuedAt: '2026-11-20T09:05:00.000Z' }]);
      const store = makeDeviceStore(current);
      expect(await store.closeAbandonedDrafts(new Date('2026-11-23T08:00:00Z'))).toBe(1);
      expect(await store.getResponse('r-draft')).toMatchObject({ status: 'partial', answers: { q: 5 } });
      expect(await store.counts()).toEqual({ drafts: 0, complete: 1, partial: 1, outbox: 2 });
      expect(await current.outbox.orderBy('queuedAt').primaryKeys()).toEqual(['r-complete', 'r-draft']);
    });
  }
});
