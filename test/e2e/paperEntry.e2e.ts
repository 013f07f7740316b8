import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PREFER_NOT_TO_ANSWER, type Answers } from '../../src/survey/answers.ts';
import { paperResponseId } from '../../src/survey/paper/paperResponseId.ts';
import { encodeSheetCode } from '../../src/survey/paper/paperQr.ts';
import { formatSerial } from '../../src/survey/paper/paperSerial.ts';
import type { SurveyDefinition } from '../../src/survey/schema.ts';
import { listQuestions } from '../../src/survey/walkItems.ts';
import { planKeys } from '../bench/paper/planKeys.ts';
import { loadLocale } from './support/builtIns.ts';
import { launchChromium } from './support/launchChromium.ts';
import { seriousAxeFindings } from './support/runAxe.ts';
import { addStaffAccount } from './support/seedAssistedResponses.ts';
import { seedOrganisation, type SeededOrganisation } from './support/seedStaffResults.ts';
import { freePort, startServerProcess, type ServerProcess } from './support/serverProcess.ts';
import { waitInPage } from './support/waitInPage.ts';

const r = loadLocale('en', 'results');

/** Room: not satisfied (reasons 1 and 3), score 3, a comment; the rest content, score 8; age declined, sex code 2. */
function sheetOne(survey: SurveyDefinition): Answers {
  const answers: Answers = {};
  for (const group of survey.items) {
    if (group.kind !== 'group') continue;
    for (const q of group.items) {
      if (q.kind === 'yesno') answers[q.id] = group.id !== 'room';
      if (q.kind === 'multi' && group.id === 'room') answers[q.id] = [q.choices[0]!.value, q.choices[2]!.value];
      if (q.kind === 'rating') answers[q.id] = group.id === 'room' ? 3 : 8;
      if (q.kind === 'text' && group.id === 'room') answers[q.id] = 'Noisy at night <b>really</b>';
      if (q.id === 'about_you.age') answers[q.id] = PREFER_NOT_TO_ANSWER;
      if (q.kind === 'single' && q.id === 'about_you.sex') answers[q.id] = q.choices[1]!.value;
    }
  }
  return answers;
}

