import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/server/db/createDatabase.ts';
import { createEnrollmentCode } from '../../src/server/queries/enrollments.ts';
import { languageInfo } from '../../src/survey/languages.ts';
import { appPrompts, questionPromptKey, questionSpokenText, surveyPrompts, translateFromBundles } from '../../src/survey/prompts.ts';
import type { Question } from '../../src/survey/schema.ts';
import { listQuestions } from '../../src/survey/walkItems.ts';
import { loadBuiltInSurvey, loadLocale } from './support/builtIns.ts';
import { enrollInBrowser } from './support/enrollInBrowser.ts';
import { KioskDriver } from './support/kioskDriver.ts';
import { launchChromium } from './support/launchChromium.ts';
import { seriousAxeFindings } from './support/runAxe.ts';
import { seedOrganisation, type SeededOrganisation } from './support/seedStaffResults.ts';
import { freePort, startServerProcess, type ServerProcess } from './support/serverProcess.ts';

const survey = loadBuiltInSurvey('resident-satisfaction');
const staff = loadLocale('en', 'staff');
const PIN = '246810';
// Pashto: espeak-ng has no voice for it, so no clip ships and recording is the only sound.
const LANGUAGE = 'ps';
const question: Question = listQuestions(survey.items)[0]!.question;
const KEY = questionPromptKey(survey.id, question);
const TEXT = questionSpokenText(question)[LANGUAGE]!;
/** Every prompt a Pashto respondent of the survey meets: all silent on a tablet with no clip and no voice. */
const translate = translateFromBundles({ [LANGUAGE]: JSON.parse(readFileSync(`public/locales/${LANGUAGE}/kiosk.json`, 'utf8')) });
const PASHTO_PROMPTS = [...appPrompts([LANGUAGE], translate, (code) => languageInfo(code).nativeName), ...surveyPrompts(survey, translate)].filter((p) => p.text[LANGUAGE]).length;

interface StoredDraft {
  id: string;
  key: string;
  language: string;
  status: string;
  mime: string;
  bytes: number[];
  error?: string;
}

/** The prompt clips recorded on a tablet, read from its IndexedDB. */
function readDrafts(page: Page): Promise<StoredDraft[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('sayso');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const rows = await new Promise<Array<{ id: string; key: string; language: string; status: string; mime: string; audio: ArrayBuffer; error?: string }>>((resolve, reject) => {
      const request = db.transaction('mediaDrafts').objectStore('mediaDrafts').getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return rows.map(({ audio, ...rest }) => ({ ...rest, bytes: Array.from(new Uint8Array(audio)) }));
  });
}

/** The media index of the device bundle a tablet holds. */
function readBundleClips(page: Page): Promise<Array<{ key: string; language: string; url: string; mime: string; bytes: number; origin: string }>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open('sayso');
      request.onsuccess = () => resolve(request.result);
    });
    const row = await new Promise<{ value?: { bundle?: { media?: { clips?: [] } } } }>((resolve) => {
      const request = db.transaction('settings').objectStore('settings').get('bundle');
      request.onsuccess = () => resolve(request.result ?? {});
    });
    db.close();
    return row.value?.bundle?.media?.clips ?? [];
  });
}

