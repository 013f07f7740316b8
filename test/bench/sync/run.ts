/**
 * `npm run bench:sync` (tsx test/bench/sync/run.ts): the sync benchmark. 20 simulated tablets
 * push 10,000 realistic, MAC'd resident-survey responses, in batches of 100, to the real
 * server process (src/server/main.ts) over loopback HTTP; once on SQLite (a temp file) and
 * once on PostgreSQL (a throwaway cluster, skipped with a note when PostgreSQL is not
 * installed). See README.md next to this file.
 *
 * Prints throughput, batch latencies and the server's memory against the budgets; never
 * fails on a figure. It exits 1 only when the bench itself breaks, or when a consistency
 * check fails (the push did not finish within its deadline, or the 10,000 were not all
 * accepted, stored and counted once), since the figures would then not mean anything.
 *
 * Options: --only sqlite|postgres   run one database only
 *          --plain                   send answers unsealed (default: sealed to the organisation's key, as tablets do)
 *          --cpu-prof               profile the server (node --cpu-prof) and print where its time goes
 * Env:     SAYSO_BENCH_SERVER_LOG=FILE  append the server's output to FILE (NODE_OPTIONS reaches the server too)
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createDatabase } from '../../../src/server/db/createDatabase.ts';
import { migrateToLatest } from '../../../src/server/db/migrate.ts';
import { createEnrollmentCode } from '../../../src/server/queries/enrollments.ts';
import { createFacility, createOrganisation } from '../../../src/server/queries/organisations.ts';
import { publishSurveyVersion } from '../../../src/server/queries/surveyVersions.ts';
import { currentSealingKey } from '../../../src/server/queries/organisationKeys.ts';
import { makeResponseSealer, type SealingKey } from '../../../src/survey/sealing.ts';
import { RESPONSE_STATUS } from '../../../src/server/rollupCells.ts';
import { PREFER_NOT_TO_ANSWER, type Answers, type AnswerValue } from '../../../src/survey/answers.ts';
import { makeUuidV7 } from '../../../src/survey/makeUuidV7.ts';
import type { ResponseEnvelope, SyncItemResult } from '../../../src/survey/responseEnvelope.ts';
import { makeResponseMac } from '../../../src/survey/responseMac.ts';
import { makeRng } from '../../support/makeRng.ts';
import { ratingRange } from '../../../src/survey/scales.ts';
import type { Question, SurveyDefinition } from '../../../src/survey/schema.ts';
import { validateAnswers } from '../../../src/survey/validateAnswers.ts';
import { visibleQuestions } from '../../../src/survey/visibleQuestions.ts';
import { listQuestions } from '../../../src/survey/walkItems.ts';
import { findPostgresBinDir, startPostgres, type RunningPostgres } from '../../server/support/startPostgres.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const SURVEY_FILE = join(ROOT, 'public/surveys/resident-satisfaction.json');

const DEVICES = 20;
const RESPONSES = 10_000;
const BATCH_SIZE = 100;
const PARTIAL_SHARE = 0.1;
const NOT_SATISFIED_SHARE = 1 / 3;
/** The server's per-token default (src/server/routes/deviceRoutes.ts). */
const DEVICE_REQUESTS_PER_MINUTE = 600;
/** The server's per-address default for POST /devices/enroll. */
const ENROLLS_PER_MINUTE_PER_ADDRESS = 10;
const BUDGET_RESPONSES_PER_SECOND = 2000;
const BUDGET_PEAK_RSS_MB = 250;
const MAX_ATTEMPTS = 8;
const PUSH_DEADLINE_MS = 30_000;
const SEED = 20_251_123;

type DbKind = 'sqlite' | 'postgres';
type Target = { databaseUrl?: string; sqlitePath?: string };

// ---------------------------------------------------------------- options

function parseOptions(argv: string[]): { only: DbKind | null; cpuProf: boolean; plain: boolean } {
  let only: DbKind | null = null;
  let cpuProf = false;
  let plain = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--cpu-prof') cpuProf = true;
    else if (arg === '--plain') plain = true;
    else if (arg === '--only' || arg.startsWith('--only=')) {
      const value = arg.includes('=') ? arg.slice('--only='.length) : argv[++i];
      if (value !== 'sqlite' && value !== 'postgres') throw new Error(`--only takes sqlite or postgres, got "${value ?? ''}"`);
      only = value;
    } else throw new Error(`unknown option "${arg}" (options: --only sqlite|postgres, --cpu-prof, --plain)`);
  }
  return { only, cpuProf, plain };
}

// ---------------------------------------------------------------- formatting

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const mb = (kb: number) => `${(kb / 1024).toFixed(1)} MB`;
const msText = (n: number) => `${n.toFixed(1)} ms`;

function heading(title: string) {
  console.log(`\n=== ${title} ${'='.repeat(Math.max(3, 76 - title.length))}`);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

// ---------------------------------------------------------------- realistic responses


type Rng = () => number;
const pick = <T>(rng: Rng, values: readonly T[]): T => values[Math.floor(rng() * values.length)]!;
const between = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));

function pickDistinct<T>(rng: Rng, values: readonly T[], count: number): T[] {
  const pool = [...values];
  const out: T[] = [];
  while (out.length < count && pool.length) out.push(pool.splice(Math.floor(rng() * pool.length), 1)[0]!);
  return out;
}

