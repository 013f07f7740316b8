import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../../src/server/xlsform/readWorkbook.ts';
import { readWorkbookInWorker } from '../../../src/server/xlsform/readWorkbookInWorker.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, '../../fixtures/xlsforms', name)));

// Each read starts a worker thread (about half a second, more on a busy machine).
describe('readWorkbookInWorker', { timeout: 30_000 }, () => {
  it('reads in a worker thread exactly what the reader reads in place, for .xls and .xlsx', async () => {
    for (const name of ['pyxform__widgets.xls', 'pyxform__or_other.xlsx']) {
      const bytes = fixture(name);
      expect(await readWorkbookInWorker(bytes, name)).toEqual(readWorkbook(bytes, name));
      // The caller's bytes are its own still (the worker got a copy).
      expect(bytes.length).toBeGreaterThan(0);
    }
  });

  it('gives the reader\'s message for a broken file, and runs three at once', async () => {
    const broken = fixture('pyxform__tutorial.xls').subarray(0, 700);
    const reads = await Promise.all([broken, broken, fixture('pyxform__tutorial.xls')].map((bytes) => readWorkbookInWorker(bytes, 'x.xls')));
    expect(reads.map((r) => r.ok)).toEqual([false, false, true]);
    expect(reads[0]).toEqual(readWorkbook(broken, 'x.xls'));
  });
});
