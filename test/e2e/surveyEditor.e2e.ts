import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSurvey } from '../../src/survey/parseSurvey.ts';
import type { SurveyDefinition } from '../../src/survey/schema.ts';
import { loadLocale } from './support/builtIns.ts';
import { enrollInBrowser } from './support/enrollInBrowser.ts';
import { KioskDriver } from './support/kioskDriver.ts';
import { launchChromium } from './support/launchChromium.ts';
import { seriousAxeFindings } from './support/runAxe.ts';
import { addStaffAccount } from './support/seedAssistedResponses.ts';
import { seedOrganisation, type SeededOrganisation } from './support/seedStaffResults.ts';
import { freePort, startServerProcess, type ServerProcess } from './support/serverProcess.ts';

const a = loadLocale('en', 'authoring');
const r = loadLocale('en', 'results');
const e = (key: string, vars?: Record<string, string | number>) => a(`editor.${key}`, vars);
const SURVEY_ID = 'desk-check';
/** What the designer types in Arabic, text by text (rows of the translations table, by their names). */
const ARABIC: Record<string, string> = {
  [e('translations.roles.title')]: 'فحص المكتب',
  [e('translations.roles.question', { id: 'q1' })]: 'هل كان المكتب مفتوحًا عندما جئت؟',
  [e('translations.roles.question', { id: 'q2' })]: 'لماذا جئت؟',
  [e('translations.roles.choice', { id: 'q2 · a' })]: 'المال',
  [e('translations.roles.choice', { id: 'q2 · b' })]: 'النقل',
  [e('translations.roles.question', { id: 'q3' })]: 'كيف كانت الخدمة؟',
};