describe('paper entry in Chromium: keyed offline, uploaded later, double entry and its mismatch', () => {
  let dir: string;
  let dbPath: string;
  let port: number;
  let server: ServerProcess;
  let seeded: SeededOrganisation;
  let inspectorA: { email: string; password: string };
  let inspectorB: { email: string; password: string };
  let survey: SurveyDefinition;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let firstSerial = 0;

  const readDb = <T,>(sql: string, ...params: unknown[]): T[] => {
    const db = new BetterSqlite3(dbPath, { readonly: true, fileMustExist: true });
    try {
      return db.prepare(sql).all(...params) as T[];
    } finally {
      db.close();
    }
  };

  async function signIn(account: { email: string; password: string }) {
    await page.goto(`${server.url}/staff`);
    const signOut = page.getByRole('button', { name: r('signOut') });
    const email = page.getByLabel(r('signIn.email'));
    await email.or(signOut).first().waitFor();
    if (await signOut.count()) {
      await signOut.click();
      await email.waitFor();
    }
    await email.fill(account.email);
    await page.getByLabel(r('signIn.password')).fill(account.password);
    await page.getByRole('button', { name: r('signIn.submit') }).click();
    await signOut.waitFor();
  }

  /** POST /paper/batches from the signed-in page (its cookie and CSRF token). */
  async function makeBatch(count: number): Promise<{ firstSerial: number }> {
    const answer = await page.evaluate(async (body) => {
      const me = (await (await fetch('/api/v1/auth/me')).json()) as { csrfToken: string };
      const response = await fetch('/api/v1/paper/batches', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken }, body: JSON.stringify(body) });
      return { status: response.status, body: (await response.json()) as { batch: { firstSerial: number } } };
    }, { facilityId: seeded.facilityA.id, surveyId: survey.id, surveyVersion: survey.version, language: 'en', count });
    expect(answer.status).toBe(201);
    return answer.body.batch;
  }

  const count = (name: string) => page.locator('.sw-paper-counts > div').filter({ hasText: r(`paperEntry.counts.${name}`) }).locator('dd');

  /** Types the serial and the sheet's keys, as a keyer does: keyboard only; `atOnce` types on without waiting for the sheet to open. */
  async function keySheet(serial: number, sheet: { answers: Answers; unreadable?: string[] }, atOnce = false) {
    // The serial field has the focus on opening the screen and after each sheet: no mouse.
    await waitInPage(page, async () => document.activeElement?.id === 'sw-paper-serial', undefined);
    await page.keyboard.type(formatSerial(serial));
    await page.keyboard.press('Enter');
    if (!atOnce) await page.getByRole('heading', { level: 2, name: new RegExp(formatSerial(serial)) }).waitFor();
    for (const key of planKeys(survey, sheet)) {
      if (key.length === 1) await page.keyboard.type(key);
      else await page.keyboard.press(key);
    }
    await page.getByRole('status').filter({ hasText: r('paperEntry.saved', { serial: formatSerial(serial) }) }).waitFor();
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sayso-paper-entry-'));
    dbPath = join(dir, 'sayso.db');
    seeded = await seedOrganisation(dbPath);
    inspectorA = await addStaffAccount(dbPath, { organisationId: seeded.organisationId, email: 'inspector.a@example.org', password: 'inspector a password long', role: 'inspector', facilityIds: [seeded.facilityA.id] });
    inspectorB = await addStaffAccount(dbPath, { organisationId: seeded.organisationId, email: 'inspector.b@example.org', password: 'inspector b password long', role: 'inspector', facilityIds: [seeded.facilityA.id] });
    survey = seeded.surveys.find((s) => s.id === 'resident-satisfaction')!;
    port = await freePort();
    server = await startServerProcess({ port, dbPath });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.kill('SIGTERM');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('keys three sheets by keyboard with the server stopped, then uploads them as paper responses with the right answers and ids', async () => {
    await signIn(inspectorA);
    firstSerial = (await makeBatch(10)).firstSerial;
    await page.goto(`${server.url}/staff/paper`);
    await page.getByRole('heading', { level: 1, name: r('paperEntry.title') }).waitFor();
    // Online once: the workspace in IndexedDB, the staff web's files in the worker's cache.
    await waitInPage(page, async () => {
      const keys = await (await caches.open('sayso-staff-assets')).keys();
      const workspace = await new Promise<boolean>((done) => {
        const open = indexedDB.open('sayso-paper');
        open.onsuccess = () => {
          const request = open.result.transaction('workspace').objectStore('workspace').get('current');
          request.onsuccess = () => done(Boolean(request.result));
          request.onerror = () => done(false);
        };
        open.onerror = () => done(false);
      });
      return Boolean(navigator.serviceWorker.controller) && workspace && keys.some((k) => /startStaffWeb-/.test(k.url));
    }, undefined);
    expect(await seriousAxeFindings(page)).toEqual([]);

    // The network goes: the server process stops and the browser is offline.
    await server.kill('SIGTERM');
    await context.setOffline(true);
    await page.reload();
    await page.getByText(r('paperEntry.offline.banner')).waitFor();
    await page.getByRole('heading', { level: 1, name: r('paperEntry.title') }).waitFor();
    expect(await page.getByRole('navigation', { name: r('nav.label') }).getByRole('link').allTextContents()).toEqual([r('paperEntry.nav')]);

    // A serial with a typo, one never printed, a QR of another facility: said in words, nothing
    // opened, and the typed text selected so the next one replaces it.
    await waitInPage(page, async () => document.activeElement?.id === 'sw-paper-serial', undefined);
    const good = formatSerial(firstSerial);
    await page.keyboard.type(`${good.slice(0, -1)}${(Number(good.slice(-1)) + 1) % 10}`);
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: r('paperEntry.serialProblems.check-digit', { typed: `${good.slice(0, -1)}${(Number(good.slice(-1)) + 1) % 10}` }) }).waitFor();
    await page.keyboard.type(formatSerial(firstSerial + 500));
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: r('paperEntry.serialProblems.unknown-serial', { typed: formatSerial(firstSerial + 500) }) }).waitFor();
    await page.keyboard.type(encodeSheetCode({ surveyId: survey.id, surveyVersion: survey.version, language: 'en', facilityId: seeded.facilityB.id, serial: firstSerial }));
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: r('paperEntry.serialProblems.other-facility') }).waitFor();

    const one = { answers: sheetOne(survey) };
    // Sheet two: room left blank (so no reasons), sanitary unreadable, a score of 10 and one of 1, the rest blank.
    const two = { answers: { 'room.score': 10, 'food.satisfied': true, 'food.score': 1 } as Answers, unreadable: ['sanitary.satisfied'] };
    // Sheet three: scanned QR; cooking not satisfied with three reasons, the rest yes.
    const three = { answers: { ...sheetOne(survey), 'room.satisfied': true, 'room.comment': 'ok' } as Answers };
    delete three.answers['room.reasons'];
    const cooking = survey.items.find((g) => g.kind === 'group' && g.id === 'cooking');
    const cookingReasons = cooking?.kind === 'group' ? cooking.items.find((q) => q.kind === 'multi') : undefined;
    three.answers['cooking.satisfied'] = false;
    three.answers['cooking.reasons'] = cookingReasons?.kind === 'multi' ? [cookingReasons.choices[1]!.value, cookingReasons.choices[3]!.value, cookingReasons.choices[4]!.value] : [];

    await keySheet(firstSerial, one);
    // A fast keyer: the first codes follow the serial's Enter at once, while the sheet is still opening.
    await keySheet(firstSerial + 1, two, true);
    // The QR text as a keyboard-wedge scanner types it.
    await waitInPage(page, async () => document.activeElement?.id === 'sw-paper-serial', undefined);
    await page.keyboard.type(encodeSheetCode({ surveyId: survey.id, surveyVersion: survey.version, language: 'en', facilityId: seeded.facilityA.id, serial: firstSerial + 2 }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: new RegExp(formatSerial(firstSerial + 2)) }).waitFor();
    // A reload mid-sheet resumes it where it was.
    const keys = planKeys(survey, three);
    for (const key of keys.slice(0, 5)) await (key.length === 1 ? page.keyboard.type(key) : page.keyboard.press(key));
    // Every key is in IndexedDB already: the draft stands at the question after those keys.
    await waitInPage(page, async () => new Promise<boolean>((done) => {
      const open = indexedDB.open('sayso-paper');
      open.onsuccess = () => {
        const request = open.result.transaction('drafts').objectStore('drafts').getAll();
        request.onsuccess = () => done((request.result as Array<{ state: { current: string } }>).some((d) => d.state.current === 'sanitary.satisfied'));
        request.onerror = () => done(false);
      };
      open.onerror = () => done(false);
    }), undefined);
    await page.reload();
    await page.getByRole('heading', { level: 2, name: new RegExp(formatSerial(firstSerial + 2)) }).waitFor();
    // The field of the current question has the focus again.
    await waitInPage(page, async () => document.activeElement?.id === 'sw-paper-answer', undefined);
    // The screen with a sheet open (offline, the current row marked) passes axe too.
    expect(await page.locator('[aria-current="step"]').count()).toBe(1);
    expect(await seriousAxeFindings(page)).toEqual([]);
    await page.locator('#sw-paper-answer').focus();
    for (const key of keys.slice(5)) await (key.length === 1 ? page.keyboard.type(key) : page.keyboard.press(key));
    await page.getByRole('status').filter({ hasText: r('paperEntry.saved', { serial: formatSerial(firstSerial + 2) }) }).waitFor();

    // The same sheet again: refused on this machine.
    await waitInPage(page, async () => document.activeElement?.id === 'sw-paper-serial', undefined);
    await page.keyboard.type(formatSerial(firstSerial));
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: r('paperEntry.serialProblems.keyed-here') }).waitFor();
    expect(await count('keyed').textContent()).toBe('3');
    expect(await count('waiting').textContent()).toBe('3');

    // The server comes back on the same address; the outbox empties by itself.
    server = await startServerProcess({ port, dbPath });
    await context.setOffline(false);
    await waitInPage(page, async () => document.querySelector('.sw-paper-counts > div:nth-child(3) dd')?.textContent === '3', undefined, { timeout: 60_000 });
    await page.getByText(r('paperEntry.offline.banner')).waitFor({ state: 'detached' });
    expect(await page.getByRole('cell', { name: r('paperEntry.status.accepted'), exact: true }).count()).toBe(3);

    const rows = readDb<{ id: string; source: string; mode: string; status: string; answers: string; started_at: string; meta: string; entered_by: string; unreadable: string; serial: number }>(
      `select r.id, r.source, r.mode, r.status, r.answers, r.started_at, r.meta, p.entered_by, p.unreadable, p.serial
         from responses r join paper_sheets p on p.response_id = r.id where r.source = 'paper' order by p.serial`,
    );
    expect(rows).toHaveLength(3);
    const inspectorId = readDb<{ id: string }>('select id from staff where email = ?', inspectorA.email)[0]!.id;
    const expected: Array<{ answers: Answers; unreadable?: string[] }> = [one, two, three];
    for (const [i, row] of rows.entries()) {
      expect(row.serial).toBe(firstSerial + i);
      expect(row.id).toBe(await paperResponseId(seeded.facilityA.id, survey.id, firstSerial + i));
      expect(row).toMatchObject({ source: 'paper', mode: 'self', status: 'complete', entered_by: inspectorId });
      expect(JSON.parse(row.answers)).toEqual(expected[i]!.answers);
      expect(JSON.parse(row.unreadable)).toEqual(expected[i]!.unreadable ?? []);
      expect(JSON.parse(row.meta)).toMatchObject({ paper: { serial: firstSerial + i, via: 'keyed' } });
    }
    // The comment is text on screen, never markup.
    expect(await page.locator('.sw-paper b').count()).toBe(0);
  });

  it('with double entry on, a second keyer\'s difference becomes a mismatch showing only that question, and resolving it makes the response', async () => {
    await signIn(seeded.admin);
    await page.goto(`${server.url}/staff/admin`);
    const toggle = page.getByRole('checkbox', { name: r('paperEntry.setting.label') });
    await toggle.check();
    await page.getByRole('region', { name: r('paperEntry.setting.title') }).getByRole('status').waitFor();
    expect(readDb<{ paper_double_entry: number }>('select paper_double_entry from organisations')[0]!.paper_double_entry).toBe(1);

    const serial = firstSerial + 5;
    const first = { answers: sheetOne(survey) };
    const second = { answers: { ...first.answers, 'food.score': 6 } };

    await signIn(inspectorA);
    await page.goto(`${server.url}/staff/paper`);
    await page.getByText(r('paperEntry.doubleEntryOn')).waitFor();
    await keySheet(serial, first);
    await page.getByRole('row', { name: new RegExp(formatSerial(serial)) }).getByRole('cell', { name: r('paperEntry.status.awaitingSecond') }).waitFor();

    await signIn(inspectorB);
    await page.goto(`${server.url}/staff/paper`);
    await page.getByText(r('paperEntry.doubleEntryOn')).waitFor();
    // Blind: nothing of A's keying on B's screen.
    expect(await page.getByRole('row', { name: new RegExp(formatSerial(serial)) }).count()).toBe(0);
    await keySheet(serial, second);
    await page.getByRole('row', { name: new RegExp(formatSerial(serial)) }).getByRole('cell', { name: r('paperEntry.status.mismatch') }).waitFor();
    expect(readDb('select id from responses where id = ?', await paperResponseId(seeded.facilityA.id, survey.id, serial))).toHaveLength(0);

    await page.getByRole('navigation', { name: r('nav.label') }).getByRole('link', { name: r('paperEntry.mismatchesNav') }).click();
    const caption = r('paperEntry.mismatches.caption', { serial: formatSerial(serial) });
    const table = page.getByRole('table', { name: caption });
    await table.waitFor();
    const bodyRows = table.locator('tbody tr');
    expect(await bodyRows.count()).toBe(1);
    expect(await bodyRows.first().getByRole('rowheader').textContent()).toBe(listQuestions(survey.items).find((p) => p.question.id === 'food.score')!.question.text.en);
    expect(await bodyRows.first().textContent()).toContain('8');
    expect(await bodyRows.first().textContent()).toContain('6');
    expect(await seriousAxeFindings(page)).toEqual([]);

    await bodyRows.first().getByRole('radio', { name: new RegExp(`${r('paperEntry.mismatches.second')}`) }).check();
    await page.getByRole('button', { name: r('paperEntry.mismatches.resolve', { serial: formatSerial(serial) }) }).click();
    await page.getByRole('status').filter({ hasText: r('paperEntry.mismatches.resolved', { serial: formatSerial(serial) }) }).waitFor();
    await page.getByText(r('paperEntry.mismatches.none')).waitFor();

    const resolved = readDb<{ answers: string; checked_by: string; entered_by: string }>(
      'select r.answers, p.checked_by, p.entered_by from responses r join paper_sheets p on p.response_id = r.id where r.id = ?',
      await paperResponseId(seeded.facilityA.id, survey.id, serial),
    );
    expect(resolved).toHaveLength(1);
    expect(JSON.parse(resolved[0]!.answers)).toEqual(second.answers);
    const idOf = (email: string) => readDb<{ id: string }>('select id from staff where email = ?', email)[0]!.id;
    expect(resolved[0]).toMatchObject({ entered_by: idOf(inspectorA.email), checked_by: idOf(inspectorB.email) });
  });
});