/** Languages residents choose, most often first (weights are rough, for realism only). */
const LANGUAGE_WEIGHTS: Array<[string, number]> = [
  ['ar', 18], ['en', 14], ['fr', 10], ['fa', 9], ['ps', 8], ['ti', 7], ['so', 6], ['uk', 6], ['ru', 5], ['tr', 5], ['ckb', 4], ['nl', 4], ['es', 2], ['de', 2], ['it', 1], ['pl', 1],
];

const COMMENTS = [
  'The heating in our room does not work at night.',
  'Thank you to the staff, they are kind.',
  'We wait more than one hour for the shower in the morning.',
  'الطعام بارد في المساء ولا يوجد طعام حلال دائمًا',
  'غرفتنا مزدحمة جدًا، ستة أشخاص في غرفة صغيرة',
  'Il n’y a pas assez de machines à laver pour tout le monde.',
  'Ik wil graag meer informatie over mijn procedure.',
  'شب‌ها سر و صدا زیاد است و نمی‌توانم بخوابم',
  'Хотелось бы больше занятий для детей.',
  'ኣብ ምሸት ዝኾነ ሰብ ክሕግዘና የብሉን',
  'Cuntada waa fiican tahay laakiin waa yar tahay.',
  'The doctor only comes twice a week, it is not enough for the families with small children here.',
];

function languageOf(rng: Rng, languages: readonly string[]): string {
  const usable = LANGUAGE_WEIGHTS.filter(([code]) => languages.includes(code));
  const total = usable.reduce((sum, [, w]) => sum + w, 0);
  let r = rng() * total;
  for (const [code, weight] of usable) {
    r -= weight;
    if (r < 0) return code;
  }
  return languages[0]!;
}

/** One answer as a resident would give it, or undefined when they would skip the question. */
function answerFor(question: Question, answers: Answers, rng: Rng): AnswerValue | undefined {
  const declines = (share: number) => question.preferNotToAnswer && rng() < share;
  switch (question.kind) {
    case 'yesno':
      if (declines(0.03)) return PREFER_NOT_TO_ANSWER;
      return rng() >= NOT_SATISFIED_SHARE;
    case 'multi':
      if (declines(0.04)) return PREFER_NOT_TO_ANSWER;
      if (!question.required && rng() < 0.04) return undefined;
      return pickDistinct(rng, question.choices.map((c) => c.value), between(rng, 1, Math.min(3, question.maxSelected ?? 3)));
    case 'rating': {
      if (declines(0.03)) return PREFER_NOT_TO_ANSWER;
      const { min, max } = ratingRange(question.scale);
      // Scores follow the topic's yes/no, roughly, as real ones do.
      const satisfied = answers[`${question.id.split('.')[0]}.satisfied`];
      const mid = Math.round((min + max) / 2);
      if (satisfied === true) return between(rng, mid, max);
      if (satisfied === false) return between(rng, min, mid + 1);
      return between(rng, min, max);
    }
    case 'text':
      return !question.required && rng() >= 0.08 ? undefined : pick(rng, COMMENTS).slice(0, question.maxLength);
    case 'single':
      if (declines(0.1)) return PREFER_NOT_TO_ANSWER;
      if (!question.required && rng() < 0.06) return undefined;
      return pick(rng, question.choices).value;
    case 'spoken':
      // A voice goes on its own upload route (docs/media-api.md), not in the sync batches measured here.
      return undefined;
    default:
      throw new Error(`bench: the resident survey has a ${question.kind} question, which this generator does not answer yet`);
  }
}

/** Walks the survey as the kiosk would: each shown question in order; a partial one stops early. */
function buildAnswers(survey: SurveyDefinition, rng: Rng, partial: boolean): Answers {
  const answers: Answers = {};
  const stopAfter = partial ? between(rng, 1, 8) : Infinity;
  let answered = 0;
  for (const { question } of listQuestions(survey.items)) {
    if (answered >= stopAfter) break;
    if (!visibleQuestions(survey, answers).some((p) => p.question.id === question.id)) continue;
    const value = answerFor(question, answers, rng);
    if (value === undefined) continue;
    answers[question.id] = value;
    answered++;
  }
  return answers;
}

/**
 * Answers sealed as the kiosk seals them: a content key per response; the folded answers
 * sealed at close, or, for a response closed after a crash (3%), one sealed event per tap.
 */
async function sealLikeTheKiosk(responseId: string, sealingKey: SealingKey, answers: Answers, crashed: boolean) {
  const sealer = await makeResponseSealer(responseId, sealingKey);
  if (!crashed) return { key: sealer.key, events: [], final: await sealer.sealFinal(answers) };
  const at = new Date().toISOString();
  const events = [];
  for (const [seq, [questionId, value]] of Object.entries(answers).entries()) events.push({ seq, ...(await sealer.sealEvent({ questionId, value, at })) });
  return { key: sealer.key, events };
}

/** Set from --plain: send answers unsealed, to compare. */
let PLAIN = false;

interface Device {
  index: number;
  localAddress: string;
  agent: Agent;
  enrollmentId: string;
  token: string;
  secret: string;
  /** JSON bodies of the device's batches, and the ids in each. */
  batches: Array<{ body: Buffer; ids: string[] }>;
}

