import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SurveyDefinition } from '../../src/survey/schema.ts';
import { listQuestions } from '../../src/survey/walkItems.ts';
import { loadLocale } from './support/builtIns.ts';
import { launchChromium } from './support/launchChromium.ts';
import { seriousAxeFindings } from './support/runAxe.ts';
import { addStaffAccount, assistedResponses, sendWithdrawals, type AssistedPlan } from './support/seedAssistedResponses.ts';
import { enrollTablet, residentResponses, seedOrganisation, syncResponses, type EnrolledTablet, type SeededOrganisation } from './support/seedStaffResults.ts';
import { freePort, startServerProcess, type ServerProcess } from './support/serverProcess.ts';

const r = loadLocale('en', 'results');
const ar = loadLocale('ar', 'results');
const percent = (share: number) => new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 0 }).format(share);

/** 2026-Q3 in Brussels, the quarter the manager reads. */
const Q3_DAYS = ['2026-07-03', '2026-07-21', '2026-08-11', '2026-08-29', '2026-09-15'];
/** A mediator's note that would run script if a screen rendered it as HTML. */
const NOTE = 'Resident <b>hesitated</b> at the room question <img src=x onerror="document.title=\'pwned\'">; we went on in French.';
const SECOND_NOTE = 'Asked for the questions to be read twice.';
/** Self: 10 responses, room satisfied 7. Assisted: 8, room satisfied 3 (both above the threshold of 5). */
const SELF = { count: 10, roomYes: 7 };
const ASSISTED = { count: 8, roomYes: 3 };
const GOOD_PIN = '482913';

