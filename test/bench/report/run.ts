/**
 * `npm run bench:report` (tsx test/bench/report/run.ts): the report benchmark. Loads
 * 1,000,000 responses of the built-in resident survey across 100 facilities and 8 quarters
 * into SQLite (a temp file) and into a throwaway PostgreSQL, with the report cells the
 * production functions count for them, then times the facility dashboard, the central
 * comparison, breakdowns and a custom range, then a 100,000-row per-response export, each
 * in a fresh child process so its peak RSS is its own. See README.md next to this file.
 *
 * Prints figures against the budgets (dashboard and comparison <= 100 ms); never fails on a
 * figure, only when the bench itself breaks.
 *
 * Options: --responses N (1000000)  --facilities N (100)  --runs N (15)  --only sqlite|postgres  --seed N
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createDatabase, type DatabaseHandle } from '../../../src/server/db/createDatabase.ts';
import { migrateToLatest } from '../../../src/server/db/migrate.ts';
import type { QuarterId } from '../../../src/survey/periods.ts';
import { findPostgresBinDir, startPostgres } from '../../server/support/startPostgres.ts';
import { loadBench, type LoadResult } from './loadBench.ts';
import { measureExport, measureReports, type ExportMeasurement, type ReportMeasurement } from './measureReports.ts';

const HERE = fileURLToPath(import.meta.url);
const ROOT = resolve(dirname(HERE), '../../..');
const NEWEST_QUARTER: QuarterId = '2026-Q4';
const QUARTERS = 8;

const { values } = parseArgs({
  options: {
    responses: { type: 'string', default: '1000000' }, facilities: { type: 'string', default: '100' }, runs: { type: 'string', default: '15' },
    only: { type: 'string' }, seed: { type: 'string', default: '20261' },
    // Internal: the child that measures.
    measure: { type: 'string' }, part: { type: 'string' }, db: { type: 'string' }, organisation: { type: 'string' }, 'facility-ids': { type: 'string' },
  },
});
const responses = Number(values.responses);
const facilities = Number(values.facilities);
const runs = Number(values.runs);

if (values.measure) {
  const kind = values.measure;
  const handle = kind === 'postgres' ? createDatabase({ databaseUrl: values.db! }) : createDatabase({ sqlitePath: values.db! });
  const measurement = values.part === 'export'
    ? await measureExport(handle, { organisationId: values.organisation!, quarter: NEWEST_QUARTER })
    : await measureReports(handle, { organisationId: values.organisation!, facilityIds: values['facility-ids']!.split(','), quarter: NEWEST_QUARTER, runs });
  await handle.close();
  console.log(`RESULT ${JSON.stringify(measurement)}`);
  process.exit(0);
}

const log = (line: string) => console.log(line);
const mb = (n: number) => `${n.toFixed(0)} MB`;

async function benchOne(kind: 'sqlite' | 'postgres', open: () => Promise<{ handle: DatabaseHandle; location: string; url?: string }>): Promise<void> {
  log(`\n== ${kind}: loading ${responses.toLocaleString('en')} responses across ${facilities} facilities and ${QUARTERS} quarters`);
  const { handle, location, url } = await open();
  await migrateToLatest(handle.db);
  let loaded: LoadResult;
  try {
    loaded = await loadBench(handle, {
      responses, facilities, quarters: QUARTERS, newestQuarter: NEWEST_QUARTER, newest: Math.min(100_000, Math.floor(responses / 10)), seed: Number(values.seed),
      surveyFile: join(ROOT, 'public/surveys/resident-satisfaction.json'), ...(url ? { postgresUrl: url } : {}), log,
    });
  } finally {
    await handle.close();
  }
  const s = loaded.seconds;
  log(`  loaded in ${s.total.toFixed(0)} s (generating and counting cells ${s.generateAndCount.toFixed(0)} s, writing ${s.write.toFixed(0)} s, secondary indexes and ANALYZE ${s.indexes.toFixed(0)} s);`
    + ` ${loaded.rows.responses.toLocaleString('en')} responses, ${loaded.rows.reportCells.toLocaleString('en')} report cells, ${loaded.rows.rollupCounts.toLocaleString('en')} day rollup cells; loader peak RSS ${mb(process.resourceUsage().maxRSS / 1024)}`);

  // node --cpu-prof … run.ts profiles the measuring processes too.
  const measure = <T,>(part: 'reports' | 'export'): T => {
    const child = spawnSync(process.execPath, [...process.execArgv.filter((a) => a.startsWith('--cpu-prof')), ...(part === 'export' ? ['--expose-gc'] : []), '--import', 'tsx', HERE, '--measure', kind, '--part', part, '--db', location,
      '--organisation', loaded.organisationId, '--facility-ids', loaded.facilityIds.join(','), '--runs', String(runs)], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 16 * 1024 * 1024 });
    const line = child.stdout.split('\n').find((l) => l.startsWith('RESULT '));
    if (child.status !== 0 || !line) throw new Error(`the measuring process failed (exit ${child.status}): ${child.stdout.slice(-2000)}`);
    return JSON.parse(line.slice('RESULT '.length)) as T;
  };
  const measured = measure<ReportMeasurement>('reports');
  const exported = measure<ExportMeasurement>('export');
  log(`  ${'report (median of runs after one warm-up)'.padEnd(52)} ${'median'.padStart(9)} ${'max'.padStart(9)} ${'JSON'.padStart(9)}  budget`);
  for (const t of measured.timings) {
    const verdict = t.budgetMs === undefined ? '' : `${t.budgetMs} ms: ${t.medianMs <= t.budgetMs ? 'WITHIN' : 'OVER'}`;
    log(`  ${`${t.name} x${t.runs}`.padEnd(52)} ${`${t.medianMs.toFixed(1)} ms`.padStart(9)} ${`${t.maxMs.toFixed(1)} ms`.padStart(9)} ${`${(t.bytes / 1024).toFixed(0)} KB`.padStart(9)}  ${verdict}`);
  }
  log(`  reports process peak RSS: ${mb(measured.peakRssMb)}`);
  const e = exported.export;
  if ('missing' in e) log(`  export: not timed (${e.missing})`);
  else log(`  per-response CSV export of ${NEWEST_QUARTER} (all facilities): ${e.rows.toLocaleString('en')} rows, ${(e.bytes / 1024 / 1024).toFixed(1)} MB, median ${(e.medianMs / 1000).toFixed(2)} s of ${e.runs} (${Math.round(e.rows / (e.medianMs / 1000)).toLocaleString('en')} rows/s); export process peak RSS ${mb(exported.peakRssMb)}, budget 200 MB: ${exported.peakRssMb <= 200 ? 'WITHIN' : 'OVER'}; live heap after GC while streaming ${exported.heapAfterGcMb.first.toFixed(0)} MB at first, ${exported.heapAfterGcMb.last.toFixed(0)} MB at the end (${exported.heapAfterGcMb.samples} samples)`);
}

const only = values.only;
if (!only || only === 'sqlite') {
  const dir = mkdtempSync(join(tmpdir(), 'sayso-report-bench-'));
  try {
    const path = join(dir, 'bench.db');
    await benchOne('sqlite', async () => ({ handle: createDatabase({ sqlitePath: path }), location: path }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
if (!only || only === 'postgres') {
  if (!findPostgresBinDir()) log('\n== postgres: skipped (PostgreSQL is not installed: apt-get install postgresql, or set PG_BIN)');
  else {
    const postgres = await startPostgres();
    try {
      await benchOne('postgres', async () => ({ handle: createDatabase({ databaseUrl: postgres.url }), location: postgres.url, url: postgres.url }));
    } finally {
      await postgres.stop();
    }
  }
}
