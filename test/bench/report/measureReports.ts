import { performance } from 'node:perf_hooks';
import { createApp } from '../../../src/server/createApp.ts';
import type { DatabaseHandle } from '../../../src/server/db/createDatabase.ts';
import type { QuarterId } from '../../../src/survey/periods.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './loadBench.ts';

export interface Timing {
  name: string;
  runs: number;
  medianMs: number;
  maxMs: number;
  bytes: number;
  /** Budget in ms, when the issue sets one. */
  budgetMs?: number;
}

export interface ReportMeasurement {
  timings: Timing[];
  peakRssMb: number;
}

export interface ExportMeasurement {
  export: { medianMs: number; runs: number; rows: number; bytes: number } | { missing: string };
  peakRssMb: number;
  /** Live heap after a full GC, sampled while the last run streams: flat when memory is constant. */
  heapAfterGcMb: { first: number; last: number; samples: number };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

/**
 * Times the report routes as staff call them (app.request: session check, the queries on
 * report_cells / rollup_counts, JSON), each once to warm up and then `runs` times.
 */
export async function measureReports(handle: DatabaseHandle, input: { organisationId: string; facilityIds: string[]; quarter: QuarterId; runs: number }): Promise<ReportMeasurement> {
  const app = createApp({ staticRoot: 'dist', db: handle.db, staff: { loginPerMinute: 1000 } });
  const login = await app.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }) });
  if (login.status !== 200) throw new Error(`bench sign-in failed: ${login.status} ${await login.text()}`);
  const cookie = /sayso_session=[^;]*/.exec(login.headers.get('set-cookie') ?? '')![0];

  const time = async (name: string, paths: (run: number) => string, runs: number, budgetMs?: number): Promise<Timing> => {
    const samples: number[] = [];
    let bytes = 0;
    for (let run = -1; run < runs; run++) {
      const started = performance.now();
      const response = await app.request(paths(run), { headers: { cookie } });
      const body = await response.arrayBuffer();
      const elapsed = performance.now() - started;
      if (response.status !== 200) throw new Error(`${name}: ${response.status} ${new TextDecoder().decode(body).slice(0, 300)}`);
      bytes = body.byteLength;
      if (run >= 0) samples.push(elapsed);
    }
    return { name, runs, medianMs: median(samples), maxMs: Math.max(...samples), bytes, ...(budgetMs ? { budgetMs } : {}) };
  };
  const facility = (run: number) => input.facilityIds[(run + input.facilityIds.length) % input.facilityIds.length]!;
  const q = input.quarter;
  const survey = 'survey=resident-satisfaction';
  const timings = [
    await time('facility dashboard (quarter, 8-quarter trend)', (run) => `/api/v1/reports/facility?${survey}&facility=${facility(run * 7)}&period=${q}`, input.runs, 100),
    await time('central comparison (all facilities, one quarter)', () => `/api/v1/reports/comparison?${survey}&period=${q}`, input.runs, 100),
    await time('breakdown by language, one facility', (run) => `/api/v1/reports/breakdown?${survey}&period=${q}&dimension=language&facility=${facility(run * 3)}`, input.runs),
    await time('breakdown by age, whole organisation', () => `/api/v1/reports/breakdown?${survey}&period=${q}&dimension=about_you.age`, Math.max(3, Math.floor(input.runs / 2))),
    await time('custom range of 366 days (totals only)', (run) => `/api/v1/reports/facility?${survey}&facility=${facility(run * 5)}&from=2025-12-31&to=2026-12-31`, input.runs),
  ];
  return { timings, peakRssMb: peakRssMb() };
}

/**
 * The per-response export of one quarter, streamed to a sink that drops the bytes, in a
 * process of its own so its peak RSS is the export's (budget: 200 MB).
 */
export async function measureExport(handle: DatabaseHandle, input: { organisationId: string; quarter: QuarterId }): Promise<ExportMeasurement> {
  const module = await import('../../../src/server/exports/writeResponseRows.ts').catch((error: Error) => ({ missing: error.message }));
  const heap: number[] = [];
  if ('missing' in module) return { export: { missing: `src/server/exports/writeResponseRows.ts could not be loaded: ${module.missing}` }, peakRssMb: peakRssMb(), heapAfterGcMb: { first: 0, last: 0, samples: 0 } };
  const samples: number[] = [];
  let last = { rows: 0, bytes: 0 };
  const runs = 3;
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let run = 0; run < runs; run++) {
    let chunks = 0;
    // Only the last run samples the heap (a forced GC costs time the others must not pay).
    const sink = run === runs - 1 && gc ? () => {
      if (++chunks % 50 === 0) {
        gc();
        heap.push(process.memoryUsage().heapUsed / 1048576);
      }
    } : () => undefined;
    const started = performance.now();
    last = await module.writeResponseRows(handle.db, { organisationId: input.organisationId, surveyId: 'resident-satisfaction', period: input.quarter }, sink);
    if (run < runs - 1 || !gc) samples.push(performance.now() - started);
  }
  return { export: { medianMs: median(samples), runs: samples.length, ...last }, peakRssMb: peakRssMb(), heapAfterGcMb: { first: heap[0] ?? 0, last: heap.at(-1) ?? 0, samples: heap.length } };
}
