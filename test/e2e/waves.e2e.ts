import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/server/hashToken.ts';
import { upcomingQuarters } from '../../src/staff/waves/quarterDays.ts';
import { formatInvitationCode, parseInvitationCode } from '../../src/survey/invitations/invitationCode.ts';
import { loadLocale } from './support/builtIns.ts';
import { launchChromium } from './support/launchChromium.ts';
import { pdfPageTexts, startQrReader, type QrArea, type QrReader } from './support/pdfReader.ts';
import { seriousAxeFindings } from './support/runAxe.ts';
import { seedOrganisation, type SeededOrganisation } from './support/seedStaffResults.ts';
import { freePort, startServerProcess, type ServerProcess } from './support/serverProcess.ts';

const r = loadLocale('en', 'results');
const wv = loadLocale('en', 'waves');
const SURVEY = 'resident-satisfaction';
/** The slips' grid on A4 (src/staff/waves/waves.css): 8 mm margins, 2 columns of 97 mm, 5 rows of 56 mm. */
const GRID = { margin: 8, width: 97, height: 56 };

/** Each slip's cell on every page, read on its own as a phone camera pointed at one slip would. */
function slipAreas(pages: number): QrArea[] {
  return Array.from({ length: pages }, (_, p) => Array.from({ length: 10 }, (__, cell) => ({
    page: p + 1,
    box: { x: GRID.margin + (cell % 2) * GRID.width, y: GRID.margin + Math.floor(cell / 2) * GRID.height, width: GRID.width, height: GRID.height },
  }))).flat();
}