async function until(check: () => Promise<boolean> | boolean, what: string, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** From the attract screen: unlock the staff panel with the device PIN and open its Audio tab. */
async function openAudioTab(page: Page) {
  await page.getByRole('button', { name: loadLocale('en')('attract.staff') }).click();
  await page.getByLabel(staff('unlock.pin')).fill(PIN);
  await page.getByRole('button', { name: staff('unlock.submit') }).click();
  await page.getByRole('tab', { name: staff('recorder.tabs.audio'), exact: true }).click();
  await page.getByRole('heading', { name: staff('coverage.title') }).waitFor();
  await page.getByLabel(staff('coverage.survey')).selectOption(survey.id);
  await page.getByLabel(staff('coverage.language'), { exact: true }).selectOption(LANGUAGE);
}

const promptRow = (page: Page) => page.getByRole('listitem').filter({ hasText: TEXT });

describe('a prompt recorded on one tablet reaches another through the server', () => {
  let dir: string;
  let server: ServerProcess;
  let seeded: SeededOrganisation;
  let thirdCode: string;
  let browser: Browser;
  let deniedBrowser: Browser;
  let tabletA: BrowserContext;
  let recorded: StoredDraft;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sayso-recording-e2e-'));
    const dbPath = join(dir, 'sayso.db');
    seeded = await seedOrganisation(dbPath);
    const database = createDatabase({ sqlitePath: dbPath });
    try {
      thirdCode = (await createEnrollmentCode(database.db, { facilityId: seeded.facilityA.id })).code;
    } finally {
      await database.close();
    }
    server = await startServerProcess({ port: await freePort(), dbPath });
    // A fake microphone (a beep) that is allowed without asking; sound plays without a tap.
    browser = await launchChromium({ extraArgs: ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', '--autoplay-policy=no-user-gesture-required'] });
    // The same fake microphone, but the permission question is left to the browser, which refuses it.
    deniedBrowser = await launchChromium({ extraArgs: ['--use-fake-device-for-media-stream', '--autoplay-policy=no-user-gesture-required'] });
  });
  afterAll(async () => {
    await browser?.close();
    await deniedBrowser?.close();
    await server?.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  it('tablet A shows Pashto as a gap, records the first question in Pashto, plays it back and publishes it', async () => {
    tabletA = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    const page = await tabletA.newPage();
    await page.goto(`${server.url}/?survey=${survey.id}`);
    await enrollInBrowser(page, seeded.facilityA.code, PIN);
    await openAudioTab(page);

    // Pashto has no shipped clip and no device voice here: every prompt is silent, and the table says so in words.
    const pashto = page.locator('tr[data-language="ps"]');
    await expect.poll(() => pashto.textContent()).toContain(staff('coverage.gapNoVoice', { silent: PASHTO_PROMPTS }));
    await expect.poll(() => promptRow(page).textContent()).toContain(staff('coverage.heard.none'));
    expect(await seriousAxeFindings(page)).toEqual([]);

    await promptRow(page).getByRole('button', { name: staff('coverage.record') }).click();
    await page.getByRole('heading', { name: staff('recorder.title', { language: 'Pashto' }) }).waitFor();
    await expect.poll(() => page.locator('.recorder__text').textContent()).toBe(TEXT);

    await page.getByRole('button', { name: staff('recorder.record'), exact: true }).click();
    await page.getByRole('timer').waitFor();
    await page.waitForTimeout(2_000);
    await page.getByRole('button', { name: staff('recorder.stop') }).click();
    await page.getByRole('status').filter({ hasText: staff('recorder.status.draft') }).waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);

    // Stored the moment it stopped: a WebM (EBML) file of the fake microphone's beep.
    const [draft] = await readDrafts(page);
    expect(draft).toMatchObject({ key: KEY, language: LANGUAGE, status: 'draft' });
    expect(draft!.mime).toMatch(/^audio\/webm/);
    expect(draft!.bytes.slice(0, 4)).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
    expect(draft!.bytes.length).toBeGreaterThan(1000);

    // Heard back from the tablet's own copy.
    await page.getByRole('button', { name: staff('recorder.listen') }).click();
    await page.waitForFunction(() => {
      const audio = document.querySelector<HTMLAudioElement>('.recorder audio');
      return Boolean(audio && audio.currentTime > 0.2);
    }, undefined, { timeout: 10_000 });

    // Recording again replaces the draft (one clip per prompt and language).
    await page.getByRole('button', { name: staff('recorder.recordAgain') }).click();
    await page.getByRole('timer').waitFor();
    await page.waitForTimeout(1_500);
    await page.getByRole('button', { name: staff('recorder.stop') }).click();
    await until(async () => {
      const drafts = await readDrafts(page);
      return drafts.length === 1 && drafts[0]!.id !== draft!.id;
    }, 'the new recording replaced the first');
    recorded = (await readDrafts(page))[0]!;

    await page.getByRole('button', { name: staff('recorder.publish') }).click();
    await page.getByRole('status').filter({ hasText: staff('recorder.status.published') }).waitFor({ timeout: 30_000 });
    const [published] = await readDrafts(page);
    expect(published).toMatchObject({ id: recorded.id, status: 'published', bytes: [] });

    // The same sync pass brought the bundle back with the clip: the coverage list says "recorded".
    await page.getByRole('button', { name: staff('recorder.close') }).click();
    await page.getByLabel(staff('coverage.language'), { exact: true }).selectOption(LANGUAGE);
    await expect.poll(() => promptRow(page).textContent(), { timeout: 10_000 }).toContain(staff('coverage.heard.recorded'));
  });

  it('tablet B gets the clip in its bundle, the server serves the very bytes A recorded, and the kiosk plays it for that question in Pashto', async () => {
    expect(recorded).toBeDefined();
    const tabletB = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    await tabletB.addInitScript(() => {
      const heard: unknown[] = [];
      (window as unknown as { heardPrompts: unknown[] }).heardPrompts = heard;
      window.addEventListener('sayso:prompt', (event) => heard.push((event as CustomEvent).detail));
    });
    const page = await tabletB.newPage();
    await page.goto(`${server.url}/?survey=${survey.id}`);
    await enrollInBrowser(page, seeded.facilityB.code, PIN);

    const clips = await readBundleClips(page);
    const clip = clips.find((c) => c.key === KEY && c.language === LANGUAGE);
    expect(clip).toMatchObject({ origin: 'recorded', bytes: recorded.bytes.length });
    expect(clip!.url).toMatch(/^\/api\/v1\/media\//);
    const served = await fetch(`${server.url}${clip!.url}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toMatch(/^audio\/webm/);
    expect([...new Uint8Array(await served.arrayBuffer())]).toEqual(recorded.bytes);

    // The kiosk reads its media index when it starts and at each new attract screen; closing the
    // staff panel is neither, so the tablet starts again as after a restart.
    await page.reload();
    const driver = new KioskDriver(page, survey, LANGUAGE);
    await driver.startFromAttract();
    await driver.expectQuestion(question);
    const heard = () => page.evaluate(() => (window as unknown as { heardPrompts: Array<{ key: string; language: string; source: string; url?: string }> }).heardPrompts);
    await expect.poll(async () => (await heard()).find((p) => p.key === KEY && p.language === LANGUAGE), { timeout: 15_000 }).toMatchObject({ source: 'recorded', url: clip!.url });
    await tabletB.close();
  });

  it('keeps a clip published offline as "waiting to upload", and uploads it when the network returns', async () => {
    const page = tabletA.pages()[0]!;
    const second = listQuestions(survey.items)[1]!.question;
    const secondText = questionSpokenText(second)[LANGUAGE]!;
    const secondKey = questionPromptKey(survey.id, second);
    // Each group asks "what is the problem?" in the same words: the prompt key tells the rows apart.
    const row = () => page.getByRole('listitem').filter({ hasText: secondText }).filter({ hasText: staff('recorder.key', { key: secondKey }) });
    await tabletA.setOffline(true);
    await row().getByRole('button', { name: staff('coverage.record') }).click();
    await page.getByRole('button', { name: staff('recorder.record'), exact: true }).click();
    await page.getByRole('timer').waitFor();
    await page.waitForTimeout(1_000);
    await page.getByRole('button', { name: staff('recorder.stop') }).click();
    await page.getByRole('button', { name: staff('recorder.publish') }).click();
    await page.getByRole('status').filter({ hasText: staff('recorder.status.queued') }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: staff('recorder.close') }).click();
    await page.getByLabel(staff('coverage.language'), { exact: true }).selectOption(LANGUAGE);
    await expect.poll(() => row().textContent()).toContain(staff('recorder.status.queued'));
    const queued = (await readDrafts(page)).find((d) => d.key === secondKey)!;
    expect(queued).toMatchObject({ status: 'queued' });
    expect(queued.bytes.length).toBeGreaterThan(1000);

    // Back online: the sync scheduler wakes on the 'online' event and sends it.
    await tabletA.setOffline(false);
    await until(async () => (await readDrafts(page)).find((d) => d.id === queued.id)?.status === 'published', 'the queued clip is published');
    await page.getByRole('tab', { name: staff('recorder.tabs.sync') }).click();
    await page.getByRole('tab', { name: staff('recorder.tabs.audio'), exact: true }).click();
    await page.getByLabel(staff('coverage.survey')).selectOption(survey.id);
    await page.getByLabel(staff('coverage.language'), { exact: true }).selectOption(LANGUAGE);
    await expect.poll(() => row().textContent(), { timeout: 10_000 }).toContain(staff('coverage.heard.recorded'));
  });

  it('says clearly that the microphone is not allowed when the browser refuses it, and the panel keeps working', async () => {
    const context = await deniedBrowser.newContext({ viewport: { width: 1024, height: 768 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/?survey=${survey.id}`);
    await enrollInBrowser(page, thirdCode, PIN);
    await openAudioTab(page);
    await promptRow(page).getByRole('button', { name: staff('coverage.record') }).click();
    await page.getByRole('button', { name: staff('recorder.record'), exact: true }).click();
    await page.getByRole('alert').filter({ hasText: staff('recorder.problem.denied') }).waitFor({ timeout: 15_000 });
    expect(await readDrafts(page)).toEqual([]);
    // Nothing else broke: back to the list, and the sync tab still answers.
    await page.getByRole('button', { name: staff('recorder.close') }).click();
    await page.getByRole('tab', { name: staff('recorder.tabs.sync') }).click();
    await page.getByRole('heading', { name: staff('status.title') }).waitFor();
    // The kiosk's audio settings sit in the third tab.
    await page.getByRole('tab', { name: staff('recorder.tabs.audioSettings') }).click();
    await page.getByRole('tabpanel').getByRole('heading', { name: staff('audioSettings.title'), exact: true }).waitFor();
    await context.close();
  });
});
