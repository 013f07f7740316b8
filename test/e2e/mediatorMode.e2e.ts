import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/server/db/createDatabase.ts';
import { createStaff } from '../../src/server/queries/staff.ts';
import { languageInfo } from '../../src/survey/languages.ts';
import { localize } from '../../src/survey/localize.ts';
import type { Question } from '../../src/survey/schema.ts';
import { listQuestions } from '../../src/survey/walkItems.ts';
import { loadBuiltInSurvey, loadLocale } from './support/builtIns.ts';
import { enrollInBrowser } from './support/enrollInBrowser.ts';
import { launchChromium } from './support/launchChromium.ts';
import { putDeviceSetting } from './support/promptFixtures.ts';
import { seriousAxeFindings } from './support/runAxe.ts';
import { seedOrganisation, type SeededOrganisation } from './support/seedStaffResults.ts';
import { freePort, startServerProcess, type ServerProcess } from './support/serverProcess.ts';
import { readTabletStore } from './support/kioskDriver.ts';
import { waitInPage } from './support/waitInPage.ts';

const survey = loadBuiltInSurvey('centre-satisfaction');
const questions: Question[] = listQuestions(survey.items).map((placed) => placed.question);
const en = loadLocale('en');
const ar = loadLocale('ar');
const fr = loadLocale('fr');
const MEDIATOR = { email: 'mediator.arendonk@example.org', password: 'mediator password twelve', pin: '482916' };
const NOTE = 'Needed <b>every</b> question read twice; tired after the night shift.';

/** Answer events left on the tablet (none once every response is sent or withdrawn). */
const countAnswerEvents = (page: Page) =>
  page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open('sayso');
      request.onsuccess = () => resolve(request.result);
    });
    const count = await new Promise<number>((resolve) => {
      const request = db.transaction('answerEvents').objectStore('answerEvents').count();
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    return count;
  });

