import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answers } from '../../src/survey/answers.ts';
import type { Question } from '../../src/survey/schema.ts';
import { loadBuiltInSurvey, loadLocale } from './support/builtIns.ts';
import { startCrashingProxy } from './support/crashingProxy.ts';
import { KioskDriver, readTabletStore } from './support/kioskDriver.ts';
import { launchChromium } from './support/launchChromium.ts';
import { enrollInBrowser } from './support/enrollInBrowser.ts';
import { seriousAxeFindings } from './support/runAxe.ts';
import { freePort, startServerProcess, type ServerProcess } from './support/serverProcess.ts';

const survey = loadBuiltInSurvey('centre-satisfaction');
const en = loadLocale('en');
const staff = loadLocale('en', 'staff');
const SCALE = ['below', 'at', 'above'] as const;

/** Respondent n answers each topic on the scale, rotating, and leaves a comment. */
const scriptFor = (n: number) => (question: Question) =>
  question.kind === 'expectation' ? SCALE[(n + question.id.length) % 3] : question.kind === 'text' ? `Comment from respondent ${n}` : undefined;

describe('a tablet syncing to a real server process', () => {
  let dir: string;
  let dbPath: string;
  let serverPort: number;
  let server: ServerProcess;
  let proxy: Awaited<ReturnType<typeof startCrashingProxy>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const tapped: Answers[] = [];

  const serverRows = () => {
    const db = new BetterSqlite3(dbPath, { readonly: true });
    try {
      return {
        responses: db.prepare('select id, answers, status, facility_id from responses order by received_at').all() as Array<{ id: string; answers: string; status: string; facility_id: string }>,
        statusCount: (db.prepare("select coalesce(sum(count), 0) as n from rollup_counts where question_id = '_response.status'").get() as { n: number }).n,
        facilities: db.prepare('select id from facilities').all() as Array<{ id: string }>,
      };
    } finally {
      db.close();
    }
  };

  async function until(check: () => Promise<boolean> | boolean, what: string, ms = 30_000) {
    const deadline = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  async function answerOne(n: number) {
    const driver = new KioskDriver(page, survey, 'en');
    await driver.startFromAttract();
    tapped.push(await driver.answerQuestions(scriptFor(n)));
    await page.getByRole('heading', { name: en('thanks.title') }).waitFor();
    await page.getByRole('heading', { name: en('thanks.title') }).click();
    await page.getByRole('button', { name: en('attract.start'), exact: true }).waitFor();
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sayso-sync-e2e-'));
    dbPath = join(dir, 'sayso.db');
    serverPort = await freePort();
    server = await startServerProcess({ port: serverPort, dbPath });
    const proxyPort = await freePort();
    proxy = await startCrashingProxy(proxyPort, () => server.url);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    page = await context.newPage();
    await page.goto(`http://127.0.0.1:${proxyPort}/?survey=centre-satisfaction`);
    await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller), undefined, { timeout: 30_000 });
  });
  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await server?.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  it('enrolls from the staff screen, collects 3 surveys with the server gone, and delivers exactly those 3 when it is back', async () => {
    const code = server.enrollmentCode();
    expect(code).toBeTruthy();
    await page.getByRole('button', { name: en('attract.staff') }).click();
    await page.getByLabel(staff('enroll.code')).waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);
    await page.getByRole('button', { name: staff('backToKiosk') }).click();
    await enrollInBrowser(page, code!);
    // Behind the device PIN from now on.
    await page.getByRole('button', { name: en('attract.staff') }).click();
    await page.getByLabel(staff('unlock.pin')).fill('246810');
    await page.getByRole('button', { name: staff('unlock.submit') }).click();
    await page.getByRole('heading', { name: staff('status.title') }).waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);
    await page.getByRole('button', { name: staff('backToKiosk') }).click();

    // The server stops and the tablet is offline.
    expect(await server.kill('SIGTERM')).toBe(0);
    await context.setOffline(true);
    for (const n of [1, 2, 3]) await answerOne(n);
    const onTablet = await readTabletStore(page);
    expect(onTablet.outbox).toHaveLength(3);
    // Encrypted at rest: the tablet keeps no answer it could show again.
    expect(onTablet.responses.every((r) => r.answers === undefined && (r as { sealedKey?: unknown }).sealedKey)).toBe(true);
    expect(JSON.stringify(onTablet)).not.toContain('Comment from respondent');

    server = await startServerProcess({ port: serverPort, dbPath });
    await context.setOffline(false);
    await until(() => serverRows().responses.length === 3, 'the server has 3 responses');
    await until(async () => (await readTabletStore(page)).outbox.length === 0, 'the tablet outbox is empty');
    const rows = serverRows();
    expect(rows.responses.map((r) => JSON.parse(r.answers))).toEqual(tapped);
    expect(new Set(rows.responses.map((r) => r.facility_id))).toEqual(new Set([rows.facilities[0]!.id]));
    expect(rows.statusCount).toBe(3);
  });

  it('loses nothing and duplicates nothing when the server is killed (SIGKILL) in the middle of a sync', { timeout: 240_000 }, async () => {
    await context.setOffline(true);
    for (const n of [4, 5]) await answerOne(n);
    proxy.arm(async () => void (await server.kill('SIGKILL')));
    const before = proxy.syncRequests();
    await context.setOffline(false);
    await until(() => proxy.syncRequests() > before, 'the tablet tried to sync');
    await until(async () => (await server.kill('SIGKILL')) !== undefined, 'the server is dead');
    expect((await readTabletStore(page)).outbox).toHaveLength(2);

    server = await startServerProcess({ port: serverPort, dbPath });
    // Back online once more: the tablet resends the batch whose answer it never heard (the
    // 'online' event triggers it; a loaded machine may also wait for the backoff's next try).
    await context.setOffline(true);
    await page.waitForTimeout(500);
    await context.setOffline(false);
    await until(async () => (await readTabletStore(page)).outbox.length === 0, 'the tablet outbox is empty', 120_000);
    const rows = serverRows();
    expect(rows.responses).toHaveLength(5);
    expect(new Set(rows.responses.map((r) => r.id)).size).toBe(5);
    expect(rows.responses.map((r) => JSON.parse(r.answers))).toEqual(tapped);
    expect(rows.statusCount).toBe(5);
  });
});
