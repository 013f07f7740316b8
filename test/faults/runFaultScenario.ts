/**
 * A randomized fault run against a real server process (loopback only, bounded in count
 * and time, replayable from its seed): respondents on three tablets, one in Chromium and
 * two running the tablet's own store and sync code in Node, while the run cuts the
 * network, SIGKILLs and restarts the server, reloads and closes tabs mid-answer, and
 * answers sync batches with 500, 429 and dropped connections, some after the server
 * committed. At the end the server must hold exactly the responses the tablets finished
 * or closed as partial: none lost, none twice.
 */
import BetterSqlite3 from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SaysoDatabase } from '../../src/device/database.ts';
import { makeDeviceStore, type DeviceStore } from '../../src/device/deviceStore.ts';
import { bundleSealingKey, hashDevicePin, saveEnrollment } from '../../src/device/enrollmentRecord.ts';
import { makeDeviceApi, type Enrollment } from '../../src/sync/deviceApi.ts';
import { runDeviceSync } from '../../src/sync/runDeviceSync.ts';
import { PREFER_NOT_TO_ANSWER } from '../../src/survey/answers.ts';
import { makeUuidV7 } from '../../src/survey/makeUuidV7.ts';
import { makeResponseSealer } from '../../src/survey/sealing.ts';
import type { Question } from '../../src/survey/schema.ts';
import { loadBuiltInSurvey, loadLocale } from '../e2e/support/builtIns.ts';
import { enrollInBrowser } from '../e2e/support/enrollInBrowser.ts';
import { KioskDriver, readTabletStore } from '../e2e/support/kioskDriver.ts';
import { launchChromium } from '../e2e/support/launchChromium.ts';
import { freePort, startServerProcess, type ServerProcess } from '../e2e/support/serverProcess.ts';
import { makeRng } from '../support/makeRng.ts';
import { startFaultProxy, type SyncFault } from './startFaultProxy.ts';

export interface FaultReport {
  seed: number;
  respondents: { browser: number; node: number; complete: number; partial: number };
  faults: Record<string, number>;
  expected: number;
  stored: number;
  missing: string[];
  unexpected: string[];
  countedTwice: number;
  seconds: number;
}

const survey = loadBuiltInSurvey('centre-satisfaction');
const SCALE = ['below', 'at', 'above'] as const;

function admin(dbPath: string, ...args: string[]): string {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/admin/main.ts', ...args], { env: { ...process.env, SAYSO_DB: dbPath, DATABASE_URL: '' }, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`admin ${args[0]} failed: ${run.stderr}`);
  return run.stdout;
}

/** A tablet whose storage and sync are the app's own code, on an in-memory IndexedDB. */
class NodeTablet {
  readonly factory = new IDBFactory();
  store: DeviceStore;
  constructor(readonly name: string, readonly api: ReturnType<typeof makeDeviceApi>) {
    this.store = this.open();
  }
  private open() {
    return makeDeviceStore(new SaysoDatabase(`sayso-${this.name}`, { indexedDB: this.factory, IDBKeyRange }));
  }
  /** The app restarts (a crash, a flat battery): a new connection, and drafts left open are closed as partial. */
  async restart() {
    this.store = this.open();
    await this.store.closeAbandonedDrafts();
  }
}

