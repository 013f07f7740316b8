import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PREFER_NOT_TO_ANSWER, type Answers } from '../../src/survey/answers.ts';
import type { SurveyDefinition } from '../../src/survey/schema.ts';
import { listQuestions } from '../../src/survey/walkItems.ts';
import { loadLocale } from './support/builtIns.ts';
import { launchChromium } from './support/launchChromium.ts';
import { parseCsv } from './support/parseCsv.ts';
import { seriousAxeFindings } from './support/runAxe.ts';
import { enrollTablet, HOSTILE_COMMENT, residentResponses, seedOrganisation, syncResponses, type SeededOrganisation } from './support/seedStaffResults.ts';
import { freePort, startServerProcess, type ServerProcess } from './support/serverProcess.ts';

const r = loadLocale('en', 'results');
const percent = (share: number) => new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 0 }).format(share);

/** 2026-Q3 in Brussels: the quarter the manager reads. Q2 gives the trend a point before it. */
const Q3_DAYS = ['2026-07-03', '2026-07-21', '2026-08-11', '2026-08-29', '2026-09-15'];
const Q2_DAYS = ['2026-04-14', '2026-05-20'];

describe('the staff results screens in Chromium, on a real server with responses synced by tablets', () => {
  let dir: string;
  let dbPath: string;
  let server: ServerProcess;
  let seeded: SeededOrganisation;
  let survey: SurveyDefinition;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** What facility A's tablet sent for 2026-Q3. */
  let q3Answers: Array<{ status: 'complete' | 'partial'; answers: Answers }>;

  const readDb = <T,>(sql: string, ...params: unknown[]): T[] => {
    const db = new BetterSqlite3(dbPath, { readonly: true, fileMustExist: true });
    try {
      return db.prepare(sql).all(...params) as T[];
    } finally {
      db.close();
    }
  };

  async function signIn(email: string, password: string) {
    await page.getByLabel(r('signIn.email')).fill(email);
    await page.getByLabel(r('signIn.password')).fill(password);
    await page.getByRole('button', { name: r('signIn.submit') }).click();
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sayso-staff-results-'));
    dbPath = join(dir, 'sayso.db');
    seeded = await seedOrganisation(dbPath);
    survey = seeded.surveys.find((s) => s.id === 'resident-satisfaction')!;
    server = await startServerProcess({ port: await freePort(), dbPath });

    const tabletA = await enrollTablet(server.url, seeded.facilityA.code, 'Common room A');
    const tabletB = await enrollTablet(server.url, seeded.facilityB.code, 'Common room B');
    const q3 = await residentResponses(survey, tabletA, { complete: 26, partial: 4, roomYes: 16, partialRoomYes: 1, days: Q3_DAYS });
    const q2 = await residentResponses(survey, tabletA, { complete: 8, partial: 0, roomYes: 6, partialRoomYes: 0, days: Q2_DAYS });
    const b = await residentResponses(survey, tabletB, { complete: 24, partial: 0, roomYes: 20, partialRoomYes: 0, days: Q3_DAYS });
    await syncResponses(server.url, tabletA, [...q3.envelopes, ...q2.envelopes]);
    await syncResponses(server.url, tabletB, b.envelopes);
    q3Answers = q3.answers;

    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.kill('SIGTERM');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a wrong password and shows the server\'s own message', async () => {
    await page.goto(`${server.url}/staff`);
    await page.getByRole('heading', { name: r('signIn.title') }).waitFor();
    // The kiosk did not start: no attract screen, no survey fetched.
    expect(await page.locator('.kiosk').count()).toBe(0);
    await signIn(seeded.manager.email, 'not the right password');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const answer = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: seeded.manager.email, password: 'still wrong' }) });
    const { error } = (await answer.json()) as { error: { code: string; message: string } };
    expect(answer.status).toBe(401);
    expect(error.code).toBe('invalid_credentials');
    expect(await alert.textContent()).toBe(r('errors.server', { message: error.message }));
    expect(await page.getByLabel(r('signIn.password')).inputValue()).toBe('');
  });

  it('shows the manager facility A only, its 2026-Q3 figures as the database has them, and passes axe', async () => {
    await signIn(seeded.manager.email, seeded.manager.password);
    await page.getByRole('heading', { level: 1, name: r('dashboard.title') }).waitFor();

    const facilityOptions = await page.getByLabel(r('filters.facility')).locator('option').allTextContents();
    expect(facilityOptions).toEqual([seeded.facilityA.name]);
    expect(await page.getByText(seeded.facilityB.name).count()).toBe(0);
    // Managers compare nothing across facilities: no such navigation item.
    const nav = page.getByRole('navigation', { name: r('nav.label') });
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      r('nav.dashboard'), r('nav.breakdown'), r('assistance.nav'), r('nav.comments'), r('nav.exports'),
      // A manager does the paper work of their own facilities too (docs/paper-api.md).
      r('paperEntry.nav'), r('paperPrint.nav'), r('paperImport.nav'), r('paperEntry.mismatchesNav'), r('visits.nav'),
      // And prints the invitations of the waves their facilities are in (docs/waves.md).
      r('authoringNav.waves'),
      r('nav.admin'), r('tabletPin.nav'),
    ]);

    await page.getByLabel(r('filters.survey')).selectOption('resident-satisfaction');
    await page.getByLabel(r('period.quarter'), { exact: true }).selectOption('2026-Q3');
    const indicators = page.getByRole('table', { name: new RegExp(r('indicators.caption', { facility: seeded.facilityA.name, period: 'Q3 2026' })) });
    await indicators.waitFor();

    // Room: satisfied share over every answer in the quarter (partial responses count where they answered).
    const roomAnswers = q3Answers.map((a) => a.answers['room.satisfied']).filter((v) => v !== undefined && v !== PREFER_NOT_TO_ANSWER);
    const roomShare = roomAnswers.filter((v) => v === true).length / roomAnswers.length;
    const room = listQuestions(survey.items).find((p) => p.question.id === 'room.satisfied')!.groups[0]!;
    const roomRow = indicators.getByRole('row', { name: new RegExp(`^${room.title.en} `) });
    expect(await roomRow.getByRole('cell', { name: percent(roomShare), exact: true }).count()).toBe(1);
    expect(await roomRow.getByRole('cell', { name: roomShare >= 0.6 ? r('target.met') : r('target.notMet'), exact: true }).count()).toBe(1);

    const counts = page.locator('.sw-stats').first();
    expect(await counts.textContent()).toContain(`${r('responses.complete')}26`);
    expect(await counts.textContent()).toContain(`${r('responses.partial')}4`);
    // A question nobody answered is hidden, in words.
    expect(await page.getByText(r('hidden_other', { count: 5 })).count()).toBeGreaterThan(0);
    // The trend has Q2 and Q3, in a table behind the chart.
    const trend = page.getByRole('table', { name: r('trend.tableCaption') });
    expect(await trend.getByRole('rowheader').allTextContents()).toEqual(['Q2 2026', 'Q3 2026']);
    expect(await page.locator('canvas[role="img"]').first().getAttribute('aria-label')).toContain('Q2 2026');

    expect(await seriousAxeFindings(page)).toEqual([]);
  });

  it('saves the quarter\'s resident count with the CSRF token and shows the participation rate', async () => {
    await page.getByLabel(r('participation.residentsIn', { quarter: 'Q3 2026' })).fill('40');
    await page.getByRole('button', { name: r('participation.save') }).click();
    await page.getByText(r('participation.rate', { rate: percent(26 / 40) })).waitFor();
    expect(readDb<{ residents: number }>('select residents from resident_counts where facility_id = ? and period = ?', seeded.facilityA.id, '2026-Q3')).toEqual([{ residents: 40 }]);
  });

  it('downloads the aggregate CSV, whose counts are the ones recomputed from the responses in the database', async () => {
    await page.getByRole('link', { name: r('nav.exports') }).click();
    await page.getByRole('heading', { level: 1, name: r('exports.title') }).waitFor();
    expect(await page.getByLabel(r('period.quarter'), { exact: true }).inputValue()).toBe('2026-Q3');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: r('exports.aggregateCsv') }).click()]);
    const rows = parseCsv(readFileSync(await download.path(), 'utf8'));
    await page.getByRole('status').filter({ hasText: download.suggestedFilename() }).waitFor();

    // What the database holds for each facility in 2026-Q3 (the server's reported times, in Brussels).
    const inQ3 = (reportedAt: string) => {
      const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(reportedAt));
      return day >= '2026-07-01' && day <= '2026-09-30';
    };
    const storedAt = (facilityId: string) =>
      readDb<{ answers: string; status: string; reported_at: string }>('select answers, status, reported_at from responses where facility_id = ?', facilityId)
        .filter((row) => inQ3(row.reported_at))
        .map((row) => ({ status: row.status, answers: JSON.parse(row.answers) as Answers }));
    const stored = storedAt(seeded.facilityA.id);
    const storedB = storedAt(seeded.facilityB.id);
    expect(stored.length).toBe(30);
    const byContent = (a: Answers, b: Answers) => JSON.stringify(a).localeCompare(JSON.stringify(b));
    expect(stored.map((s) => s.answers).sort(byContent)).toEqual(q3Answers.map((s) => s.answers).sort(byContent));

    const [header, ...body] = rows;
    expect(header).toEqual(['Row', 'Facility', 'Period', 'Topic', 'Question', 'Question id', 'Answer', 'Count', 'Share', 'Target (%)', 'Met']);
    expect(new Set(body.map((row) => row[1]))).toEqual(new Set([seeded.facilityA.name]));
    const responseRow = (answer: string) => body.find((row) => row[0] === 'responses' && row[6] === answer)?.[7];
    expect([responseRow('complete'), responseRow('partial'), responseRow('total')]).toEqual(['26', '4', '30']);

    let shown = 0;
    for (const { question } of listQuestions(survey.items)) {
      const given = stored.map((s) => s.answers[question.id]).filter((v) => v !== undefined);
      const givenB = storedB.filter((s) => s.answers[question.id] !== undefined).length;
      const declined = given.filter((v) => v === PREFER_NOT_TO_ANSWER).length;
      const values = given.filter((v) => v !== PREFER_NOT_TO_ANSWER);
      const csv = body.filter((row) => row[5] === question.id);
      const answerRows = csv.filter((row) => row[0] === 'answer');
      if (question.demographic) {
        // Demographics are reported in breakdowns only (PRODUCT.md).
        expect(csv, question.id).toEqual([]);
        continue;
      }
      if (answerRows.some((row) => row[7] === 'hidden')) {
        // The word, never a number; and only for fewer answers than the threshold here, or in
        // facility B (hidden alone, B's figure could be had as the total minus A's).
        expect(answerRows.map((row) => row[7]), question.id).toEqual(['hidden']);
        expect(given.length < 5 || givenB < 5, `${question.id} hidden with ${given.length} answers here and ${givenB} in B`).toBe(true);
        continue;
      }
      expect(given.length, question.id).toBeGreaterThanOrEqual(5);
      shown++;
      if (question.kind === 'text') {
        expect(csv.filter((row) => row[0] === 'answer').map((row) => row[7]), question.id).toEqual([String(values.length)]);
        continue;
      }
      const expected = new Map<string, number>();
      for (const value of values.flatMap((v) => (Array.isArray(v) ? v : [v]))) expected.set(String(value), (expected.get(String(value)) ?? 0) + 1);
      const csvCounts = csv.filter((row) => row[0] === 'answer').map((row) => Number(row[7])).filter((n) => n > 0).sort((a, b) => a - b);
      expect(csvCounts, `${question.id}: ${JSON.stringify(csv)}`).toEqual([...expected.values()].sort((a, b) => a - b));
      const declinedRow = csv.find((row) => row[0] === 'declined');
      expect(declinedRow ? Number(declinedRow[7]) : 0, question.id).toBe(declined);
      if (question.kind === 'yesno') {
        const indicator = csv.find((row) => row[0] === 'indicator')!;
        const yes = values.filter((v) => v === true).length;
        expect(Number(indicator[8]), question.id).toBeCloseTo(yes / values.length, 3);
      }
    }
    // Most of the survey is shown: the check above compared real counts, not just the word "hidden".
    expect(shown).toBeGreaterThanOrEqual(25);
  });

  it('lists the comments as text, never markup, and tags one with the CSRF token', async () => {
    await page.getByRole('link', { name: r('nav.comments') }).click();
    await page.getByRole('heading', { level: 1, name: r('comments.title') }).waitFor();
    const hostile = page.getByText(HOSTILE_COMMENT, { exact: true });
    await hostile.waitFor();
    expect(await page.locator('.sw-comment__text img, .sw-comment__text b').count()).toBe(0);
    expect(await page.title()).not.toBe('pwned');
    await page.getByLabel(r('comments.tagOf', { n: 1 })).selectOption('tip');
    await page.getByRole('status').filter({ hasText: r('comments.tagSaved') }).waitFor();
    expect(readDb<{ tag: string }>('select tag from comment_tags where facility_id = ?', seeded.facilityA.id)).toEqual([{ tag: 'tip' }]);
    expect(await seriousAxeFindings(page)).toEqual([]);
  });

  it('brings the sign-in screen back with a message when the session has expired', async () => {
    const db = new BetterSqlite3(dbPath);
    try {
      db.prepare('update staff_sessions set expires_at = ?').run('2000-01-01T00:00:00.000Z');
    } finally {
      db.close();
    }
    await page.getByRole('link', { name: r('nav.dashboard') }).click();
    await page.getByRole('heading', { name: r('signIn.title') }).waitFor();
    expect(await page.getByRole('status').filter({ hasText: r('signIn.expired') }).count()).toBe(1);
  });

  it('lays the quarterly report out for A4 in Arabic, right to left, with every chart\'s table', async () => {
    await signIn(seeded.manager.email, seeded.manager.password);
    await page.getByRole('heading', { level: 1, name: r('dashboard.title') }).waitFor();
    await page.goto(`${server.url}/staff/print?survey=resident-satisfaction&facility=${seeded.facilityA.id}&period=2026-Q3&lang=ar`);
    await page.locator('.sw-print__page h1').waitFor();
    expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'ar']);
    expect(await page.getByRole('navigation').count()).toBe(0);
    expect(await page.locator('canvas[role="img"]').count()).toBeGreaterThan(0);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('table').first().isVisible()).toBe(true);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.emulateMedia({ media: 'screen' });
    expect(await seriousAxeFindings(page)).toEqual([]);
  });

  it('shows an admin both facilities side by side, and the management screens, without axe findings', async () => {
    await page.goto(`${server.url}/staff/comparison?survey=resident-satisfaction&period=2026-Q3`);
    await page.getByRole('button', { name: r('signOut') }).click();
    await signIn(seeded.admin.email, seeded.admin.password);
    const overview = page.getByRole('table', { name: r('comparison.caption', { period: 'Q3 2026' }) });
    await overview.waitFor();
    expect(await overview.getByRole('rowheader').allTextContents()).toEqual([seeded.facilityA.name, seeded.facilityB.name, r('comparison.allFacilities')]);
    expect(await page.locator('canvas[role="img"]').count()).toBe(9);
    expect(await seriousAxeFindings(page)).toEqual([]);

    await page.getByRole('link', { name: r('nav.admin') }).click();
    const tablets = page.getByRole('table', { name: r('admin.devices.caption') });
    await tablets.waitFor();
    expect(await tablets.getByRole('rowheader').allTextContents()).toEqual(expect.arrayContaining(['Common room A', 'Common room B']));
    await page.getByRole('button', { name: r('admin.devices.createCode') }).click();
    await page.getByRole('status').filter({ hasText: r('admin.devices.codeFor', { facility: seeded.facilityA.name }) }).waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);
  });

  it('streams an admin one row per response of every facility, and says so when a quarter has none', async () => {
    await page.goto(`${server.url}/staff/exports?survey=resident-satisfaction&period=2026-Q3`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: r('exports.responsesCsvAll') }).click()]);
    const rows = parseCsv(readFileSync(await download.path(), 'utf8'));
    const stored = readDb<{ n: number }>("select count(*) as n from responses where reported_at >= '2026-06-30T22:00:00Z' and reported_at < '2026-09-30T22:00:00Z'")[0]!.n;
    expect(rows.length - 1).toBe(stored);
    expect(rows.flat().join(' ')).not.toContain(seeded.facilityA.id);

    await page.goto(`${server.url}/staff/exports?survey=resident-satisfaction&period=2025-Q1`);
    const [empty] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: r('exports.responsesCsvAll') }).click()]);
    await page.getByRole('status').filter({ hasText: r('exports.empty', { file: empty.suggestedFilename() }) }).waitFor();
  });
});