describe('the survey editor: a designer writes, translates, previews and publishes; a tablet answers it', () => {
  let dir: string;
  let dbPath: string;
  let server: ServerProcess;
  let seeded: SeededOrganisation;
  let designer: { email: string; password: string };
  let browser: Browser;
  let staffContext: BrowserContext;
  let page: Page;

  const readDb = <T,>(query: string, ...params: unknown[]): T[] => {
    const db = new BetterSqlite3(dbPath, { readonly: true, fileMustExist: true });
    try {
      return db.prepare(query).all(...params) as T[];
    } finally {
      db.close();
    }
  };
  async function until(check: () => Promise<boolean> | boolean, what: string, ms = 30_000) {
    const deadline = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
      await new Promise((done) => setTimeout(done, 200));
    }
  }
  /** The designer's session over HTTP (as the library screen would call it). */
  async function designerApi() {
    const login = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(designer) });
    expect(login.status).toBe(200);
    const cookie = /sayso_session=[^;]*/.exec(login.headers.get('set-cookie') ?? '')![0];
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    return {
      get: async (path: string) => fetch(`${server.url}/api/v1${path}`, { headers: { cookie } }),
      post: async (path: string, body: unknown) =>
        fetch(`${server.url}/api/v1${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', cookie, 'X-CSRF-Token': csrfToken }, body: JSON.stringify(body) }),
      put: async (path: string, body: unknown) =>
        fetch(`${server.url}/api/v1${path}`, { method: 'PUT', headers: { 'Content-Type': 'application/json', cookie, 'X-CSRF-Token': csrfToken }, body: JSON.stringify(body) }),
    };
  }
  const saved = () => page.getByRole('status').filter({ hasText: e('save.saved') }).waitFor();
  const preview = (): FrameLocator => page.frameLocator('iframe.ed-preview-frame');
  async function choosePictogram(label: string, current: string, name: string) {
    await page.getByRole('button', { name: e('pictogram.current', { label, name: current }) }).click();
    await page.getByRole('list', { name: e('pictogram.choices', { label }) }).getByRole('button', { name, exact: true }).click();
    await page.getByRole('button', { name: e('pictogram.current', { label, name }) }).waitFor();
  }
  async function addQuestion(kind: string) {
    await page.getByLabel(e('outline.kind')).selectOption(kind);
    await page.getByRole('button', { name: e('outline.addQuestion'), exact: true }).click();
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sayso-editor-'));
    dbPath = join(dir, 'sayso.db');
    seeded = await seedOrganisation(dbPath);
    designer = await addStaffAccount(dbPath, { organisationId: seeded.organisationId, email: 'designer@example.org', password: 'designer password long', role: 'designer' });
    server = await startServerProcess({ port: await freePort(), dbPath });
    browser = await launchChromium();
    staffContext = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    page = await staffContext.newPage();
    // Deleting and removing ask first; the test agrees.
    page.on('dialog', (dialog) => void dialog.accept());
  });
  afterAll(async () => {
    await browser?.close();
    await server?.kill('SIGTERM');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('creates a survey, adds questions with pictograms and a relevance, translates it into Arabic and previews it right to left', async () => {
    const api = await designerApi();
    const created = await api.post('/staff/authoring/surveys', { id: SURVEY_ID, from: { kind: 'blank', title: 'Desk check', defaultLanguage: 'en' } });
    expect(created.status, await created.clone().text()).toBe(201);

    await page.goto(`${server.url}/staff/surveys/edit?survey=${SURVEY_ID}`);
    await page.getByLabel(r('signIn.email')).fill(designer.email);
    await page.getByLabel(r('signIn.password')).fill(designer.password);
    await page.getByRole('button', { name: r('signIn.submit') }).click();
    await page.getByRole('heading', { level: 1, name: e('heading', { title: 'Desk check' }) }).waitFor();
    // A blank survey has no question: the checker says so at the top.
    await page.getByRole('heading', { name: e('problems.title', { count: 1 }) }).waitFor();
    await page.getByText('needs at least one question').first().waitFor();
    await page.getByText(e('outline.empty')).waitFor();
    // Publishing it now is refused, and nothing is published.
    await page.getByRole('button', { name: e('publish.button', { version: 1 }) }).click();
    await page.getByRole('alert').filter({ hasText: e('publish.invalid') }).waitFor();
    expect(readDb('select version from survey_versions where survey_id = ?', SURVEY_ID)).toEqual([]);

    // q1: yes / no with the service desk pictogram.
    await addQuestion('yesno');
    await page.getByLabel(e('item.text', { language: 'English' })).fill('Was the desk open when you came?');
    await choosePictogram(e('item.pictogram'), 'yes', 'service-desk');

    // q2: single choice, two choices with their pictograms, shown only when q1 is yes.
    await addQuestion('single');
    await page.getByLabel(e('item.text', { language: 'English' })).fill('What did you come for?');
    await page.getByLabel(e('choices.label', { number: 1, language: 'English' })).fill('Money');
    await page.getByLabel(e('choices.label', { number: 2, language: 'English' })).fill('Transport');
    await choosePictogram(e('choices.pictogram', { number: 1 }), 'yes', 'money');
    await choosePictogram(e('choices.pictogram', { number: 2 }), 'no', 'transport');
    await page.getByRole('button', { name: e('relevance.addRow') }).click();
    await expect.poll(() => page.getByLabel(e('relevance.question', { number: 1 })).inputValue()).toBe('q1');
    await page.getByLabel(e('relevance.value', { number: 1 })).selectOption({ label: e('relevance.yes') });

    // q3: five faces.
    await addQuestion('faces');
    await page.getByLabel(e('item.text', { language: 'English' })).fill('How was the service?');
    await saved();
    await page.getByText(e('problems.none')).waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);

    // Arabic, side by side: six texts missing and marked, then written, then none missing.
    await page.getByRole('button', { name: e('views.translations') }).click();
    await page.getByLabel(e('translations.addLabel')).selectOption('ar');
    await page.getByRole('button', { name: e('translations.add'), exact: true }).click();
    const arabicCell = (row: string) => page.getByRole('textbox', { name: e('translations.cell', { text: row, language: 'Arabic (ar)' }), exact: true });
    await arabicCell(e('translations.roles.title')).waitFor();
    const missingMarks = page.locator('.ed-texts td.ed-missing');
    expect(await missingMarks.count()).toBe(Object.keys(ARABIC).length);
    await expect.poll(() => page.locator('.ed-languages tr', { hasText: 'Arabic (ar)' }).textContent()).toContain(e('translations.missingCount', { count: 6 }));
    // Until saved the checker lists each missing Arabic text, linked to its cell.
    await saved();
    await page.getByRole('heading', { name: e('problems.title', { count: 6 }) }).waitFor();
    for (const [row, words] of Object.entries(ARABIC)) {
      expect(await arabicCell(row).getAttribute('aria-invalid')).toBe('true');
      await arabicCell(row).fill(words);
    }
    expect(await missingMarks.count()).toBe(0);
    await expect.poll(() => page.locator('.ed-languages tr', { hasText: 'Arabic (ar)' }).textContent()).toContain(e('translations.missingCount', { count: 0 }));
    await saved();
    await page.getByText(e('problems.none')).waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);

    // The real kiosk in the tablet frame, in Arabic, right to left, showing the draft's first question.
    await page.getByLabel(e('preview.language')).selectOption('ar');
    await preview().getByRole('heading', { level: 1, name: ARABIC[e('translations.roles.question', { id: 'q1' })]! }).waitFor({ timeout: 20_000 });
    const frame = page.frames().find((f) => f.url().includes(`preview=${SURVEY_ID}`))!;
    expect(await frame.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'ar']);
    expect(frame.url()).toContain('draft=1');
    // Picking a question opens the preview at it (the condition on the earlier question left out there).
    await page.getByRole('button', { name: e('views.questions') }).click();
    await page.getByRole('button', { name: /q2 · / }).click();
    await preview().getByRole('heading', { level: 1, name: ARABIC[e('translations.roles.question', { id: 'q2' })]! }).waitFor({ timeout: 20_000 });
    // An edit shows in the frame without saving or publishing.
    await page.getByRole('button', { name: /q1 · / }).click();
    await page.getByRole('button', { name: e('views.translations') }).click();
    await arabicCell(e('translations.roles.question', { id: 'q1' })).fill('هل كان المكتب مفتوحًا اليوم؟');
    await preview().getByRole('heading', { level: 1, name: 'هل كان المكتب مفتوحًا اليوم؟' }).waitFor({ timeout: 20_000 });
    await saved();
    ARABIC[e('translations.roles.question', { id: 'q1' })] = 'هل كان المكتب مفتوحًا اليوم؟';

    // Audio coverage: nobody recorded this new survey yet, so its five prompts are silent in both languages, and listed.
    await page.getByRole('button', { name: e('views.audio') }).click();
    const arabicGaps = page.getByRole('region', { name: e('audio.gapsOf', { language: 'Arabic (ar)', count: 5 }) });
    await arabicGaps.waitFor();
    expect(await arabicGaps.getByRole('listitem').allTextContents()).toEqual([
      `${SURVEY_ID}.q1 هل كان المكتب مفتوحًا اليوم؟`, `${SURVEY_ID}.q2 لماذا جئت؟`, `${SURVEY_ID}.q2.a المال`, `${SURVEY_ID}.q2.b النقل`, `${SURVEY_ID}.q3 كيف كانت الخدمة؟`,
    ]);
    await page.getByRole('region', { name: e('audio.gapsOf', { language: 'English (en)', count: 5 }) }).waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);
  });

  it('publishes version 1; an enrolled tablet receives it in its bundle and a resident answers it in Arabic', async () => {
    await page.getByRole('button', { name: e('publish.button', { version: 1 }) }).click();
    await page.getByRole('status').filter({ hasText: e('publish.done', { version: 1 }) }).waitFor();
    expect(readDb<{ version: number }>('select version from survey_versions where survey_id = ?', SURVEY_ID).map((row) => row.version)).toEqual([1]);

    const api = await designerApi();
    const published = parseSurvey(await (await api.get(`/staff/authoring/surveys/${SURVEY_ID}/versions/1`)).json());
    expect(published.ok).toBe(true);
    const survey = (published as { survey: SurveyDefinition }).survey;
    expect(survey.languages).toEqual(['en', 'ar']);
    expect(survey.items.map((item) => [item.id, item.kind, item.pictogram])).toEqual([['q1', 'yesno', 'service-desk'], ['q2', 'single', 'survey'], ['q3', 'faces', 'face-3']]);
    expect(survey.items[1]).toMatchObject({ relevant: { q: 'q1', equals: true }, choices: [{ value: 'a', pictogram: 'money' }, { value: 'b', pictogram: 'transport' }] });

    const tablet = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    try {
      const kiosk = await tablet.newPage();
      await kiosk.goto(`${server.url}/`);
      await kiosk.waitForFunction(() => Boolean(navigator.serviceWorker.controller), undefined, { timeout: 30_000 });
      await enrollInBrowser(kiosk, seeded.facilityA.code);
      await kiosk.goto(`${server.url}/?survey=${SURVEY_ID}`);
      const driver = new KioskDriver(kiosk, survey, 'ar');
      await driver.startFromAttract();
      const tapped = await driver.answerQuestions((question) => (question.kind === 'yesno' ? true : question.kind === 'single' ? 'b' : question.kind === 'faces' ? 4 : undefined));
      expect(tapped).toEqual({ q1: true, q2: 'b', q3: 4 });
      await kiosk.getByRole('heading', { name: loadLocale('ar')('thanks.title') }).waitFor();
      await until(() => readDb('select id from responses where survey_id = ?', SURVEY_ID).length === 1, 'the response reached the server');
      const [row] = readDb<{ survey_version: number; language: string; facility_id: string; status: string }>('select survey_version, language, facility_id, status from responses where survey_id = ?', SURVEY_ID);
      expect(row).toEqual({ survey_version: 1, language: 'ar', facility_id: seeded.facilityA.id, status: 'complete' });
    } finally {
      await tablet.close();
    }
  });

  it('edits again from version 1, meets a colleague\'s save without overwriting it, and publishes version 2, leaving version 1 as it was', async () => {
    await page.getByRole('button', { name: e('editAgain', { version: 1 }) }).click();
    await page.getByRole('button', { name: e('views.questions') }).click();
    // A colleague saves the draft meanwhile (another tab, another person).
    const api = await designerApi();
    const theirs = (await (await api.get(`/staff/authoring/surveys/${SURVEY_ID}/draft`)).json()) as { revision: number; definition: SurveyDefinition };
    const colleague = await api.put(`/staff/authoring/surveys/${SURVEY_ID}/draft`, { revision: theirs.revision, definition: { ...theirs.definition, title: { ...theirs.definition.title, en: 'Desk check (colleague)' } } });
    expect(colleague.status).toBe(200);
    await page.getByLabel(e('survey.name', { language: 'English' })).fill('Mine, not saved');
    await page.getByRole('alert').filter({ hasText: e('save.conflictText') }).waitFor();
    await page.getByRole('button', { name: e('save.reload') }).click();
    await page.getByRole('heading', { level: 1, name: e('heading', { title: 'Desk check (colleague)' }) }).waitFor();
    await page.getByRole('button', { name: /q3 · / }).click();
    await page.getByLabel(e('item.text', { language: 'English' })).fill('How was the service today?');
    await page.getByLabel(e('item.faces')).selectOption('3');
    await saved();
    expect(await seriousAxeFindings(page)).toEqual([]);
    await page.getByRole('button', { name: e('publish.button', { version: 2 }) }).click();
    await page.getByRole('status').filter({ hasText: e('publish.done', { version: 2 }) }).waitFor();

    const versions = (await (await api.get(`/staff/authoring/surveys/${SURVEY_ID}/versions`)).json()) as { versions: Array<{ version: number }> };
    expect(versions.versions.map((v) => v.version)).toEqual([1, 2]);
    const v1 = (await (await api.get(`/staff/authoring/surveys/${SURVEY_ID}/versions/1`)).json()) as SurveyDefinition;
    const v2 = (await (await api.get(`/staff/authoring/surveys/${SURVEY_ID}/versions/2`)).json()) as SurveyDefinition;
    expect([v1.version, v1.items[2]]).toMatchObject([1, { text: { en: 'How was the service?' }, faces: 5 }]);
    expect([v2.version, v2.title.en, v2.items[2]]).toMatchObject([2, 'Desk check (colleague)', { text: { en: 'How was the service today?', ar: 'كيف كانت الخدمة؟' }, faces: 3 }]);
    expect(v1.title.en).toBe('Desk check');
  });

  it('adds a group with a question inside, moves and deletes items, shows a duplicate id at its field and a condition a kind change broke', async () => {
    await page.getByRole('button', { name: e('editAgain', { version: 2 }) }).click();
    await page.getByRole('button', { name: e('views.questions') }).click();
    await page.getByRole('button', { name: /q3 · / }).click();
    await page.getByRole('button', { name: e('outline.addGroup') }).click();
    await page.getByLabel(e('item.groupTitle', { language: 'English' })).fill('About the waiting room');
    await page.getByLabel(e('outline.kind')).selectOption('rating');
    await page.getByRole('button', { name: e('outline.addToGroup') }).click();
    await page.getByLabel(e('item.text', { language: 'English' })).fill('How long did you wait?');
    await page.getByLabel(e('item.scale')).selectOption('1-5');
    const outline = () => page.locator('.ed-outline-pick').allTextContents();
    await expect.poll(outline).toEqual([
      expect.stringContaining('q1 · '), expect.stringContaining('q2 · '), expect.stringContaining('q3 · '),
      expect.stringContaining('group1 · About the waiting room'), expect.stringContaining('q4 · '), expect.stringContaining('q5 · How long did you wait?'),
    ]);
    // q4 (the group's first question, yes / no) moves below q5, then goes.
    await page.getByRole('button', { name: e('outline.down', { id: 'q4' }) }).click();
    await expect.poll(async () => (await outline()).slice(4).map((text) => text.split(' · ')[0]!.slice(-2))).toEqual(['q5', 'q4']);
    await page.getByRole('button', { name: e('outline.delete', { id: 'q4' }) }).click();
    await expect.poll(async () => (await outline()).length).toBe(5);
    // A duplicate id: the checker's words under the id field, and a link to it at the top.
    await page.getByRole('button', { name: /q5 · / }).click();
    await page.getByLabel(e('item.id'), { exact: true }).fill('q1');
    await page.getByLabel(e('item.id'), { exact: true }).press('Enter');
    await saved();
    await page.getByRole('link', { name: /already used/ }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('ed-item-3-0-id');
    expect(await page.locator('#ed-item-3-0-id').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#ed-item-3-0-id-problems').textContent()).toContain('already used');
    // q1 becomes a single choice: q2's condition "q1 is yes" can no longer hold, and its row says so.
    await page.getByRole('button', { name: /^Yes \/ no\s*q1 · / }).click();
    await page.getByLabel(e('item.kind'), { exact: true }).selectOption('single');
    await page.getByRole('button', { name: /q2 · / }).click();
    await page.getByText(e('relevance.misfit', { id: 'q1' })).waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);
  });
});