async function buildResponses(survey: SurveyDefinition, devices: Device[], sealingKey: SealingKey | null): Promise<{ complete: number; partial: number; bodyBytes: number[]; statusOf: Map<string, 'complete' | 'partial'> }> {
  const rng = makeRng(SEED);
  const perDevice = Math.ceil(RESPONSES / devices.length);
  const now = Date.now();
  let complete = 0;
  let partial = 0;
  const bodyBytes: number[] = [];
  const statusOf = new Map<string, 'complete' | 'partial'>();
  for (const device of devices) {
    const count = Math.min(perDevice, RESPONSES - device.index * perDevice);
    const signed: ResponseEnvelope[] = [];
    for (let i = 0; i < count; i++) {
      const isPartial = rng() < PARTIAL_SHARE;
      const answers = buildAnswers(survey, rng, isPartial);
      const problems = validateAnswers(survey, answers, isPartial ? 'partial' : 'complete');
      if (problems.length) throw new Error(`bench: generated an invalid response: ${JSON.stringify(problems)} for ${JSON.stringify(answers)}`);
      // Answered some time in the last 7 days, in 3 to 15 minutes.
      const started = now - 5 * 60_000 - Math.floor(rng() * 7 * 86_400_000);
      const assisted = rng() < 0.12;
      const id = makeUuidV7(started);
      const unsigned: Omit<ResponseEnvelope, 'mac'> = {
        id,
        surveyId: survey.id,
        surveyVersion: survey.version,
        language: languageOf(rng, survey.languages),
        status: isPartial ? 'partial' : 'complete',
        source: 'tablet',
        mode: assisted ? 'assisted' : 'self',
        ...(assisted ? { assistance: { role: pick(rng, ['intercultural-mediator', 'interpreter', 'social-worker'] as const), kinds: ['read-aloud', 'translated'], questions: [] } } : {}),
        startedAt: new Date(started).toISOString(),
        completedAt: isPartial ? null : new Date(started + between(rng, 3, 15) * 60_000).toISOString(),
        enrollmentId: device.enrollmentId,
        ...(sealingKey ? { answers: null, sealed: await sealLikeTheKiosk(id, sealingKey, answers, rng() < 0.03) } : { answers }),
        meta: { app: 'sayso-bench', deviceClock: new Date().toISOString() },
      };
      signed.push({ ...unsigned, mac: await makeResponseMac(unsigned, device.secret) });
      statusOf.set(unsigned.id, unsigned.status);
      if (isPartial) partial++;
      else complete++;
    }
    for (let i = 0; i < signed.length; i += BATCH_SIZE) {
      const items = signed.slice(i, i + BATCH_SIZE);
      const body = Buffer.from(JSON.stringify({ responses: items }));
      bodyBytes.push(body.length);
      device.batches.push({ body, ids: items.map((r) => r.id) });
    }
  }
  return { complete, partial, bodyBytes, statusOf };
}

// ---------------------------------------------------------------- HTTP (node:http: a source address per tablet)

interface HttpResult {
  status: number;
  text: string;
}

