import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLocale } from './support/builtIns.ts';
import { launchChromium } from './support/launchChromium.ts';
import { seriousAxeFindings } from './support/runAxe.ts';
import { addStaffAccount } from './support/seedAssistedResponses.ts';
import { seedOrganisation, type SeededOrganisation } from './support/seedStaffResults.ts';
import { freePort, startServerProcess, type ServerProcess } from './support/serverProcess.ts';

const r = loadLocale('en', 'results');
const a = loadLocale('en', 'authoring');
const ar = loadLocale('ar', 'authoring');
const rAr = loadLocale('ar', 'results');
const fixture = (name: string) => readFileSync(`test/fixtures/xlsforms/${name}`);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A title that would run script if a screen rendered it as HTML. */
const HOSTILE = '<img src=x onerror="document.title=\'pwned\'">';

describe('the survey library and the XLSForm import screen, in Chromium on a real server', () => {
  let dir: string;
  let dbPath: string;
  let server: ServerProcess;
  let seeded: SeededOrganisation;
  let designer: { email: string; password: string };
  let browser: Browser;
  let page: Page;

  const drafts = () => {
    const db = new BetterSqlite3(dbPath, { readonly: true, fileMustExist: true });
    try {
      return db.prepare('select survey_id, origin, revision from survey_drafts order by survey_id').all() as Array<{ survey_id: string; origin: string; revision: number }>;
    } finally {
      db.close();
    }
  };
  /** Every row of the report table, as the cells' text. */
  const reportRows = () => page.locator('table.sw-xlsform-problems tbody tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? '')));
  async function choose(name: string, buffer: Buffer, mimeType = XLSX) {
    await page.getByLabel(a('import.file')).setInputFiles({ name, mimeType, buffer });
  }
  async function chooseAndWait(name: string, buffer: Buffer) {
    await choose(name, buffer);
    await page.getByRole('status').filter({ hasText: a('import.checked', { file: name }) }).waitFor();
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sayso-library-'));
    dbPath = join(dir, 'sayso.db');
    seeded = await seedOrganisation(dbPath);
    designer = await addStaffAccount(dbPath, { organisationId: seeded.organisationId, email: 'designer@example.org', password: 'designer password long', role: 'designer' });
    server = await startServerProcess({ port: await freePort(), dbPath });
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.kill('SIGTERM');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('lists the organisation\'s surveys, and makes a survey from a template that opens in the editor', async () => {
    await page.goto(`${server.url}/staff/surveys`);
    await page.getByLabel(r('signIn.email')).fill(designer.email);
    await page.getByLabel(r('signIn.password')).fill(designer.password);
    await page.getByRole('button', { name: r('signIn.submit') }).click();
    await page.getByRole('heading', { level: 1, name: a('library.title') }).waitFor();
    const table = page.getByRole('table');
    await table.getByRole('rowheader').first().waitFor();
    const rowHeaders = await table.getByRole('rowheader').allTextContents();
    expect(rowHeaders.some((text) => text.includes('resident-satisfaction'))).toBe(true);
    expect(await table.getByRole('link', { name: a('library.edit') }).count()).toBeGreaterThanOrEqual(4);
    await page.getByRole('radio', { name: 'Your visit to the desk' }).waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);

    await page.getByRole('radio', { name: 'Your visit to the desk' }).check();
    expect(await page.locator('#sw-template-id').inputValue()).toBe('service-desk-smiley');
    await page.getByRole('button', { name: a('library.useTemplate') }).click();
    await page.waitForURL(/\/staff\/surveys\/edit\?survey=service-desk-smiley$/);
    expect(drafts()).toEqual([{ survey_id: 'service-desk-smiley', origin: 'template:service-desk-smiley', revision: expect.any(Number) }]);
  });

  it('imports an XLSForm: its row-level report, then saved as a draft that opens in the editor', async () => {
    await page.goto(`${server.url}/staff/surveys`);
    await page.getByRole('link', { name: a('library.importXlsform') }).click();
    await page.getByRole('heading', { level: 1, name: a('import.title') }).waitFor();

    await chooseAndWait('pyxform__or_other.xlsx', fixture('pyxform__or_other.xlsx'));
    await page.getByText(a('import.publishable')).waitFor();
    const rows = await reportRows();
    expect(rows.length).toBeGreaterThan(2);
    // Severity, sheet, row, column, question, message: the first a settings warning, then the survey's rows.
    expect(rows[0]!.slice(0, 2)).toEqual([a('import.severities.warning'), 'settings']);
    expect(rows.find((cells) => cells[4] === 'fav_color' && cells[3] === 'type')).toEqual([
      a('import.severities.warning'), 'survey', '2', 'type', 'fav_color', expect.stringContaining('or_other'),
    ]);
    expect(await seriousAxeFindings(page)).toEqual([]);

    expect(await page.locator('#sw-xlsform-id').inputValue()).toBe('pyxform-or-other');
    await page.getByRole('button', { name: a('import.save') }).click();
    await page.waitForURL(/\/staff\/surveys\/edit\?survey=pyxform-or-other$/);
    expect(drafts().find((d) => d.survey_id === 'pyxform-or-other')).toMatchObject({ origin: 'xlsform:pyxform__or_other.xlsx' });
  });

  it('puts a form\'s errors first, and shows the reader\'s message for a file it cannot read', async () => {
    await page.goto(`${server.url}/staff/surveys/import`);
    await page.getByRole('heading', { level: 1, name: a('import.title') }).waitFor();
    await chooseAndWait('CorrelAid_xlsform2lstsv__testB.xlsx', fixture('CorrelAid_xlsform2lstsv__testB.xlsx'));
    const rows = await reportRows();
    const severities = rows.map((cells) => cells[0]);
    const firstOther = severities.findIndex((s) => s !== a('import.severities.error'));
    expect(firstOther).toBeGreaterThan(0);
    expect(severities.slice(firstOther)).not.toContain(a('import.severities.error'));
    expect(rows[0]!.slice(1, 5)).toEqual(['survey', '4', 'label::English (en)', 'group_gi4rv46']);
    await page.getByText(a('import.notPublishable', { formatted: String(firstOther) })).waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);

    // A legacy .xls whose only questions sit in a repeat: each skipped row says why, and nothing is left to publish.
    await chooseAndWait('pyxform__tutorial.xls', fixture('pyxform__tutorial.xls'));
    const tutorial = await reportRows();
    expect(tutorial[0]![0]).toBe(a('import.severities.error'));
    expect(tutorial.find((cells) => cells[4] === 'member')).toEqual([
      a('import.severities.skipped'), 'survey', '2', 'type', 'member', expect.stringContaining('repeat'),
    ]);
    expect(tutorial.filter((cells) => cells[0] === a('import.severities.skipped')).length).toBeGreaterThanOrEqual(11);

    await choose('broken.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]));
    const alert = page.getByRole('alert').filter({ hasText: a('import.refused.broken_file') });
    await alert.waitFor();
    expect((await alert.textContent())!.length).toBeGreaterThan(a('import.refused.broken_file').length + 5);
    expect(await page.locator('table.sw-xlsform-problems').count()).toBe(0);
    expect(await seriousAxeFindings(page)).toEqual([]);
  });

  it('opens a published survey in the editor through a new draft of its latest version, and downloads a version as XLSForm', async () => {
    await page.goto(`${server.url}/staff/surveys`);
    const centre = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /centre-satisfaction/ }) });
    await centre.waitFor();
    expect(await centre.textContent()).toContain(a('library.noDraft'));

    await page.getByRole('button', { name: a('library.versionsNamed', { title: 'Your opinion about the centre' }) }).click();
    const link = page.getByRole('link', { name: a('library.downloadXlsformNamed', { title: 'Your opinion about the centre', version: '1' }) });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('centre-satisfaction-v1.xlsx');
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');

    await page.getByRole('link', { name: a('library.editNamed', { title: 'Your opinion about the centre' }) }).click();
    await page.waitForURL(/\/staff\/surveys\/edit\?survey=centre-satisfaction$/);
    expect(drafts().find((d) => d.survey_id === 'centre-satisfaction')).toMatchObject({ origin: 'version:1', revision: expect.any(Number) });
  });

  it('copies a published version into a new survey of its own id', async () => {
    await page.goto(`${server.url}/staff/surveys`);
    await page.getByRole('button', { name: a('library.versionsNamed', { title: 'Your opinion about the centre' }) }).click();
    await page.getByRole('button', { name: a('library.copyNamed', { title: 'Your opinion about the centre', version: '1' }) }).click();
    const form = page.getByRole('form', { name: a('library.copyTitle', { version: '1' }) });
    expect(await form.getByLabel(a('library.idLabel')).inputValue()).toBe('centre-satisfaction-copy');
    await form.getByRole('button', { name: a('library.copyCreate') }).click();
    await page.waitForURL(/\/staff\/surveys\/edit\?survey=centre-satisfaction-copy$/);
    expect(drafts().find((d) => d.survey_id === 'centre-satisfaction-copy')).toMatchObject({ origin: 'copy:centre-satisfaction:v1' });
  });

  it('starts a blank survey whose title is shown as text, never as HTML', async () => {
    await page.goto(`${server.url}/staff/surveys`);
    await page.getByRole('heading', { level: 2, name: a('library.newTitle') }).waitFor();
    await page.getByLabel(a('library.titleLabel')).fill(HOSTILE);
    expect(await page.locator('#sw-new-id').inputValue()).toBe('img-src-x-onerror-document-title-pwned');
    await page.locator('#sw-new-id').fill('hostile-title');
    await page.getByRole('button', { name: a('library.create') }).click();
    await page.waitForURL(/\/staff\/surveys\/edit\?survey=hostile-title$/);
    await page.goto(`${server.url}/staff/surveys`);
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /hostile-title/ }) });
    await row.waitFor();
    expect(await row.getByRole('rowheader').textContent()).toContain(HOSTILE);
    expect(await page.getByRole('table').locator('img').count()).toBe(0);
    expect(await page.title()).not.toBe('pwned');
    // A taken id is said beside the field before anything is sent.
    await page.locator('#sw-new-id').fill('hostile-title');
    await page.getByText(a('library.idTaken')).waitFor();
  });

  it('shows both drafts in the library, with where they came from', async () => {
    await page.goto(`${server.url}/staff/surveys`);
    const smiley = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /service-desk-smiley/ }) });
    await smiley.waitFor();
    expect(await smiley.textContent()).toContain(a('library.origin.template', { template: 'service-desk-smiley' }));
    const imported = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /pyxform-or-other/ }) });
    expect(await imported.textContent()).toContain(a('library.origin.xlsform', { file: 'pyxform__or_other.xlsx' }));
    expect(await imported.textContent()).toContain(a('library.notPublished'));
  });

  it('lays the library and the import screen out right to left in Arabic, without axe findings', async () => {
    await page.goto(`${server.url}/staff/surveys`);
    await page.getByRole('heading', { level: 1, name: a('library.title') }).waitFor();
    await page.getByLabel(r('language.label'), { exact: true }).selectOption('ar');
    await page.getByRole('heading', { level: 1, name: ar('library.title') }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'ar']);
    await page.getByRole('table').getByRole('rowheader').first().waitFor();
    await page.getByRole('radio').first().waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);
    await page.getByRole('navigation', { name: ar('library.startLabel') }).getByRole('link', { name: ar('library.importXlsform') }).click();
    await page.getByRole('heading', { level: 1, name: ar('import.title') }).waitFor();
    await page.getByLabel(ar('import.file')).setInputFiles({ name: 'pyxform__or_other.xlsx', mimeType: XLSX, buffer: fixture('pyxform__or_other.xlsx') });
    await page.getByRole('status').filter({ hasText: ar('import.checked', { file: 'pyxform__or_other.xlsx' }) }).waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);
    await page.getByLabel(rAr('language.label'), { exact: true }).selectOption('en');
  });
});
