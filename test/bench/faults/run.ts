/**
 * npm run bench:faults [-- --seed N] [--respondents N] [--fuzz N] [--no-build]
 * Prints the randomized fault run (respondents, faults injected by kind, responses
 * expected vs stored, duplicates) and the API fuzz counts by status, on SQLite and
 * PostgreSQL. Figures only: it fails only if the run itself breaks.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDatabase } from '../../../src/server/db/createDatabase.ts';
import { migrateToLatest } from '../../../src/server/db/migrate.ts';
import { runFaultScenario } from '../../faults/runFaultScenario.ts';
import { runApiFuzz } from '../../server/support/runApiFuzz.ts';
import { postgresAvailable, startPostgres } from '../../server/support/startPostgres.ts';

const { values } = parseArgs({
  options: { seed: { type: 'string' }, respondents: { type: 'string' }, fuzz: { type: 'string' }, 'no-build': { type: 'boolean' } },
});
const seed = Number(values.seed ?? Date.now() % 1_000_000);
const respondents = Number(values.respondents ?? 200);
const fuzzRequests = Number(values.fuzz ?? 10_000);

if (!values['no-build']) execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });

console.log(`=== Fault run (seed ${seed}: replay with --seed ${seed}) ===`);
const report = await runFaultScenario({ seed, respondents });
console.log(`respondents          ${report.respondents.browser + report.respondents.node} (${report.respondents.browser} in Chromium, ${report.respondents.node} through the sync client in Node); ${report.respondents.complete} complete, ${report.respondents.partial} closed as partial`);
console.log('faults injected');
for (const [kind, count] of Object.entries(report.faults).sort()) console.log(`  ${kind.padEnd(34)} ${count}`);
console.log(`responses expected   ${report.expected}`);
console.log(`responses stored     ${report.stored}`);
console.log(`missing              ${report.missing.length}`);
console.log(`unexpected           ${report.unexpected.length}`);
console.log(`counted twice        ${report.countedTwice}`);
console.log(`time                 ${report.seconds} s`);

const fuzzOn = async (name: string, open: () => ReturnType<typeof createDatabase>) => {
  const handle = open();
  try {
    await migrateToLatest(handle.db);
    const fuzz = await runApiFuzz(handle, seed, fuzzRequests);
    console.log(`=== API fuzz on ${name}: ${fuzz.requests} requests (seed ${seed}) ===`);
    console.log(`by HTTP status       ${Object.entries(fuzz.byStatus).map(([s, n]) => `${s}: ${n}`).join(', ')}`);
    console.log(`items in 200 answers ${Object.entries(fuzz.items).map(([s, n]) => `${s}: ${n}`).join(', ')}`);
    console.log(`server errors (5xx)  ${fuzz.serverErrors}`);
    console.log(`valid traffic sent   ${fuzz.validSent.length}`);
  } finally {
    await handle.close();
  }
};
const dir = mkdtempSync(join(tmpdir(), 'sayso-bench-faults-'));
try {
  await fuzzOn('SQLite', () => createDatabase({ sqlitePath: join(dir, 'fuzz.db') }));
  if (postgresAvailable()) {
    const postgres = await startPostgres();
    try {
      await fuzzOn('PostgreSQL', () => createDatabase({ databaseUrl: postgres.url }));
    } finally {
      await postgres.stop();
    }
  } else console.log('=== API fuzz on PostgreSQL: skipped (PostgreSQL is not installed) ===');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