describe('waves: an admin plans one, a manager prints invitations, the slips scan to their links', () => {
  let dir: string;
  let dbPath: string;
  let server: ServerProcess;
  let seeded: SeededOrganisation;
  let reader: QrReader;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  const rows = <T,>(sql: string): T[] => {
    const db = new BetterSqlite3(dbPath, { readonly: true, fileMustExist: true });
    try {
      return db.prepare(sql).all() as T[];
    } finally {
      db.close();
    }
  };

  async function signedIn(account: { email: string; password: string }, path = '/staff'): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    // The print dialog would block a headless page: count the calls instead.
    await context.addInitScript(() => {
      const w = window as unknown as { printCalls: number };
      w.printCalls = 0;
      window.print = () => void (w.printCalls += 1);
    });
    const page = await context.newPage();
    await page.goto(`${server.url}${path}`);
    const words = path.includes('lang=ar') ? loadLocale('ar', 'results') : r;
    await page.getByLabel(words('signIn.email')).fill(account.email);
    await page.getByLabel(words('signIn.password')).fill(account.password);
    await page.getByRole('button', { name: words('signIn.submit') }).click();
    return page;
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sayso-waves-'));
    dbPath = join(dir, 'sayso.db');
    seeded = await seedOrganisation(dbPath);
    server = await startServerProcess({ port: await freePort(), dbPath });
    reader = await startQrReader();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.kill('SIGTERM');
    await reader?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('lets the admin create a wave of this quarter in Centre Arendonk with its eligible residents, without serious axe findings', async () => {
    const page = await signedIn(seeded.admin);
    await page.getByRole('navigation', { name: r('nav.label') }).getByRole('link', { name: r('authoringNav.waves') }).click();
    await page.getByRole('heading', { level: 1, name: wv('title') }).waitFor();
    await page.getByRole('heading', { name: wv('list.title'), exact: true }).waitFor();
    await page.getByText(wv('list.none')).waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);

    const quarter = upcomingQuarters(new Date().toLocaleDateString('en-CA'), 1)[0]!;
    await page.getByLabel(wv('create.name')).fill('Resident survey, this quarter');
    await page.getByLabel(wv('create.survey'), { exact: true }).selectOption(SURVEY);
    await page.getByRole('button', { name: quarter.label }).click();
    expect(await page.getByLabel(wv('create.startsOn')).inputValue()).toBe(quarter.startsOn);
    await page.getByLabel(wv('create.eligibility')).fill('Residents staying two months or more');
    await page.getByLabel(wv('create.minStay')).fill('60');
    await page.getByLabel(seeded.facilityA.name, { exact: true }).check();
    await page.getByLabel(wv('create.eligibleIn', { facility: seeded.facilityA.name })).fill('40');
    await page.getByRole('button', { name: wv('create.submit') }).click();
    await page.getByRole('status').filter({ hasText: wv('create.created', { wave: 'Resident survey, this quarter' }) }).waitFor();
    const wave = page.getByRole('region', { name: 'Resident survey, this quarter' });
    await wave.getByText(wv('status.running')).waitFor();
    const table = page.getByRole('group', { name: wv('list.tableLabel', { wave: 'Resident survey, this quarter' }) });
    expect(await table.getByRole('row').nth(1).getByRole('cell').allTextContents()).toEqual([wv('list.eligibleIn', { facility: seeded.facilityA.name }), '0', '0', '0', wv('list.percent', { value: '0' }), wv('list.print', { facility: seeded.facilityA.name })]);
    expect(await table.getByLabel(wv('list.eligibleIn', { facility: seeded.facilityA.name })).inputValue()).toBe('40');
    expect(rows<{ starts_on: string; ends_on: string; min_stay_days: number }>('select starts_on, ends_on, min_stay_days from waves')).toEqual([{ starts_on: quarter.startsOn, ends_on: quarter.endsOn, min_stay_days: 60 }]);
    expect(await seriousAxeFindings(page)).toEqual([]);
  });

  it('lets the manager of Centre Arendonk print 10 invitations: one A4 page, 10 QR codes that scan to /i/<code> links, stored as hashes only', async () => {
    const page = await signedIn(seeded.manager);
    await page.getByRole('navigation', { name: r('nav.label') }).getByRole('link', { name: r('authoringNav.waves') }).click();
    await page.getByRole('heading', { level: 1, name: wv('title') }).waitFor();
    // Managers do not plan waves.
    expect(await page.getByRole('button', { name: wv('create.submit') }).count()).toBe(0);
    await page.getByRole('button', { name: wv('list.print', { facility: seeded.facilityA.name }) }).click();
    await page.getByLabel(wv('print.count')).fill('10');
    // The facility enables every language: the suggestion is the survey's first three; this centre's residents read Arabic and Tigrinya.
    const slipLanguages = page.getByRole('group', { name: wv('print.languages') });
    expect(await slipLanguages.getByRole('checkbox', { checked: true }).count()).toBe(3);
    await slipLanguages.getByLabel('Français').uncheck();
    await slipLanguages.getByLabel('Nederlands').uncheck();
    await slipLanguages.getByLabel('العربية').check();
    await slipLanguages.getByLabel('ትግርኛ').check();
    expect(await slipLanguages.getByLabel('Deutsch').isDisabled()).toBe(true);
    await page.getByRole('button', { name: wv('print.submit') }).click();
    await page.getByRole('status').filter({ hasText: wv('print.printed', { facility: seeded.facilityA.name, count: 10 }) }).waitFor();
    await page.getByText(wv('print.onlyOnce')).waitFor();
    await page.waitForFunction(() => (window as unknown as { printCalls: number }).printCalls > 0);
    expect(await page.locator('.wv-slip').count()).toBe(10);
    const firstSlip = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.wv-slip')[0]!.querySelectorAll<HTMLElement>('.wv-slip__anonymous')].map((p) => [p.lang, p.dir, p.textContent]));
    expect(firstSlip).toEqual([['en', 'ltr', wv('slip.anonymous')], ['ar', 'rtl', loadLocale('ar', 'waves')('slip.anonymous')], ['ti', 'ltr', loadLocale('ti', 'waves')('slip.anonymous')]]);
    // Every line of every slip is inside its slip: nothing cut off at a cut line.
    expect(await page.evaluate(() => [...document.querySelectorAll('.wv-slip')].filter((slip) => slip.scrollHeight > slip.clientHeight + 1).length)).toBe(0);
    expect(await seriousAxeFindings(page)).toEqual([]);

    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    const read = await reader.read(contexts[0]!, pdf, slipAreas((await pdfPageTexts(pdf)).length));
    if (read.pages !== 1) console.log(JSON.stringify(await pdfPageTexts(pdf)), JSON.stringify(read.found));
    expect(read.pages).toBe(1);
    const links = read.found.filter((text): text is string => text !== null);
    expect(links).toHaveLength(10);
    const prefix = `${server.url}/i/`;
    const codes = links.map((link) => {
      expect(link.startsWith(prefix), link).toBe(true);
      const parsed = parseInvitationCode(link.slice(prefix.length));
      expect(parsed.ok, link).toBe(true);
      return link.slice(prefix.length);
    });
    expect(new Set(codes).size).toBe(10);

    // Only the slips print; each shows its code as read out, its link in words and the anonymity line.
    const [text] = await pdfPageTexts(pdf);
    const compact = text!.replace(/\s+/g, '');
    for (const code of codes) {
      expect(compact).toContain(formatInvitationCode(code));
      expect(compact).toContain(`${prefix}${code}`);
    }
    expect(text).toContain(wv('slip.anonymous'));
    for (const chrome of [r('signOut'), wv('print.submit'), wv('list.title')]) expect(text).not.toContain(chrome);

    const stored = rows<{ code_hash: string; used_on: string | null }>('select code_hash, used_on from invitation_codes');
    expect(stored.map((row) => row.code_hash).sort()).toEqual(codes.map(hashToken).sort());
    const everything = JSON.stringify(rows('select * from invitation_codes')) + JSON.stringify(rows('select * from invitation_batches')) + JSON.stringify(rows('select * from waves'));
    for (const code of codes) expect(everything).not.toContain(code);

    // The list now counts them.
    const table = page.getByRole('group', { name: wv('list.tableLabel', { wave: 'Resident survey, this quarter' }) });
    await table.getByRole('cell', { name: '10', exact: true }).waitFor();
  });

  it('shows the waves screen right to left in Arabic, with Arabic words and no serious axe findings', async () => {
    const ar = loadLocale('ar', 'waves');
    const page = await signedIn(seeded.manager, '/staff/waves?lang=ar');
    await page.getByRole('heading', { level: 1, name: ar('title') }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'ar']);
    await page.getByText(ar('status.running')).waitFor();
    await page.getByRole('button', { name: ar('list.print', { facility: seeded.facilityA.name }) }).click();
    await page.getByLabel(ar('print.count')).fill('2');
    await page.getByRole('button', { name: ar('print.submit') }).click();
    await page.waitForFunction(() => document.querySelectorAll('.wv-slip').length === 2);
    // The slips read in their first language's direction (English here) though the screen is Arabic; each line in its own.
    expect(await page.locator('.wv-slips').getAttribute('dir')).toBe('ltr');
    const lines = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.wv-slip')[0]!.querySelectorAll<HTMLElement>('.wv-slip__anonymous')].map((p) => [p.lang, p.dir]));
    expect(lines.length).toBeGreaterThan(0);
    for (const [lang, dir] of lines) expect(dir).toBe(['ar', 'fa', 'ps', 'ckb'].includes(lang!) ? 'rtl' : 'ltr');
    expect(await page.evaluate(() => [...document.querySelectorAll('.wv-slip')].filter((slip) => slip.scrollHeight > slip.clientHeight + 1).length)).toBe(0);
    expect(await seriousAxeFindings(page)).toEqual([]);
  });
});