function post(port: number, path: string, body: Buffer, options: { agent: Agent; localAddress: string; token?: string }): Promise<HttpResult> {
  return new Promise((resolvePost, reject) => {
    const req = request(
      {
        host: '127.0.0.1', port, path, method: 'POST', agent: options.agent, localAddress: options.localAddress, timeout: 60_000,
        headers: {
          'content-type': 'application/json',
          'content-length': String(body.length),
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolvePost({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('request timed out after 60 s')));
    req.on('error', reject);
    req.end(body);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface RetryCounters {
  retries: number;
  /** Why attempts failed, with how often. */
  reasons: Map<string, number>;
}

/**
 * Posts with retries, as a tablet does: network errors, 5xx ("not saved, send it again")
 * and 429 are retried with a capped exponential backoff, until MAX_ATTEMPTS or until
 * `stopped()` says the push is over.
 */
async function postWithRetry(port: number, path: string, body: Buffer, options: { agent: Agent; localAddress: string; token?: string }, counters: RetryCounters, stopped: () => boolean = () => false): Promise<HttpResult> {
  for (let attempt = 1; ; attempt++) {
    let reason: string;
    try {
      const result = await post(port, path, body, options);
      if (result.status < 500 && result.status !== 429) return result;
      reason = `HTTP ${result.status}`;
    } catch (error) {
      reason = `network: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
    }
    counters.reasons.set(reason, (counters.reasons.get(reason) ?? 0) + 1);
    if (attempt >= MAX_ATTEMPTS) throw new Error(`POST ${path} failed ${attempt} times (last: ${reason})`);
    if (stopped()) throw new Error(`POST ${path} abandoned after ${attempt} attempts (last: ${reason}): the push was stopped`);
    counters.retries++;
    await sleep(Math.min(2_000, 100 * 2 ** (attempt - 1)));
  }
}

/** "POST /api/v1/sync failed: error: deadlock detected" lines of the server's log, counted, with the first detail/where lines. */
function serverErrorSummary(output: string): string[] {
  const counts = new Map<string, number>();
  for (const match of output.matchAll(/^(\w+ \S+) failed: (.*)$/gm)) counts.set(`${match[1]}: ${match[2]}`, (counts.get(`${match[1]}: ${match[2]}`) ?? 0) + 1);
  const lines = [...counts].map(([text, n]) => `${n} x ${text}`);
  for (const key of ['detail', 'where']) {
    const found = new RegExp(`^\\s*${key}: (.*)$`, 'm').exec(output);
    if (found) lines.push(`first ${key}: ${found[1]!.slice(0, 200)}`);
  }
  return lines;
}

// ---------------------------------------------------------------- the server process

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolvePort(port) : reject(new Error('could not find a free port'))));
    });
  });
}

interface RunningServer {
  child: ChildProcess;
  pid: number;
  port: number;
  output: () => string;
  stop: () => Promise<void>;
}

const liveChildren = new Set<ChildProcess>();

/**
 * Starts src/server/main.ts as `node --import tsx` (what `npx tsx` runs, without the npx and
 * tsx wrapper processes), so the child's pid is the server's own: its /proc figures are the
 * server's and SIGTERM reaches it directly.
 */
async function startServer(target: Target, staticRoot: string, profile: Profiling | null): Promise<RunningServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', SAYSO_STATIC: staticRoot, NODE_ENV: 'production' };
  delete env.DATABASE_URL;
  delete env.SAYSO_DB;
  delete env.TLS_CERT;
  delete env.TLS_KEY;
  if (target.databaseUrl) env.DATABASE_URL = target.databaseUrl;
  else env.SAYSO_DB = target.sqlitePath;
  const flags = profile ? ['--cpu-prof', '--cpu-prof-dir', profile.dir] : [];
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', 'src/server/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  liveChildren.add(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // SAYSO_BENCH_SERVER_LOG=FILE keeps the server's output (e.g. with NODE_OPTIONS=--trace-gc).
  const logFile = process.env.SAYSO_BENCH_SERVER_LOG;
  if (logFile) {
    child.stdout!.on('data', (chunk: Buffer) => appendFileSync(logFile, chunk));
    child.stderr!.on('data', (chunk: Buffer) => appendFileSync(logFile, chunk));
  }
  const exited = new Promise<void>((r) => child.once('exit', () => {
    liveChildren.delete(child);
    r();
  }));
  let hasExited = false;
  void exited.then(() => (hasExited = true));

  const stop = async () => {
    if (hasExited) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => {
      if (!hasExited) child.kill('SIGKILL');
    }, 5_000);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (hasExited) throw new Error(`the server exited during startup (code ${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server did not answer /api/v1/healthz within 30 s:\n${output}`);
    }
    await sleep(100);
  }
  return { child, pid: child.pid!, port, output: () => output, stop };
}

/** VmRSS and VmHWM (kB) of a process, from /proc. */
function procMemory(pid: number): { rss: number; hwm: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: field('VmRSS'), hwm: field('VmHWM') };
  } catch {
    return null;
  }
}

const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100;

/** User + system CPU seconds a process has used, from /proc/<pid>/stat. */
function procCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}

// ---------------------------------------------------------------- one run

interface RunFigures {
  name: string;
  kind: DbKind;
  accepted: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  max: number;
  peakRssKb: number;
  hwmKb: number;
  checksOk: boolean;
  /** False when the push was stopped before all batches went through. */
  complete: boolean;
}

async function prepareDatabase(target: Target) {
  const handle = createDatabase(target);
  try {
    await migrateToLatest(handle.db);
    const organisation = await createOrganisation(handle.db, { name: 'Bench organisation', retentionDays: null });
    const facility = await createFacility(handle.db, { organisationId: organisation.id, name: 'Bench reception centre', timeZone: 'Europe/Brussels' });
    const survey = await publishSurveyVersion(handle.db, { organisationId: organisation.id, definition: JSON.parse(readFileSync(SURVEY_FILE, 'utf8')) });
    const codes: string[] = [];
    for (let i = 0; i < DEVICES; i++) codes.push((await createEnrollmentCode(handle.db, { facilityId: facility.id, validMinutes: 60 })).code);
    return { survey, codes, sealingKey: await currentSealingKey(handle.db, organisation.id) };
  } finally {
    await handle.close();
  }
}

async function checkDatabase(target: Target) {
  const handle = createDatabase(target);
  try {
    const responses = await handle.db.selectFrom('responses').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const quarantined = await handle.db.selectFrom('quarantine').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const statusRows = await handle.db.selectFrom('rollup_counts').select(['answer_value', (eb) => eb.fn.sum('count').as('n')])
      .where('question_id', '=', RESPONSE_STATUS).groupBy('answer_value').execute();
    const cells = await handle.db.selectFrom('rollup_counts').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const byStatus = Object.fromEntries(statusRows.map((r) => [r.answer_value, Number(r.n)]));
    return {
      responses: Number(responses.n),
      quarantined: Number(quarantined.n),
      rollupStatusSum: statusRows.reduce((sum, r) => sum + Number(r.n), 0),
      byStatus,
      rollupCells: Number(cells.n),
    };
  } finally {
    await handle.close();
  }
}

async function runOnce(name: string, kind: DbKind, target: Target, staticRoot: string, profile: Profiling | null): Promise<RunFigures> {
  heading(name);
  let t = performance.now();
  const { survey, codes, sealingKey } = await prepareDatabase(target);
  console.log(`Prepared: 1 organisation, 1 facility, ${codes.length} enrollment codes, ${survey.id} v${survey.version} (${listQuestions(survey.items).length} questions) in ${int(performance.now() - t)} ms`);

  t = performance.now();
  const server = await startServer(target, staticRoot, profile);
  const dataLine = server.output().split('\n').find((line) => line.startsWith('Data:'));
  console.log(`Server: pid ${server.pid}, http://127.0.0.1:${server.port}, healthy after ${int(performance.now() - t)} ms${dataLine ? ` (${dataLine})` : ''}`);

  // Memory: sample VmRSS every 100 ms from now until the end of the run.
  let peakRss = 0;
  let samples = 0;
  const sample = () => {
    const m = procMemory(server.pid);
    if (m && Number.isFinite(m.rss)) {
      peakRss = Math.max(peakRss, m.rss);
      samples++;
    }
  };
  sample();
  const idleRss = peakRss;
  const sampler = setInterval(sample, 100);
  const agents: Agent[] = [];

  try {
    // Enroll: each tablet from its own loopback address (127.0.0.x), as tablets have
    // their own addresses; from one address the 11th enrollment in a minute gets 429.
    const counters: RetryCounters = { retries: 0, reasons: new Map() };
    const devices: Device[] = [];
    t = performance.now();
    await Promise.all(codes.map(async (code, index) => {
      const localAddress = `127.0.0.${index + 10}`;
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      agents.push(agent);
      const res = await postWithRetry(server.port, '/api/v1/devices/enroll', Buffer.from(JSON.stringify({ code, name: `Bench tablet ${index + 1}` })), { agent, localAddress }, counters);
      if (res.status !== 201) throw new Error(`enrolling tablet ${index + 1} failed: HTTP ${res.status} ${res.text}`);
      const body = JSON.parse(res.text) as { enrollmentId: string; token: string; secret: string };
      devices[index] = { index, localAddress, agent, enrollmentId: body.enrollmentId, token: body.token, secret: body.secret, batches: [] };
    }));
    console.log(`Enrolled ${devices.length} tablets over HTTP in ${int(performance.now() - t)} ms (source addresses 127.0.0.10-${9 + devices.length}; the server allows ${ENROLLS_PER_MINUTE_PER_ADDRESS} enrollments/min per address)`);

    t = performance.now();
    const built = await buildResponses(survey, devices, PLAIN ? null : sealingKey);
    const batchCount = devices.reduce((sum, d) => sum + d.batches.length, 0);
    const maxBatchesPerDevice = Math.max(...devices.map((d) => d.batches.length));
    const sortedBytes = [...built.bodyBytes].sort((a, b) => a - b);
    console.log(`Built and signed ${int(built.complete + built.partial)} responses (${int(built.complete)} complete, ${int(built.partial)} partial) in ${int(performance.now() - t)} ms, before the clock starts`);
    console.log(`  ${batchCount} batches of ${BATCH_SIZE}; body ${int(percentile(sortedBytes, 50) / 1024)} KB median, ${int(sortedBytes[sortedBytes.length - 1]! / 1024)} KB max (limit 1024 KB)`);
    console.log(`  Rate limit: ${maxBatchesPerDevice} sync requests per tablet in all (${batchCount} overall) against ${DEVICE_REQUESTS_PER_MINUTE}/min per tablet: it cannot throttle this bench.`);

    // ------------------------------------------------ the push
    const latencies: number[] = [];
    const tally: Record<string, number> = { accepted: 0, duplicate: 0, rejected: 0 };
    const oddResults: string[] = [];
    const acceptedIds: string[] = [];
    const fullyAccepted: Array<{ device: Device; batch: Device['batches'][number] }> = [];
    const cpuBefore = procCpuSeconds(server.pid);
    const clientCpuBefore = process.cpuUsage();
    const pushStart = performance.now();
    const pushStartUs = monotonicUs();
    // A healthy server takes seconds; a stuck one must not hold the bench for long.
    let stopReason: string | null = null;
    const deadline = setTimeout(() => (stopReason ??= `the push was stopped at its ${PUSH_DEADLINE_MS / 1000} s deadline`), PUSH_DEADLINE_MS);
    let batchesDone = 0;
    await Promise.all(devices.map(async (device) => {
      for (const batch of device.batches) {
        if (stopReason) return;
        const started = performance.now();
        let res: HttpResult;
        try {
          res = await postWithRetry(server.port, '/api/v1/sync', batch.body, { agent: device.agent, localAddress: device.localAddress, token: device.token }, counters, () => stopReason !== null);
          if (res.status !== 200) throw new Error(`sync answered HTTP ${res.status} ${res.text.slice(0, 300)}`);
        } catch (error) {
          stopReason ??= `tablet ${device.index + 1} gave up: ${(error as Error).message}`;
          return;
        }
        latencies.push(performance.now() - started);
        batchesDone++;
        const { results } = JSON.parse(res.text) as { results: SyncItemResult[] };
        if (results.length !== batch.ids.length) throw new Error(`tablet ${device.index + 1}: ${results.length} results for ${batch.ids.length} responses`);
        if (results.every((r) => r.status === 'accepted')) fullyAccepted.push({ device, batch });
        results.forEach((result, i) => {
          tally[result.status] = (tally[result.status] ?? 0) + 1;
          if (result.status === 'accepted' && result.id) acceptedIds.push(result.id);
          if (result.id !== batch.ids[i]) oddResults.push(`result ${i} of a batch has id ${result.id}, expected ${batch.ids[i]}`);
          if (result.status !== 'accepted') oddResults.push(`${result.id}: ${result.status}${result.status === 'rejected' ? ` ${result.error.code}: ${result.error.message}` : ''}`);
        });
      }
    }));
    clearTimeout(deadline);
    if (profile) profile.window = [pushStartUs, monotonicUs()];
    const seconds = (performance.now() - pushStart) / 1000;
    const serverCpu = procCpuSeconds(server.pid) - cpuBefore;
    const clientCpu = process.cpuUsage(clientCpuBefore);
    sample();

    const sorted = [...latencies].sort((a, b) => a - b);
    const perSecond = tally.accepted! / seconds;
    const pushPeakRss = peakRss;
    console.log('\nPush');
    console.log(`  accepted            ${int(tally.accepted!)} of ${int(RESPONSES)}${tally.accepted === RESPONSES ? '' : '   <-- MISMATCH'}   (duplicate ${tally.duplicate}, rejected ${tally.rejected})`);
    for (const line of oddResults.slice(0, 20)) console.log(`    not accepted: ${line}`);
    if (oddResults.length > 20) console.log(`    ... and ${oddResults.length - 20} more`);
    if (stopReason) console.log(`  INCOMPLETE          ${batchesDone} of ${batchCount} batches went through; ${stopReason}`);
    console.log(`  wall time           ${seconds.toFixed(2)} s, ${DEVICES} tablets at once`);
    console.log(`  throughput          ${int(perSecond)} responses/s`);
    console.log(`  batch latency       p50 ${msText(percentile(sorted, 50))}, p95 ${msText(percentile(sorted, 95))}, max ${msText(sorted[sorted.length - 1] ?? NaN)} (${sorted.length} batches, 100 responses each)`);
    console.log(`  retries             ${counters.retries}${counters.reasons.size ? ` (failed attempts: ${[...counters.reasons].map(([why, n]) => `${n} x ${why}`).join(', ')})` : ''}`);
    const serverErrors = serverErrorSummary(server.output());
    if (serverErrors.length) console.log(`  server errors       ${serverErrors.join('\n                      ')}`);
    console.log(`  server CPU          ${serverCpu.toFixed(2)} s user+sys = ${int((serverCpu / seconds) * 100)}% of one core (${int((serverCpu / Math.max(1, tally.accepted!)) * 1e6)} µs per accepted response)`);
    console.log(`  bench client CPU    ${((clientCpu.user + clientCpu.system) / 1e6).toFixed(2)} s (same machine, ${spawnSync('nproc', { encoding: 'utf8' }).stdout.trim() || '?'} cores)`);

    // ------------------------------------------------ resend one batch: all duplicates
    const again = fullyAccepted[0];
    let duplicatesOk = false;
    if (!again) console.log('\nResent one batch     skipped: no batch was accepted whole   <-- MISMATCH');
    else {
      const resent = await postWithRetry(server.port, '/api/v1/sync', again.batch.body, { agent: again.device.agent, localAddress: again.device.localAddress, token: again.device.token }, counters);
      const resentResults = resent.status === 200 ? (JSON.parse(resent.text) as { results: SyncItemResult[] }).results : [];
      const duplicates = resentResults.filter((r) => r.status === 'duplicate').length;
      duplicatesOk = resent.status === 200 && duplicates === again.batch.ids.length;
      console.log(`\nResent one batch     ${duplicates} of ${again.batch.ids.length} came back "duplicate"${duplicatesOk ? '' : `   <-- MISMATCH (HTTP ${resent.status}: ${resent.text.slice(0, 300)})`}`);
    }

    // ------------------------------------------------ memory
    clearInterval(sampler);
    sample();
    const final = procMemory(server.pid);
    const hwm = final?.hwm ?? NaN;
    console.log('\nServer memory');
    console.log(`  RSS after start     ${mb(idleRss)}`);
    console.log(`  peak RSS (sampled)  ${mb(pushPeakRss)} during the push, ${mb(peakRss)} overall (${samples} samples, every 100 ms)`);
    console.log(`  VmHWM at the end    ${mb(hwm)}`);

    // ------------------------------------------------ database
    const check = await checkDatabase(target);
    // Complete push: 10,000 of each. Stopped push: what the server said it accepted.
    const expected = stopReason ? acceptedIds.length : RESPONSES;
    const expectedComplete = acceptedIds.filter((id) => built.statusOf.get(id) === 'complete').length;
    const expectedPartial = acceptedIds.length - expectedComplete;
    const storedOk = check.responses === expected;
    const rollupOk = check.rollupStatusSum === expected;
    const statusOk = (check.byStatus.complete ?? 0) === expectedComplete && (check.byStatus.partial ?? 0) === expectedPartial;
    const mismatch = (ok: boolean) => (ok ? '' : `   <-- MISMATCH: expected ${int(expected)}`);
    console.log(`\nDatabase${stopReason ? ' (push incomplete: compared with the responses the server accepted)' : ''}`);
    console.log(`  responses           ${int(check.responses)}${mismatch(storedOk)}`);
    console.log(`  rollup ${RESPONSE_STATUS} ${int(check.rollupStatusSum)}${mismatch(rollupOk)} (complete ${int(check.byStatus.complete ?? 0)}, partial ${int(check.byStatus.partial ?? 0)}${statusOk ? ', as accepted' : `   <-- MISMATCH: accepted ${expectedComplete} complete, ${expectedPartial} partial`})`);
    console.log(`  rollup cells        ${int(check.rollupCells)}; quarantined ${check.quarantined}`);

    const checksOk = !stopReason && tally.accepted === RESPONSES && oddResults.length === 0 && duplicatesOk && storedOk && rollupOk && statusOk;
    return {
      name, kind, accepted: tally.accepted!, seconds, perSecond,
      p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] ?? NaN,
      peakRssKb: Math.max(peakRss, Number.isFinite(hwm) ? hwm : 0), hwmKb: hwm, checksOk, complete: !stopReason,
    };
  } catch (error) {
    console.error(`\nServer output (last 3000 characters):\n${server.output().slice(-3000)}`);
    throw error;
  } finally {
    clearInterval(sampler);
    for (const agent of agents) agent.destroy();
    const stopping = performance.now();
    await server.stop();
    console.log(`Server stopped in ${int(performance.now() - stopping)} ms (exit ${server.child.exitCode ?? server.child.signalCode})`);
  }
}

// ---------------------------------------------------------------- CPU profile summary

/** A --cpu-prof run: where the profiles go, and the push's time window to summarise. */
interface Profiling {
  dir: string;
  /** Start and end of the push, in CLOCK_MONOTONIC microseconds (the clock V8 stamps profile samples with on Linux). */
  window?: [number, number];
}

const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

function summariseProfile({ dir, window }: Profiling) {
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')) : [];
  if (files.length === 0) {
    console.log(`  (no .cpuprofile was written in ${dir})`);
    return;
  }
  // One profile per thread (the tsx loader has its own): summarise the busiest, the main thread.
  const loaded = files.map((file) => {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const selfUs = new Map<number, number>();
    // Only the push, when its window lies within the profile (startup and shutdown left out).
    const inWindow = window && window[0] >= profile.startTime && window[1] <= profile.endTime ? window : null;
    let at = profile.startTime;
    profile.samples.forEach((id, i) => {
      const delta = Math.max(0, profile.timeDeltas[i] ?? 0);
      at += delta;
      if (!inWindow || (at >= inWindow[0] && at <= inWindow[1])) selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
    });
    let total = 0;
    let idle = 0;
    for (const [id, us] of selfUs) {
      total += us;
      if (byId.get(id)!.callFrame.functionName === '(idle)') idle += us;
    }
    return { file, profile, byId, selfUs, total, busy: total - idle, windowed: inWindow !== null };
  }).sort((a, b) => b.busy - a.busy);
  const { file, profile, byId, selfUs, total, busy, windowed } = loaded[0]!;
  const where = (node: ProfileNode) => {
    const url = node.callFrame.url.replace(/^file:\/\//, '').replace(`${ROOT}/`, '');
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
    if (pkg) return pkg;
    if (url.startsWith('src/')) return url.replace(/\?.*$/, '');
    if (url.startsWith('node:')) return url;
    return url || `(${node.callFrame.functionName || 'native'})`;
  };
  const byFunction = new Map<string, number>();
  const byPlace = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id)!;
    if (node.callFrame.functionName === '(idle)') continue;
    const fn = `${node.callFrame.functionName || '(anonymous)'}  ${where(node)}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
    byPlace.set(where(node), (byPlace.get(where(node)) ?? 0) + us);
  }
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Inclusive: samples with a matching frame on their stack (an await resumes with the async function on the stack).
  const inclusive = (match: (n: ProfileNode) => boolean) => {
    let us = 0;
    for (const [id, self] of selfUs) {
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
        if (match(byId.get(cur)!)) {
          us += self;
          break;
        }
      }
    }
    return us;
  };
  const pct = (us: number) => `${((us / busy) * 100).toFixed(1).padStart(5)}%`;
  console.log(`  ${join(dir, file)} (open it in Chrome DevTools > Performance)`);
  console.log(`  ${windowed ? 'during the push' : 'whole server life (the push window was not found in the profile)'}: main thread busy ${(busy / 1e6).toFixed(2)} s of ${(total / 1e6).toFixed(2)} s; percentages are of busy time${loaded.length > 1 ? `; ${loaded.length - 1} other thread profile(s) (tsx loader) left out` : ''}`);
  console.log('  Self time by function:');
  for (const [fn, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`    ${pct(us)}  ${fn}`);
  console.log('  Self time by file or package:');
  for (const [place, us] of [...byPlace].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`    ${pct(us)}  ${place}`);
  const fnIn = (name: string, file: string) => (n: ProfileNode) => n.callFrame.functionName === name && n.callFrame.url.includes(file);
  console.log('  Inclusive time (samples with the function on the stack; code after an await inside a callee resumes on');
  console.log('  the callee\'s own stack, so ingestBatch undercounts the kysely work it waits for):');
  for (const [label, match] of [
    ['ingestBatch', fnIn('ingestBatch', 'queries/ingestBatch')],
    ['  verifyResponseMac', fnIn('verifyResponseMac', 'survey/responseMac')],
    ['  responseContentHash', fnIn('responseContentHash', 'survey/responseMac')],
    ['  rollupCellsFor + mergeRollupCells', (n: ProfileNode) => (n.callFrame.functionName === 'rollupCellsFor' || n.callFrame.functionName === 'mergeRollupCells') && n.callFrame.url.includes('server/rollupCells')],
    ['  validateAnswers', fnIn('validateAnswers', 'survey/validateAnswers')],
    ['  valibot safeParse', (n: ProfileNode) => n.callFrame.functionName === 'safeParse' && n.callFrame.url.includes('valibot')],
    ['  getSurveyVersion', fnIn('getSurveyVersion', 'queries/surveyVersions')],
    ['  kysely (queries, SQL compile, driver)', (n: ProfileNode) => n.callFrame.url.includes('node_modules/kysely')],
    ['readJsonBody (body text + JSON.parse)', fnIn('readJsonBody', 'http/readJsonBody')],
    ['findEnrollmentByToken', fnIn('findEnrollmentByToken', 'queries/enrollments')],
    ['(garbage collector)', (n: ProfileNode) => n.callFrame.functionName === '(garbage collector)'],
  ] as const) console.log(`    ${pct(inclusive(match))}  ${label}`);
}

// ---------------------------------------------------------------- main

const tempPaths = new Set<string>();
let postgres: RunningPostgres | null = null;

function cleanUpSync() {
  for (const child of liveChildren) {
    try {
      child.kill('SIGKILL');
    } catch {
      // gone already
    }
  }
  for (const path of tempPaths) rmSync(path, { recursive: true, force: true });
}
process.on('exit', cleanUpSync);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the server, PostgreSQL and removing temp files`);
    process.exit(130); // 'exit' handlers (ours and startPostgres's) do the cleanup
  });
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  PLAIN = options.plain;
  console.log(PLAIN ? 'Answers sent unsealed (--plain)' : "Answers sealed to the organisation's key, as tablets send them (ECDH P-256 + HKDF + AES-GCM per response)");
  const work = mkdtempSync(join(tmpdir(), 'sayso-bench-sync-'));
  tempPaths.add(work);
  const staticRoot = join(work, 'static');
  mkdirSync(staticRoot);
  writeFileSync(join(staticRoot, 'index.html'), '<!doctype html><title>bench</title>');

  console.log(`Sayso sync bench: ${DEVICES} tablets, ${int(RESPONSES)} resident-survey responses, batches of ${BATCH_SIZE}; node ${process.version}, ${spawnSync('nproc', { encoding: 'utf8' }).stdout.trim() || '?'} cores`);
  const runs: RunFigures[] = [];
  let broken = false;
  const profilingFor = (kind: DbKind): Profiling | null => (options.cpuProf ? { dir: mkdtempSync(join(tmpdir(), `sayso-bench-sync-prof-${kind}-`)) } : null);

  if (options.only !== 'postgres') {
    const profile = profilingFor('sqlite');
    try {
      runs.push(await runOnce('SQLite (temp file; WAL, synchronous=FULL, as the server sets it)', 'sqlite', { sqlitePath: join(work, 'bench.db') }, staticRoot, profile));
    } catch (error) {
      broken = true;
      console.error(`\nThe SQLite run broke: ${(error as Error).stack ?? String(error)}`);
    }
    if (profile) {
      console.log('\nCPU profile of the server (SQLite run)');
      summariseProfile(profile);
    }
  }

  if (options.only !== 'sqlite') {
    if (!findPostgresBinDir()) {
      heading('PostgreSQL');
      console.log('Skipped: PostgreSQL is not installed (no initdb under /usr/lib/postgresql/*/bin or on PATH; PG_BIN overrides).');
    } else {
      const profile = profilingFor('postgres');
      try {
        const started = performance.now();
        postgres = await startPostgres();
        console.log(`\n(throwaway PostgreSQL cluster up in ${int(performance.now() - started)} ms; it runs with fsync=off and synchronous_commit=off, so it is not durable)`);
        runs.push(await runOnce('PostgreSQL (throwaway cluster, pool of 10)', 'postgres', { databaseUrl: postgres.url }, staticRoot, profile));
      } catch (error) {
        broken = true;
        console.error(`\nThe PostgreSQL run broke: ${(error as Error).stack ?? String(error)}`);
      } finally {
        await postgres?.stop();
        postgres = null;
      }
      if (profile) {
        console.log('\nCPU profile of the server (PostgreSQL run)');
        summariseProfile(profile);
      }
    }
  }

  heading('Budget');
  for (const run of runs) {
    const throughputNote = run.kind === 'sqlite' ? '' : ' (the budget is set for SQLite; shown for reference)';
    console.log(`${run.name.split(' ')[0]}:`);
    console.log(`  throughput   ${int(run.perSecond).padStart(6)} responses/s${run.complete ? '' : ' (incomplete push)'}   budget >= ${int(BUDGET_RESPONSES_PER_SECOND)}   ${run.perSecond >= BUDGET_RESPONSES_PER_SECOND ? 'WITHIN' : 'OVER'}${throughputNote}`);
    console.log(`  peak memory  ${mb(run.peakRssKb).padStart(8)}            budget <= ${BUDGET_PEAK_RSS_MB} MB   ${run.peakRssKb / 1024 <= BUDGET_PEAK_RSS_MB ? 'WITHIN' : 'OVER'}   (max of sampled RSS and VmHWM)${run.complete ? '' : ' (incomplete push)'}`);
    console.log(`  checks       ${run.checksOk ? 'all passed' : 'FAILED: the figures above are not valid'}`);
  }
  console.log('Budgets: >= 2,000 responses/s on SQLite on a 2-core machine (answers and rollups included), peak server memory <= 250 MB. Figures never fail the bench.');
  return broken || runs.some((r) => !r.checksOk) ? 1 : 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`The bench broke: ${(error as Error).stack ?? String(error)}`);
  process.exitCode = 1;
} finally {
  // (main() may have left it running when it threw; TypeScript cannot see that assignment.)
  await (postgres as RunningPostgres | null)?.stop();
  cleanUpSync();
}