/** Signs in on the staff API and sets the account's tablet PIN, as the staff web page does; returns the tablet number. */
async function setTabletPin(serverUrl: string, account: { email: string; password: string; pin: string }): Promise<number> {
  const login = await fetch(`${serverUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: account.email, password: account.password }) });
  expect(login.status).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const set = await fetch(`${serverUrl}/api/v1/staff/me/tablet-pin`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ pin: account.pin, password: account.password }),
  });
  expect(set.status).toBe(200);
  return ((await set.json()) as { number: number }).number;
}

describe('mediator mode on an enrolled tablet', () => {
  let dir: string;
  let dbPath: string;
  let server: ServerProcess;
  let seeded: SeededOrganisation;
  let mediatorId: string;
  let tabletNumber: number;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  const serverDb = <T,>(read: (db: BetterSqlite3.Database) => T): T => {
    const db = new BetterSqlite3(dbPath, { readonly: true });
    try {
      return read(db);
    } finally {
      db.close();
    }
  };

  const syncNow = async () => {
    // Staff's "sync now" is behind the PIN; the kiosk syncs by itself after each response, so wait for the outbox instead.
    await waitInPage(page, async () => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const request = indexedDB.open('sayso');
        request.onsuccess = () => resolve(request.result);
      });
      const count = await new Promise<number>((resolve) => {
        const request = db.transaction('outbox').objectStore('outbox').count();
        request.onsuccess = () => resolve(request.result);
      });
      db.close();
      return count === 0;
    }, undefined, { timeout: 30_000 });
  };

  const signInAsMediator = async (pin: string) => {
    await page.getByLabel(en('mediator.signIn.number')).fill(String(tabletNumber));
    await page.getByLabel(en('mediator.signIn.pin')).fill(pin);
    await page.getByRole('button', { name: en('mediator.signIn.submit') }).click();
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sayso-mediator-e2e-'));
    dbPath = join(dir, 'sayso.db');
    seeded = await seedOrganisation(dbPath);
    const database = createDatabase({ sqlitePath: dbPath });
    try {
      mediatorId = (await createStaff(database.db, { organisationId: seeded.organisationId, email: MEDIATOR.email, password: MEDIATOR.password, role: 'mediator', facilityIds: [seeded.facilityA.id] })).id;
    } finally {
      await database.close();
    }
    server = await startServerProcess({ port: await freePort(), dbPath });
    tabletNumber = await setTabletPin(server.url, MEDIATOR);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${server.url}/?survey=centre-satisfaction`);
    await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller), undefined, { timeout: 30_000 });
    await enrollInBrowser(page, seeded.facilityA.code);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses wrong PINs with the tries left, locks PIN entry after five, and keeps it locked for the right PIN', async () => {
    await page.getByRole('button', { name: en('mediator.entry') }).click();
    await page.getByRole('heading', { name: en('mediator.signIn.title') }).waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);
    for (let left = 4; left >= 1; left--) {
      await signInAsMediator('111111');
      await page.getByRole('alert').filter({ hasText: en('mediator.signIn.wrong', { left }) }).waitFor();
    }
    await signInAsMediator('111111');
    await page.getByRole('alert').filter({ hasText: en('mediator.signIn.locked', { minutes: 5 }) }).waitFor();
    await signInAsMediator(MEDIATOR.pin);
    await page.getByRole('alert').filter({ hasText: en('mediator.signIn.locked', { minutes: 5 }) }).waitFor();
    expect(await page.getByRole('heading', { name: en('mediator.setup.title') }).count()).toBe(0);
    // Five minutes pass.
    await putDeviceSetting(page, 'staffPinLock', { failures: 0, locks: 1 });
    await page.getByRole('button', { name: en('mediator.cancel') }).click();
    await page.getByRole('button', { name: en('attract.start'), exact: true }).waitFor();
  });

  it('runs an assisted survey in Arabic beside French, and the server gets the help given and the notes apart from the answers', async () => {
    await page.getByRole('button', { name: en('mediator.entry') }).click();
    await signInAsMediator(MEDIATOR.pin);
    await page.getByRole('heading', { name: en('mediator.setup.title') }).waitFor();
    await page.getByRole('radio', { name: en('mediator.roles.interpreter') }).check();
    await page.getByLabel(en('mediator.setup.language')).selectOption('fr');
    expect(await seriousAxeFindings(page)).toEqual([]);
    await page.getByRole('button', { name: en('mediator.setup.begin') }).click();

    await page.getByRole('button', { name: languageInfo('ar').nativeName }).click();
    await page.getByRole('heading', { name: ar('consent.title') }).waitFor();
    // The page is Arabic, right to left; the mediator's French lines run left to right inside it.
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
    const frenchConsent = page.locator('.consent-second').filter({ hasText: fr('consent.anonymous') });
    expect(await frenchConsent.evaluate((element) => [(element as HTMLElement).lang, getComputedStyle(element).direction])).toEqual(['fr', 'ltr']);
    await page.getByRole('status').filter({ hasText: ar('mediator.banner.present') }).waitFor();
    await page.getByRole('button', { name: ar('consent.agree') }).click();

    const [first, second] = questions;
    await page.getByRole('heading', { level: 1, name: localize(first!.text, 'ar', 'en'), exact: true }).waitFor();
    const frenchQuestion = page.locator('.question-second .question-text');
    expect(await frenchQuestion.textContent()).toBe(localize(first!.text, 'fr', 'en'));
    expect(await frenchQuestion.evaluate((element) => getComputedStyle(element).direction)).toBe('ltr');
    expect(await page.locator('.question-text').first().evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
    // Each answer shows both languages.
    const above = page.getByRole('radio', { name: new RegExp(`^${ar('expectation.above')}`) });
    expect(await above.locator('.option__second').textContent()).toBe(fr('expectation.above'));
    expect(await seriousAxeFindings(page)).toEqual([]);

    // Help marks are the mediator's, in French.
    await page.getByRole('button', { name: fr('mediator.help.read-aloud') }).click();
    await page.getByRole('button', { name: fr('mediator.help.translated') }).click();
    expect(await page.getByRole('button', { name: fr('mediator.help.read-aloud') }).getAttribute('aria-pressed')).toBe('true');
    await above.click();
    await page.getByRole('button', { name: ar('nav.next') }).click();
    await page.getByRole('heading', { level: 1, name: localize(second!.text, 'ar', 'en'), exact: true }).waitFor();
    await page.getByRole('button', { name: fr('mediator.help.answered-on-behalf') }).click();
    await page.getByRole('radio', { name: new RegExp(`^${ar('expectation.below')}`) }).click();
    await page.getByRole('button', { name: ar('nav.next') }).click();
    for (const question of questions.slice(2)) {
      await page.getByRole('heading', { level: 1, name: localize(question.text, 'ar', 'en'), exact: true }).waitFor();
      if (question.kind === 'expectation') await page.getByRole('radio', { name: new RegExp(`^${ar('expectation.at')}`) }).click();
      await page.getByRole('button', { name: new RegExp(`^(${ar('nav.next')}|${ar('nav.skip')}|${ar('nav.finish')})`) }).click();
    }
    await page.getByRole('heading', { name: fr('mediator.notes.title') }).waitFor();
    await page.getByRole('textbox', { name: fr('mediator.notes.title') }).fill(NOTE);
    expect(await seriousAxeFindings(page)).toEqual([]);
    await page.getByRole('button', { name: fr('mediator.notes.finish') }).click();
    await page.getByRole('heading', { name: ar('thanks.title') }).waitFor();
    await syncNow();

    const stored = serverDb((db) => ({
      responses: db.prepare('select id, mode, assistance, answers from responses').all() as Array<{ id: string; mode: string; assistance: string | null; answers: string }>,
      assistants: db.prepare('select response_id, staff_id, staff_ref from response_assistants').all() as Array<{ response_id: string; staff_id: string | null; staff_ref: string }>,
      notes: db.prepare('select response_id, text, facility_id from mediator_notes').all() as Array<{ response_id: string; text: string; facility_id: string }>,
    }));
    expect(stored.responses).toHaveLength(1);
    const [response] = stored.responses;
    expect(response!.mode).toBe('assisted');
    const assistance = JSON.parse(response!.assistance!) as Record<string, unknown>;
    expect(assistance).toEqual({ role: 'interpreter', kinds: ['answered-on-behalf', 'read-aloud', 'translated'], questions: [first!.id, second!.id], mediatorLanguage: 'fr' });
    // Who helped is kept apart, for accountability: the response carries no one's identity.
    expect(stored.assistants).toEqual([{ response_id: response!.id, staff_id: mediatorId, staff_ref: expect.stringMatching(/^sr_/) }]);
    expect(response!.assistance).not.toContain('sr_');
    // The notes are apart from the answers, as the mediator wrote them.
    expect(stored.notes).toEqual([{ response_id: response!.id, text: NOTE, facility_id: seeded.facilityA.id }]);
    expect(response!.answers).not.toContain('night shift');
    expect(JSON.parse(response!.answers)).toMatchObject({ [first!.id]: 'above', [second!.id]: 'below' });
    // The tablet keeps neither answers nor notes once the server has them.
    const tablet = await readTabletStore(page);
    expect(JSON.stringify(tablet)).not.toContain('night shift');

    // Mediator mode was for that one respondent: the next person starts alone.
    await page.getByRole('heading', { name: ar('thanks.title') }).click();
    await page.getByRole('button', { name: en('attract.start'), exact: true }).waitFor();
    expect(await page.locator('.mediator-banner').count()).toBe(0);
  });

  it('withdraws a respondent who changed their mind: no answers anywhere, one withdrawal counted on the server', async () => {
    await page.getByRole('button', { name: en('attract.start'), exact: true }).click();
    await page.getByRole('button', { name: languageInfo('fr').nativeName }).click();
    await page.getByRole('button', { name: fr('consent.agree') }).click();
    await page.getByRole('radio', { name: fr('expectation.below'), exact: true }).click();
    await page.getByRole('button', { name: fr('nav.next') }).click();
    await page.getByRole('radio', { name: fr('expectation.above'), exact: true }).click();
    await page.getByRole('button', { name: fr('nav.startOver') }).click();
    await page.getByRole('button', { name: fr('nav.withdraw') }).click();
    await page.getByRole('button', { name: en('attract.start'), exact: true }).waitFor();
    const tablet = await readTabletStore(page);
    expect(tablet.responses.filter((r) => !(r as { syncedAt?: string }).syncedAt)).toEqual([]);
    expect(await countAnswerEvents(page)).toBe(0);
    // The count reaches the server with the sync a withdrawal starts.
    const deadline = Date.now() + 30_000;
    let counted: Array<{ survey_id: string; count: number }> = [];
    while (Date.now() < deadline) {
      counted = serverDb((db) => db.prepare('select survey_id, count from withdrawal_counts').all() as Array<{ survey_id: string; count: number }>);
      if (counted.length) break;
      await new Promise((r) => setTimeout(r, 300));
    }
    expect(counted).toEqual([{ survey_id: 'centre-satisfaction', count: 1 }]);
    expect(serverDb((db) => (db.prepare("select count(*) as n from responses where mode = 'self'").get() as { n: number }).n)).toBe(0);
  });

  it('closes an assisted survey left idle as partial, ends mediator mode and shows the attract screen', async () => {
    await page.clock.install();
    await page.getByRole('button', { name: en('mediator.entry') }).click();
    await signInAsMediator(MEDIATOR.pin);
    await page.getByRole('radio', { name: en('mediator.roles.peer') }).check();
    await page.getByRole('button', { name: en('mediator.setup.begin') }).click();
    await page.getByRole('button', { name: languageInfo('fr').nativeName }).click();
    await page.getByRole('button', { name: fr('consent.agree') }).click();
    await page.getByRole('radio', { name: new RegExp(`^${fr('expectation.at')}`) }).click();
    await page.clock.runFor(91_000);
    await page.getByRole('alertdialog', { name: fr('idle.title') }).waitFor();
    await page.clock.runFor(31_000);
    await page.getByRole('button', { name: en('attract.start'), exact: true }).waitFor();
    expect(await page.locator('.mediator-banner').count()).toBe(0);
    const tablet = await readTabletStore(page);
    const idle = tablet.responses.find((r) => r.closedReason === 'idle');
    expect(idle).toMatchObject({ status: 'partial', mode: 'assisted', assistance: { role: 'peer' } });
  });
});