export async function runFaultScenario(options: { seed: number; respondents?: number; browserRespondents?: number; log?: (line: string) => void }): Promise<FaultReport> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const total = options.respondents ?? 200;
  const inBrowser = options.browserRespondents ?? 30;
  const rng = makeRng(options.seed);
  const chance = (p: number) => rng() < p;
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
  const faults: Record<string, number> = {};
  const fault = (kind: string) => (faults[kind] = (faults[kind] ?? 0) + 1);

  const dir = mkdtempSync(join(tmpdir(), 'sayso-faults-'));
  const dbPath = join(dir, 'sayso.db');
  const serverPort = await freePort();
  let server: ServerProcess = await startServerProcess({ port: serverPort, dbPath });
  let faultsOn = false;
  const syncFaults: SyncFault[] = ['pass', 'pass', 'pass', 'answer-500-after-commit', 'answer-429', 'drop-after-commit', 'drop-before'];
  const proxy = await startFaultProxy(await freePort(), () => server.url, () => (faultsOn ? pick(syncFaults) : 'pass'));
  let browser: Browser | undefined;
  try {
    const facilityId = (JSON.parse(admin(dbPath, 'list-facilities', '--json')) as Array<{ id: string }>)[0]!.id;
    const code = () => /code (\S+),/.exec(admin(dbPath, 'create-enrollment-code', '--facility', facilityId))![1]!;

    // Tablet 1: Chromium.
    browser = await launchChromium();
    const context: BrowserContext = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    // Run under tsx (npm run bench:faults), esbuild's keepNames wraps the functions that
    // page.evaluate sends to the browser in __name(): give the page a no-op one.
    await context.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((fn) => fn);' });
    const kioskUrl = `${proxy.url}/?survey=centre-satisfaction`;
    let page: Page = await context.newPage();
    await page.goto(kioskUrl);
    await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller), undefined, { timeout: 30_000 });
    await enrollInBrowser(page, code());
    const en = loadLocale('en');
    const atAttract = (p: Page) => p.getByRole('button', { name: en('attract.start'), exact: true }).waitFor({ timeout: 30_000 });

    // Tablets 2 and 3: the app's store and sync code in Node.
    const api = makeDeviceApi(proxy.url);
    const nodeTablets: NodeTablet[] = [];
    for (const name of ['tablet-2', 'tablet-3']) {
      const tablet = new NodeTablet(name, api);
      const enrolled = await api.enroll(code(), name);
      if (!enrolled.ok) throw new Error(`enrolling ${name} failed: ${JSON.stringify(enrolled.failure)}`);
      await saveEnrollment(tablet.store, { ...(enrolled.value as Enrollment), deviceName: name, enrolledAt: new Date().toISOString(), pin: await hashDevicePin('135790') });
      await runDeviceSync(tablet.store, api);
      nodeTablets.push(tablet);
    }

    const script = (question: Question) =>
      question.kind === 'expectation' ? (chance(0.08) ? PREFER_NOT_TO_ANSWER : pick(SCALE)) : question.kind === 'text' && chance(0.3) ? `Comment ${Math.floor(rng() * 1e6)}` : undefined;
    const counts = { browser: 0, node: 0, complete: 0, partial: 0 };
    faultsOn = true;

    for (let n = 0; n < total; n++) {
      // Faults between respondents: the server dies, the network goes.
      if (chance(0.04)) {
        fault('server SIGKILL and restart');
        await server.kill('SIGKILL');
        await new Promise((r) => setTimeout(r, Math.floor(rng() * 1000)));
        server = await startServerProcess({ port: serverPort, dbPath });
      }
      if (chance(0.05)) {
        fault('network cut');
        proxy.cut();
        setTimeout(() => proxy.restore(), 200 + Math.floor(rng() * 2000));
      }
      const browserTurn = counts.browser < inBrowser && (chance(inBrowser / total) || total - n <= inBrowser - counts.browser);
      if (browserTurn) {
        counts.browser++;
        const driver = new KioskDriver(page, survey, pick(['en', 'ar', 'ti', 'fr']));
        await driver.startFromAttract();
        const mode = rng();
        if (mode < 0.15) {
          fault('tab reloaded mid-answer');
          await driver.answerQuestions(script, 1 + Math.floor(rng() * 4));
          await page.waitForTimeout(150);
          await page.reload();
          await atAttract(page);
          counts.partial++;
        } else if (mode < 0.25) {
          fault('tab closed mid-answer');
          await driver.answerQuestions(script, 1 + Math.floor(rng() * 4));
          await page.waitForTimeout(150);
          await page.close();
          page = await context.newPage();
          await page.goto(kioskUrl);
          await atAttract(page);
          counts.partial++;
        } else {
          await driver.answerQuestions(script);
          await page.getByRole('heading', { name: driver.t('thanks.title') }).click();
          await atAttract(page);
          counts.complete++;
          if (chance(0.15)) {
            fault('tab reloaded mid-sync');
            await page.reload();
            await atAttract(page);
          }
        }
        continue;
      }
      counts.node++;
      const tablet = pick(nodeTablets);
      const key = await bundleSealingKey(tablet.store);
      const ref = { responseId: makeUuidV7(), surveyId: survey.id, surveyVersion: survey.version, language: pick(survey.languages) };
      const sealer = key ? await makeResponseSealer(ref.responseId, key) : undefined;
      const questions = survey.items as Question[];
      const crash = chance(0.12);
      const answered = crash ? 1 + Math.floor(rng() * 4) : questions.length;
      const answers: Record<string, unknown> = {};
      for (const question of questions.slice(0, answered)) {
        const value = script(question);
        if (value === undefined) continue;
        answers[question.id] = value;
        await tablet.store.recordAnswers(ref, [{ questionId: question.id, value }], new Date(), sealer);
      }
      if (Object.keys(answers).length === 0) continue;
      if (crash) {
        fault('node tablet crashed mid-answer');
        await tablet.restart();
        counts.partial++;
      } else {
        await tablet.store.completeResponse(ref.responseId, new Date(), sealer ? await sealer.sealFinal(answers) : undefined);
        counts.complete++;
      }
      if (chance(0.35)) await runDeviceSync(tablet.store, api);
    }

    // Calm: no more faults; every tablet drains its outbox.
    faultsOn = false;
    proxy.restore();
    for (const tablet of nodeTablets) {
      for (let attempt = 0; attempt < 20 && (await tablet.store.counts()).outbox > 0; attempt++) await runDeviceSync(tablet.store, api);
    }
    const deadline = Date.now() + 90_000;
    while ((await readTabletStore(page)).outbox.length > 0) {
      if (Date.now() > deadline) throw new Error('the browser tablet did not drain its outbox in 90 s');
      await context.setOffline(true);
      await context.setOffline(false);
      await page.waitForTimeout(2000);
    }

    const expected = new Set<string>();
    for (const tablet of nodeTablets) {
      // Every response the tablet closed, read from its database directly.
      const db = new SaysoDatabase(`sayso-${tablet.name}`, { indexedDB: tablet.factory, IDBKeyRange });
      for (const response of await db.responses.toArray()) if (response.status !== 'draft') expected.add(response.id);
      db.close();
    }
    for (const response of (await readTabletStore(page)).responses) if (response.status !== 'draft') expected.add(response.id);

    const sqlite = new BetterSqlite3(dbPath, { readonly: true });
    const storedIds = (sqlite.prepare('select id from responses').all() as Array<{ id: string }>).map((r) => r.id);
    const statusSum = (sqlite.prepare("select coalesce(sum(count), 0) as n from rollup_counts where question_id = '_response.status'").get() as { n: number }).n;
    sqlite.close();
    const stored = new Set(storedIds);
    for (const [kind, count] of proxy.counts) if (kind !== 'pass') faults[`sync ${kind}`] = count;
    const report: FaultReport = {
      seed: options.seed,
      respondents: counts,
      faults,
      expected: expected.size,
      stored: stored.size,
      missing: [...expected].filter((id) => !stored.has(id)),
      unexpected: [...stored].filter((id) => !expected.has(id)),
      countedTwice: statusSum - storedIds.length,
      seconds: Math.round((Date.now() - started) / 1000),
    };
    log(JSON.stringify(report));
    return report;
  } finally {
    await browser?.close();
    await proxy.close();
    await server.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}
