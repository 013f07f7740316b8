import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../../src/server/db/createDatabase.ts';
import { createPaperBatch } from '../../../../src/server/paper/paperBatches.ts';
import type { ImportReport } from '../../../../src/server/paper/import/importReport.ts';
import { testDatabaseKinds } from '../../support/testDatabases.ts';
import { HEADER, importWorld, s } from './importWorld.ts';
import { makeXlsx } from './makeXlsx.ts';

const sqlite = testDatabaseKinds().find((kind) => kind.name === 'sqlite')!;

describe('limits of a paper import', { timeout: 60_000 }, () => {
  let database: DatabaseHandle;
  let dispose: () => Promise<void>;
  let world: Awaited<ReturnType<typeof importWorld>>;
  beforeAll(async () => {
    ({ handle: database, dispose } = await sqlite.open());
    world = await importWorld(database.db);
  });
  afterAll(() => dispose?.());

  it('refuses a 100,000-row file clearly, and answers other requests while it reads it', async () => {
    const lines = [HEADER, ...Array.from({ length: 100_000 }, (_, i) => `${s((i % 10) + 1)},2026-11-20,en,1,,${i % 11},3,comment number ${i}`)];
    const file = lines.join('\r\n');
    expect(file.length).toBeGreaterThan(4_000_000);
    const events: string[] = [];
    const importing = Promise.resolve(world.upload(file, { dryRun: '1' })).then((response) => {
      events.push('import answered');
      return response;
    });
    // While the worker reads the file, the event loop is free: other calls are answered at once.
    const asked = performance.now();
    for (let i = 0; i < 3; i++) {
      const health = await world.app.request('/api/v1/healthz');
      expect(health.status).toBe(200);
      events.push('health answered');
    }
    const healthMs = performance.now() - asked;
    const response = await importing;
    expect(events).toEqual(['health answered', 'health answered', 'health answered', 'import answered']);
    expect(healthMs).toBeLessThan(200);
    expect(response.status).toBe(200);
    const report = (await response.json()) as ImportReport;
    expect(report.fileProblems).toEqual(['the file has more than 10,000 rows of sheets; reading stopped there. Split it into files of at most 10,000 rows']);
    expect(report).toMatchObject({ rows: 10_000, cleanRows: 0, problems: [] });
    const refused = await world.upload(file, { dryRun: '0', onlyClean: '1' });
    expect(refused.status).toBe(422);
    expect(await database.db.selectFrom('responses').select('id').execute()).toEqual([]);
  });

  it('checks a full 10,000-row file row by row and lists the problems, capped, with their count', async () => {
    // Serials 1-10 are printed: every later row repeats one of them.
    const lines = [HEADER, ...Array.from({ length: 10_000 }, (_, i) => `${s((i % 10) + 1)},2026-11-20,en,1,,5,3,`)];
    const started = performance.now();
    const report = (await (await world.upload(lines.join('\n'), { dryRun: '1' })).json()) as ImportReport;
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(report).toMatchObject({ rows: 10_000, cleanRows: 10, problemRows: 9_990, problemCount: 9_990 });
    expect(report.problems).toHaveLength(2_000);
    expect(report.problems[0]).toEqual({ row: 12, column: 'serial', message: `${s(1)} is also on row 2: each sheet once` });
  });

  it('imports 10,000 sheets in one go, each through the full check', async () => {
    const batch = await createPaperBatch(database.db, { organisationId: world.organisationId, facilityId: world.A, surveyId: 'mini', surveyVersion: 1, language: 'en', count: 10_000, createdBy: 'test' });
    const lines = [HEADER, ...Array.from({ length: 10_000 }, (_, i) => `${s(batch.firstSerial + i)},2026-11-20,en,${(i % 2) + 1},${i % 2 ? '1' : ''},${i % 11},${(i % 5) + 1},`)];
    const started = performance.now();
    const report = (await (await world.upload(lines.join('\n'), { dryRun: '0' })).json()) as ImportReport;
    const seconds = (performance.now() - started) / 1000;
    expect(report).toMatchObject({ rows: 10_000, cleanRows: 10_000, problemCount: 0, imported: 10_000 });
    expect(seconds).toBeLessThan(30);
  });

  it('refuses a file over 20 MB with 413 before reading it all', async () => {
    const big = new Uint8Array(20 * 1024 * 1024 + 1).fill(0x41);
    const response = await world.upload(big, { dryRun: '1' });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: { code: 'file_too_large', message: 'the file is over 20 MB: split it into smaller files' } });
  });

  it('stops an XLSX at the row limit too', async () => {
    const rows = [HEADER.split(','), ...Array.from({ length: 10_050 }, (_, i) => [s((i % 10) + 1), '2026-11-20', 'en', 1, null, 5, 3, null])];
    const report = (await (await world.upload(makeXlsx(rows), { dryRun: '1' }, undefined, 'big.xlsx')).json()) as ImportReport;
    expect(report.fileProblems).toEqual(['the file has more than 10,000 rows of sheets; reading stopped there. Split it into files of at most 10,000 rows']);
  });
});
