import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/server/db/createDatabase.ts';
import { publishSurveyVersion } from '../../src/server/queries/surveyVersions.ts';
import { formatSerial } from '../../src/survey/paper/paperSerial.ts';
import { makeXlsx } from '../server/paper/import/makeXlsx.ts';
import { loadLocale } from './support/builtIns.ts';
import { launchChromium } from './support/launchChromium.ts';
import { seriousAxeFindings } from './support/runAxe.ts';
import { addStaffAccount } from './support/seedAssistedResponses.ts';
import { seedOrganisation, type SeededOrganisation } from './support/seedStaffResults.ts';
import { freePort, startServerProcess, type ServerProcess } from './support/serverProcess.ts';

const r = loadLocale('en', 'results');
const mini = JSON.parse(readFileSync('test/survey/fixtures/mini-survey.json', 'utf8'));
const HEADER = 'serial,filled_on,language,room.satisfied,room.reasons,room.score,overall,comment';
/** A cell that would run script if the screen rendered a problem as HTML. */
const HOSTILE = '<img src=x onerror="document.title=\'pwned\'">';

describe('importing paper answers in the staff screen, in Chromium on a real server', () => {
  let dir: string;
  let dbPath: string;
  let server: ServerProcess;
  let seeded: SeededOrganisation;
  let inspector: { email: string; password: string };
  let first: number;
  let browser: Browser;
  let page: Page;

  const readDb = <T,>(query: string): T[] => {
    const db = new BetterSqlite3(dbPath, { readonly: true, fileMustExist: true });
    try {
      return db.prepare(query).all() as T[];
    } finally {
      db.close();
    }
  };
  const serial = (offset: number) => formatSerial(first + offset);

  /** The figures of the summary, as a screen reader reads the description list. */
  async function figures(): Promise<Record<string, string>> {
    return page.locator('dl.sw-stats').evaluate((list) =>
      Object.fromEntries([...list.querySelectorAll('div')].map((pair) => [pair.querySelector('dt')!.textContent!, pair.querySelector('dd')!.textContent!])));
  }
  async function problemRows(): Promise<string[][]> {
    return page.getByRole('table').locator('tbody tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? '')));
  }
  async function choose(name: string, mimeType: string, buffer: Buffer) {
    await page.getByLabel(r('paperImport.file')).setInputFiles({ name, mimeType, buffer });
    await page.getByRole('status').filter({ hasText: r('paperImport.checked', { file: name }) }).waitFor();
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sayso-paper-import-'));
    dbPath = join(dir, 'sayso.db');
    seeded = await seedOrganisation(dbPath);
    const database = createDatabase({ sqlitePath: dbPath });
    await publishSurveyVersion(database.db, { organisationId: seeded.organisationId, definition: mini });
    await database.close();
    inspector = await addStaffAccount(dbPath, { organisationId: seeded.organisationId, email: 'inspector.rome@example.org', password: 'inspector password long', role: 'inspector', facilityIds: [seeded.facilityA.id] });
    server = await startServerProcess({ port: await freePort(), dbPath });

    // The inspector prints a batch of 10 sheets over the API (as the print screen does).
    const login = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(inspector) });
    expect(login.status).toBe(200);
    const cookie = /sayso_session=[^;]*/.exec(login.headers.get('set-cookie') ?? '')![0];
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const printed = await fetch(`${server.url}/api/v1/paper/batches`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', cookie, 'X-CSRF-Token': csrfToken },
      body: JSON.stringify({ facilityId: seeded.facilityA.id, surveyId: 'mini', surveyVersion: 1, language: 'en', count: 10 }),
    });
    expect(printed.status, await printed.clone().text()).toBe(201);
    first = ((await printed.json()) as { batch: { firstSerial: number } }).batch.firstSerial;

    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.kill('SIGTERM');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('checks a CSV at once, lists its problems by row and column as text, and imports only the clean rows', async () => {
    await page.goto(`${server.url}/staff`);
    await page.getByLabel(r('signIn.email')).fill(inspector.email);
    await page.getByLabel(r('signIn.password')).fill(inspector.password);
    await page.getByRole('button', { name: r('signIn.submit') }).click();
    await page.getByRole('navigation', { name: r('nav.label') }).getByRole('link', { name: r('paperImport.nav') }).click();
    await page.getByRole('heading', { level: 1, name: r('paperImport.title') }).waitFor();
    expect(await page.getByLabel(r('paperImport.facility')).locator('option:checked').textContent()).toBe(seeded.facilityA.name);

    const csv = [
      HEADER,
      `${serial(0)},2026-11-20,en,1,,7,4,"Warm, ""quiet"" room"`,
      `${serial(1)},2026-11-20,en,2,1;2,3,2,`,
      `${serial(2)},2026-11-21,en,1,,${HOSTILE},9,`,
      `${serial(0)},2026-11-20,en,1,,7,4,`,
    ].join('\r\n');
    await choose('visit-rome.csv', 'text/csv', Buffer.from(csv));
    expect(await figures()).toEqual({
      [r('paperImport.rows')]: '4', [r('paperImport.cleanRows')]: '2', [r('paperImport.duplicateRows')]: '0', [r('paperImport.problemRows')]: '2',
    });
    expect(await problemRows()).toEqual([
      ['4', 'room.score', `F4: "${HOSTILE}" is not an option: write a number from 0 to 10`],
      ['4', 'overall', 'G4: "9" is not an option: write a code from 1 to 5'],
      ['5', 'serial', `${serial(0)} is also on row 2: each sheet once`],
    ]);
    // Shown as text: no element came out of the cell, no script ran.
    expect(await page.getByRole('table').locator('img').count()).toBe(0);
    expect(await page.title()).not.toBe('pwned');
    expect(await page.getByRole('button', { name: r('paperImport.import'), exact: true }).isDisabled()).toBe(true);
    expect(readDb('select id from responses')).toEqual([]);
    expect(await seriousAxeFindings(page)).toEqual([]);

    await page.getByRole('button', { name: r('paperImport.importClean_other', { formatted: '2' }) }).click();
    await page.getByRole('status').filter({ hasText: r('paperImport.imported_other', { formatted: '2', duplicates: '0' }) }).waitFor();
    await page.getByRole('heading', { name: r('paperImport.resultTitle') }).waitFor();
    const stored = readDb<{ source: string; meta: string; reported_at: string }>('select source, meta, reported_at from responses order by reported_at');
    expect(stored.map((row) => [row.source, JSON.parse(row.meta).paper.via, row.reported_at])).toEqual([
      ['paper', 'import', '2026-11-20T12:00:00.000Z'],
      ['paper', 'import', '2026-11-20T12:00:00.000Z'],
    ]);
  });

  it('reads an XLSX the same way: a formula is refused by its cell, a sheet already imported is a duplicate', async () => {
    const xlsx = makeXlsx([
      HEADER.split(','),
      [serial(3), '2026-11-22', 'en', 1, null, 6, 3, null],
      [serial(4), 46348, null, 'no', '1', 2, 1, { inline: 'Loud at night' }],
      [serial(5), '2026-11-22', 'en', 1, null, { formula: 'F2+1', value: 7 }, 3, null],
      [serial(0), '2026-11-20', 'en', 1, null, 7, 4, { inline: 'Warm, "quiet" room' }],
    ]);
    await choose('visit-rome.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', Buffer.from(xlsx));
    expect(await figures()).toEqual({
      [r('paperImport.rows')]: '4', [r('paperImport.cleanRows')]: '2', [r('paperImport.duplicateRows')]: '1', [r('paperImport.problemRows')]: '1',
    });
    expect(await problemRows()).toEqual([['4', 'room.score', 'F4 holds a formula; paste values only']]);
    await page.getByRole('button', { name: r('paperImport.importClean_other', { formatted: '2' }) }).click();
    await page.getByRole('status').filter({ hasText: r('paperImport.imported_other', { formatted: '2', duplicates: '1' }) }).waitFor();
    expect(readDb('select id from responses')).toHaveLength(4);
  });

  it('finds the same CSV, uploaded again, already received: duplicates, never new responses', async () => {
    const csv = [HEADER, `${serial(0)},2026-11-20,en,1,,7,4,"Warm, ""quiet"" room"`, `${serial(1)},2026-11-20,en,2,1;2,3,2,`].join('\r\n');
    await choose('visit-rome-again.csv', 'text/csv', Buffer.from(csv));
    expect(await figures()).toEqual({
      [r('paperImport.rows')]: '2', [r('paperImport.cleanRows')]: '0', [r('paperImport.duplicateRows')]: '2', [r('paperImport.problemRows')]: '0',
    });
    await page.getByText(r('paperImport.allReceived')).waitFor();
    expect(await page.getByRole('button', { name: r('paperImport.import'), exact: true }).isDisabled()).toBe(true);
    expect(readDb('select id from responses')).toHaveLength(4);
  });

  it('offers the template of a survey version: the header row a file needs', async () => {
    const link = page.getByRole('link', { name: r('paperImport.templateDownload') });
    await page.getByLabel(r('paperImport.templateSurvey')).selectOption({ label: r('paperImport.templateOption', { title: 'Mini survey', version: '1' }) });
    const href = await link.getAttribute('href');
    expect(href).toBe('/api/v1/paper/imports/template.csv?survey=mini&version=1');
    const text = await page.evaluate(async (url) => (await fetch(url)).text(), href!);
    expect(text).toBe(`${HEADER}\r\n`);
  });
});