describe('tablet PINs and assisted responses in the staff screens, in Chromium on a real server', () => {
  let dir: string;
  let dbPath: string;
  let server: ServerProcess;
  let seeded: SeededOrganisation;
  let mediator: { email: string; password: string };
  let survey: SurveyDefinition;
  let tablet: EnrolledTablet;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  const readDb = <T,>(sql: string, ...params: unknown[]): T[] => {
    const db = new BetterSqlite3(dbPath, { readonly: true, fileMustExist: true });
    try {
      return db.prepare(sql).all(...params) as T[];
    } finally {
      db.close();
    }
  };
  const mediatorRow = () =>
    readDb<{ id: string; tablet_number: number | null; tablet_ref: string | null; pin_verifier: string | null }>(
      'select id, tablet_number, tablet_ref, pin_verifier from staff where email = ?',
      mediator.email,
    )[0]!;

  async function signIn(account: { email: string; password: string }) {
    await page.goto(`${server.url}/staff`);
    const signOut = page.getByRole('button', { name: r('signOut') });
    const email = page.getByLabel(r('signIn.email'));
    // The page first restores any session it still has: wait for the sign-in form or a signed-in page.
    await email.or(signOut).first().waitFor();
    if (await signOut.count()) await signOut.click();
    await email.fill(account.email);
    await page.getByLabel(r('signIn.password')).fill(account.password);
    await page.getByRole('button', { name: r('signIn.submit') }).click();
    await signOut.waitFor();
  }

  async function submitPin(pin: string, password: string) {
    await page.getByLabel(r('tabletPin.newPin'), { exact: true }).fill(pin);
    await page.getByLabel(r('tabletPin.repeatPin'), { exact: true }).fill(pin);
    await page.getByLabel(r('tabletPin.password'), { exact: true }).fill(password);
    await page.getByRole('button', { name: new RegExp(`^(${r('tabletPin.setSubmit')}|${r('tabletPin.changeSubmit')})$`) }).click();
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sayso-staff-assistance-'));
    dbPath = join(dir, 'sayso.db');
    seeded = await seedOrganisation(dbPath);
    mediator = await addStaffAccount(dbPath, {
      organisationId: seeded.organisationId,
      email: 'mediator.arendonk@example.org',
      password: 'mediator password long enough',
      role: 'mediator',
      facilityIds: [seeded.facilityA.id],
    });
    survey = seeded.surveys.find((s) => s.id === 'resident-satisfaction')!;
    server = await startServerProcess({ port: await freePort(), dbPath });
    tablet = await enrollTablet(server.url, seeded.facilityA.code, 'Common room A');

    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.kill('SIGTERM');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('lets a mediator set a tablet PIN, with the server\'s refusals said in words, and shows the number it got', async () => {
    await signIn(mediator);
    const nav = page.getByRole('navigation', { name: r('nav.label') });
    expect(await nav.getByRole('link').allTextContents()).toEqual([r('nav.facilities'), r('tabletPin.nav')]);
    await nav.getByRole('link', { name: r('tabletPin.nav') }).click();
    await page.getByRole('heading', { level: 1, name: r('tabletPin.title') }).waitFor();
    // Before any PIN: no number, and the screen says where and how the PIN is used.
    const yours = page.getByRole('region', { name: r('tabletPin.yoursTitle') });
    await yours.getByText(r('tabletPin.noNumber'), { exact: true }).waitFor();
    for (const line of ['tabletPin.intro', 'tabletPin.offline', 'tabletPin.nextSync', 'tabletPin.uses.mediate', 'tabletPin.reach.facilities']) {
      expect(await page.getByText(r(line), { exact: true }).count(), line).toBe(1);
    }

    await submitPin('111111', mediator.password);
    await page.getByRole('alert').filter({ hasText: r('tabletPin.errors.weak_pin') }).waitFor();
    await submitPin(GOOD_PIN, 'not the password at all');
    await page.getByRole('alert').filter({ hasText: r('tabletPin.errors.invalid_credentials') }).waitFor();
    // A wrong password is the form's error: still signed in, and no PIN stored.
    expect(await page.getByRole('button', { name: r('signOut') }).count()).toBe(1);
    expect(mediatorRow().pin_verifier).toBeNull();

    await submitPin(GOOD_PIN, mediator.password);
    await page.getByRole('heading', { name: r('tabletPin.changeTitle') }).waitFor();
    const stored = mediatorRow();
    expect(stored.tablet_number).toBeGreaterThanOrEqual(1);
    await page.getByRole('status').filter({ hasText: r('tabletPin.saved', { number: String(stored.tablet_number) }) }).waitFor();
    expect(await yours.getByRole('definition').first().textContent()).toBe(String(stored.tablet_number));
    expect(stored.tablet_ref).toMatch(/^sr_[A-Za-z0-9_-]{22}$/);
    expect(JSON.parse(stored.pin_verifier!)).toMatchObject({ salt: expect.any(String), hash: expect.any(String), iterations: expect.any(Number) });
    // Never the PIN itself in the page once saved.
    expect(await page.getByLabel(r('tabletPin.newPin'), { exact: true }).inputValue()).toBe('');
    expect(await seriousAxeFindings(page)).toEqual([]);
  });

  it('shows an admin the mediator\'s tablet number and PIN, and removes the PIN while the number stays', async () => {
    const number = String(mediatorRow().tablet_number);
    await signIn(seeded.admin);
    await page.getByRole('navigation', { name: r('nav.label') }).getByRole('link', { name: r('nav.admin') }).click();
    const accounts = page.getByRole('table', { name: r('admin.accounts.caption') });
    await accounts.waitFor();
    expect(await accounts.getByRole('columnheader').allTextContents()).toEqual(expect.arrayContaining([r('tabletPin.admin.number'), r('tabletPin.admin.pin')]));
    const row = accounts.getByRole('row', { name: new RegExp(mediator.email.replace(/\./g, '\\.')) }).first();
    expect(await row.getByRole('cell', { name: number, exact: true }).count()).toBe(1);
    expect(await row.getByRole('cell', { name: r('tabletPin.admin.hasPin'), exact: true }).count()).toBe(1);
    // The admin's own row has no PIN: no button to remove one.
    const adminRow = accounts.getByRole('row', { name: new RegExp(seeded.admin.email.replace(/\./g, '\\.')) }).first();
    expect(await adminRow.getByRole('button', { name: r('tabletPin.admin.remove', { email: seeded.admin.email }) }).count()).toBe(0);

    await row.getByRole('button', { name: r('tabletPin.admin.remove', { email: mediator.email }) }).click();
    await page.getByText(r('tabletPin.admin.confirmRemove', { email: mediator.email })).waitFor();
    expect(mediatorRow().pin_verifier).not.toBeNull();
    await page.getByRole('button', { name: r('tabletPin.admin.removeYes', { email: mediator.email }) }).click();
    await page.getByRole('status').filter({ hasText: r('tabletPin.admin.removed', { email: mediator.email }) }).waitFor();
    await row.getByRole('cell', { name: r('tabletPin.admin.noPin'), exact: true }).waitFor();
    expect(await row.getByRole('cell', { name: number, exact: true }).count()).toBe(1);
    const after = mediatorRow();
    expect(after.pin_verifier).toBeNull();
    expect(String(after.tablet_number)).toBe(number);
    expect(await seriousAxeFindings(page)).toEqual([]);
  });

  it('shows a manager self and assisted figures side by side, the kinds of help counted, and the withdrawals', async () => {
    const staffRef = mediatorRow().tablet_ref!;
    const self = await residentResponses(survey, tablet, { complete: SELF.count, partial: 0, roomYes: SELF.roomYes, partialRoomYes: 0, days: Q3_DAYS });
    const helped: AssistedPlan[] = Array.from({ length: ASSISTED.count }, (_, n) => ({
      assistance: {
        // One role for all: roles split the assisted responses, so a small second role would hide the first too.
        role: 'interpreter',
        kinds: ['read-aloud', ...(n < 6 ? (['translated'] as const) : []), ...(n < 2 ? (['explained'] as const) : [])],
        questions: n < 6 ? ['room.satisfied', 'room.score'] : ['room.satisfied'],
        staffRef,
        mediatorLanguage: 'fr',
      },
      ...(n === 0 ? { notes: NOTE } : n === 1 ? { notes: SECOND_NOTE } : {}),
    }));
    const assisted = await assistedResponses(survey, tablet, { helped, roomYes: ASSISTED.roomYes, days: Q3_DAYS });
    await syncResponses(server.url, tablet, [...self.envelopes, ...assisted.envelopes]);
    await sendWithdrawals(server.url, tablet, [{ surveyId: survey.id, period: '2026-Q3', count: 2 }]);
    // The mediator is known to the server by the reference alone, even after the PIN was removed.
    const assistants = readDb<{ staff_id: string | null }>('select staff_id from response_assistants');
    expect(assistants.length).toBe(ASSISTED.count);
    expect(new Set(assistants.map((a) => a.staff_id))).toEqual(new Set([mediatorRow().id]));

    await signIn(seeded.manager);
    const nav = page.getByRole('navigation', { name: r('nav.label') });
    await nav.getByRole('link', { name: r('assistance.nav') }).click();
    await page.getByRole('heading', { level: 1, name: r('assistance.title') }).waitFor();
    await page.getByLabel(r('filters.survey')).selectOption('resident-satisfaction');
    await page.getByLabel(r('period.quarter'), { exact: true }).selectOption('2026-Q3');
    const where = { facility: seeded.facilityA.name, period: 'Q3 2026' };

    const indicators = page.getByRole('table', { name: r('assistance.indicatorsCaption', where) });
    await indicators.waitFor();
    const room = listQuestions(survey.items).find((p) => p.question.id === 'room.satisfied')!;
    const roomRow = indicators.getByRole('row', { name: new RegExp(`^${room.groups[0]!.title.en} `) });
    expect(await roomRow.getByRole('cell').allTextContents()).toEqual([
      room.question.text.en,
      percent(SELF.roomYes / SELF.count),
      String(SELF.count),
      percent(ASSISTED.roomYes / ASSISTED.count),
      String(ASSISTED.count),
    ]);
    // The chart beside it names the same figures for screen readers.
    const chart = page.locator('canvas[role="img"]');
    expect(await chart.count()).toBe(1);
    expect(await chart.getAttribute('aria-label')).toContain(percent(ASSISTED.roomYes / ASSISTED.count));

    const countsIn = async (caption: string) => {
      const table = page.getByRole('table', { name: caption });
      await table.waitFor();
      const rows = await table.locator('tbody tr').all();
      return Object.fromEntries(await Promise.all(rows.map(async (row) => [await row.locator('th').textContent(), await row.locator('td').textContent()])));
    };
    const hidden = r('hidden_other', { count: 5 });
    expect(await countsIn(r('assistance.modesCaption', where))).toEqual({ [r('breakdown.modes.self')]: String(SELF.count), [r('breakdown.modes.assisted')]: String(ASSISTED.count) });
    const kinds = await countsIn(r('assistance.kindsCaption', where));
    expect(kinds).toMatchObject({ [r('assistance.kinds.read-aloud')]: '8', [r('assistance.kinds.translated')]: '6', [r('assistance.kinds.explained')]: hidden });
    const roles = await countsIn(r('assistance.rolesCaption', where));
    expect(roles).toMatchObject({ [r('assistance.roles.interpreter')]: String(ASSISTED.count) });
    const questions = await countsIn(r('assistance.questionsCaption', where));
    const score = listQuestions(survey.items).find((p) => p.question.id === 'room.score')!.question;
    expect(Object.entries(questions).slice(0, 2)).toEqual([[room.question.text.en, '8'], [score.text.en, '6']]);
    const withdrawals = page.getByRole('region', { name: r('assistance.withdrawalsTitle') });
    expect(await withdrawals.getByRole('definition').textContent()).toBe('2');
    expect(await seriousAxeFindings(page)).toEqual([]);
  });

  it('shows the mediator notes as text, apart from residents\' comments', async () => {
    await page.getByRole('navigation', { name: r('nav.label') }).getByRole('link', { name: r('nav.comments') }).click();
    const notes = page.getByRole('region', { name: r('mediatorNotes.title') });
    await notes.getByRole('listitem').first().waitFor();
    expect((await notes.getByRole('listitem').allTextContents()).sort()).toEqual([NOTE, SECOND_NOTE].sort());
    // The markup in the note is words on screen, not elements.
    expect(await notes.locator('b, img').count()).toBe(0);
    expect(await page.title()).not.toBe('pwned');
    // Not among the residents' comments.
    const comments = page.getByRole('region', { name: new RegExp(`^${r('comments.found_other', { formatted: '\\d+', facility: '.*', period: '.*' })}$`) });
    expect(await comments.getByText(SECOND_NOTE).count()).toBe(0);
    expect(await seriousAxeFindings(page)).toEqual([]);
    // A quarter with fewer responses than the threshold: the notes are hidden, in words.
    await page.getByLabel(r('period.quarter'), { exact: true }).selectOption('2026-Q2');
    await notes.getByText(r('mediatorNotes.hidden')).waitFor();
    expect(await notes.getByRole('listitem').count()).toBe(0);
    await page.getByLabel(r('period.quarter'), { exact: true }).selectOption('2026-Q3');
  });

  it('lays the assistance screen out right to left in Arabic, without axe findings', async () => {
    await page.getByRole('navigation', { name: r('nav.label') }).getByRole('link', { name: r('assistance.nav') }).click();
    await page.getByRole('table', { name: r('assistance.indicatorsCaption', { facility: seeded.facilityA.name, period: 'Q3 2026' }) }).waitFor();
    await page.getByLabel(r('language.label')).selectOption('ar');
    await page.getByRole('heading', { level: 1, name: ar('assistance.title') }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'ar']);
    // Mirrored: the navigation starts at the right edge.
    const box = await page.getByRole('navigation').first().getByRole('link').first().boundingBox();
    expect(box!.x).toBeGreaterThan(640);
    await page.getByRole('table', { name: new RegExp(ar('assistance.kindsCaption', { facility: seeded.facilityA.name, period: '.*' })) }).waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);

    await page.getByRole('link', { name: ar('tabletPin.nav') }).click();
    await page.getByRole('heading', { level: 1, name: ar('tabletPin.title') }).waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);
    await page.getByLabel(ar('language.label')).selectOption('en');
  });

  it('lets the mediator set a PIN again under the same number, and remove it themselves after a confirmation', async () => {
    const number = mediatorRow().tablet_number;
    await signIn(mediator);
    await page.getByRole('navigation', { name: r('nav.label') }).getByRole('link', { name: r('tabletPin.nav') }).click();
    await page.getByRole('heading', { name: r('tabletPin.setTitle') }).waitFor();
    await page.getByLabel(r('tabletPin.newPin'), { exact: true }).fill('90817263');
    await page.getByLabel(r('tabletPin.repeatPin'), { exact: true }).fill('90817236');
    await page.getByLabel(r('tabletPin.password'), { exact: true }).fill(mediator.password);
    await page.getByRole('button', { name: r('tabletPin.setSubmit') }).click();
    await page.getByRole('alert').filter({ hasText: r('tabletPin.problems.mismatch') }).waitFor();
    await submitPin('90817263', mediator.password);
    await page.getByRole('status').filter({ hasText: r('tabletPin.saved', { number: String(number) }) }).waitFor();
    expect(mediatorRow()).toMatchObject({ tablet_number: number, pin_verifier: expect.any(String) });

    await page.getByRole('button', { name: r('tabletPin.remove') }).click();
    await page.getByText(r('tabletPin.confirmRemove')).waitFor();
    await page.getByRole('button', { name: r('tabletPin.removeYes') }).click();
    await page.getByRole('status').filter({ hasText: r('tabletPin.removed') }).waitFor();
    await page.getByRole('region', { name: r('tabletPin.yoursTitle') }).getByText(r('tabletPin.noPin'), { exact: true }).waitFor();
    expect(mediatorRow()).toMatchObject({ tablet_number: number, pin_verifier: null });
    expect(await page.getByRole('button', { name: r('tabletPin.remove') }).count()).toBe(0);
  });
});
