import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answers } from '../../src/survey/answers.ts';
import type { Question, SurveyDefinition } from '../../src/survey/schema.ts';
import { visibleQuestions } from '../../src/survey/visibleQuestions.ts';
import { listQuestions } from '../../src/survey/walkItems.ts';
import { loadBuiltInSurvey, loadLocale } from './support/builtIns.ts';
import { enrollInBrowser } from './support/enrollInBrowser.ts';
import { KioskDriver, readSpokenClips, readTabletStore } from './support/kioskDriver.ts';
import { launchChromium } from './support/launchChromium.ts';
import { seriousAxeFindings } from './support/runAxe.ts';
import { enrollTablet, seedOrganisation, type SeededOrganisation } from './support/seedStaffResults.ts';
import { freePort, startServerProcess, type ServerProcess } from './support/serverProcess.ts';
import { createDatabase } from '../../src/server/db/createDatabase.ts';
import { createEnrollmentCode } from '../../src/server/queries/enrollments.ts';

const survey: SurveyDefinition = loadBuiltInSurvey('resident-satisfaction');
const en = loadLocale('en');
const r = loadLocale('en', 'results');
const SPOKEN = 'closing.spoken';
const EBML = [0x1a, 0x45, 0xdf, 0xa3];

/** Content with everything: yes to each topic, 8 out of 10, and a spoken comment. */
const script = (question: Question) => (question.kind === 'yesno' ? true : question.kind === 'rating' ? 8 : undefined);

/** The screens a respondent answering by `script` meets. */
function screens() {
  const answers: Answers = {};
  for (const { question } of listQuestions(survey.items)) {
    const value = script(question);
    if (value !== undefined) answers[question.id] = value;
  }
  return visibleQuestions(survey, answers);
}
/** How many screens up to and including the spoken question. */
const screensToSpoken = () => screens().findIndex((p) => p.question.id === SPOKEN) + 1;


async function until(check: () => Promise<boolean> | boolean, what: string, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('a spoken comment, from a tablet\'s fake microphone to a manager\'s transcript', () => {
  let dir: string;
  let server: ServerProcess;
  let seeded: SeededOrganisation;
  let browser: Browser;
  let tablet: Page;
  let clipId: string;
  /** A second code for facility A: a code enrolls one tablet. */
  let secondCode: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sayso-spoken-e2e-'));
    const dbPath = join(dir, 'sayso.db');
    seeded = await seedOrganisation(dbPath);
    const database = createDatabase({ sqlitePath: dbPath });
    secondCode = (await createEnrollmentCode(database.db, { facilityId: seeded.facilityA.id })).code;
    await database.close();
    server = await startServerProcess({ port: await freePort(), dbPath });
    browser = await launchChromium({ extraArgs: ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', '--autoplay-policy=no-user-gesture-required'] });
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    await context.grantPermissions(['microphone'], { origin: server.url });
    tablet = await context.newPage();
    await tablet.goto(`${server.url}/?survey=resident-satisfaction`);
    await tablet.waitForFunction(() => Boolean(navigator.serviceWorker.controller), undefined, { timeout: 30_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.kill('SIGTERM');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is recorded after its own consent line, stored only sealed, and its bytes leave the tablet once uploaded', async () => {
    await enrollInBrowser(tablet, seeded.facilityA.code);
    // The session loaded the shipped survey before enrollment and keeps it until a reload (reported).
    await tablet.reload();
    await tablet.getByRole('button', { name: en('attract.start') }).waitFor();
    const driver = new KioskDriver(tablet, survey, 'en');
    await driver.startFromAttract();
    await driver.answerQuestions(script, screensToSpoken());

    // The consent line comes first: nothing records before the respondent agrees.
    await tablet.getByText(en('spoken.consent')).waitFor();
    expect(await tablet.getByRole('button', { name: en('spoken.record') }).count()).toBe(0);
    expect(await seriousAxeFindings(tablet)).toEqual([]);

    expect(await readSpokenClips(tablet)).toEqual([]);
    await driver.recordSpoken(2000);
    expect(await seriousAxeFindings(tablet)).toEqual([]);
    const [clip] = await readSpokenClips(tablet);
    expect(Object.keys(clip!).sort()).toEqual(['clipId', 'ct', 'durationMs', 'iv', 'mime', 'questionId', 'recordedAt', 'responseId']);
    const ct = clip!.ct as { bytes: number; head: number[] };
    // Sealed: a WebM file would start with the EBML magic.
    expect(ct.head).not.toEqual(EBML);
    expect(ct.bytes).toBeGreaterThan(1000);
    expect(clip!.durationMs as number).toBeGreaterThan(1500);
    expect(clip!.durationMs as number).toBeLessThan(4000);
    expect(clip!.mime as string).toMatch(/^audio\/webm/);
    clipId = clip!.clipId as string;

    // The rest is optional: skip it and finish.
    for (const { question } of screens().slice(screensToSpoken())) {
      await driver.goOn();
      await driver.expectQuestion(question);
    }
    await driver.goOn();
    await tablet.getByRole('heading', { name: en('thanks.title') }).waitFor();

    await until(async () => (await readTabletStore(tablet)).outbox.length === 0, 'the response is synced');
    await until(async () => Boolean((await readSpokenClips(tablet))[0]?.uploadedAt), 'the spoken comment is uploaded');
    const [uploaded] = await readSpokenClips(tablet);
    expect((uploaded!.ct as { bytes: number }).bytes).toBe(0);
    expect(uploaded!.clipId).toBe(clipId);
  });

  it('never reaches a device bundle, this tablet\'s or another\'s', async () => {
    const stored = await tablet.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const request = indexedDB.open('sayso');
        request.onsuccess = () => resolve(request.result);
      });
      const bundle = await new Promise<unknown>((resolve) => {
        const request = db.transaction('settings').objectStore('settings').get('bundle');
        request.onsuccess = () => resolve(request.result);
      });
      db.close();
      return JSON.stringify(bundle);
    });
    const other = await enrollTablet(server.url, seeded.facilityB.code, 'Another tablet');
    const fresh = await (await fetch(`${server.url}/api/v1/device/bundle`, { headers: { authorization: `Bearer ${other.token}` } })).text();
    for (const bundle of [stored, fresh]) {
      expect(bundle).not.toContain(clipId);
      expect(bundle).not.toContain('spoken-comments');
    }
  });

  it('is listed for the manager, plays as a WebM/Opus recording of about 2 s, and takes a transcript kept as text', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const staff = await context.newPage();
    await staff.goto(`${server.url}/staff`);
    await staff.getByLabel(r('signIn.email')).fill(seeded.manager.email);
    await staff.getByLabel(r('signIn.password')).fill(seeded.manager.password);
    await staff.getByRole('button', { name: r('signIn.submit') }).click();
    await staff.getByRole('link', { name: r('nav.comments') }).click();
    await staff.getByLabel(r('filters.survey')).selectOption('resident-satisfaction');
    await staff.getByRole('heading', { name: r('spokenComments.title') }).waitFor();

    const play = staff.getByRole('button', { name: r('spokenComments.play', { n: 1 }) });
    await play.waitFor();
    const [answer] = await Promise.all([staff.waitForResponse((res) => /\/api\/v1\/reports\/spoken-comments\/[^/]+\/audio$/.test(res.url())), play.click()]);
    expect(answer.status()).toBe(200);
    expect(answer.headers()['cache-control']).toBe('no-store');
    expect(answer.headers()['content-type']).toMatch(/^audio\/webm/);
    // The body as the page gets it (the service worker stands between, so read it in the page).
    const sound = Buffer.from(await staff.evaluate(async (url) => Array.from(new Uint8Array(await (await fetch(url)).arrayBuffer())), answer.url()));
    expect([...sound.subarray(0, 4)]).toEqual(EBML);
    expect(sound.includes(Buffer.from('webm'))).toBe(true);
    expect(sound.includes(Buffer.from('OpusHead'))).toBe(true);
    // ~2 s of 32 kbit/s Opus is about 8 KB: far more than a header, far less than a minute.
    expect(sound.length).toBeGreaterThan(3_000);
    expect(sound.length).toBeLessThan(60_000);
    await staff.locator('audio[controls]').waitFor();
    await staff.getByText(r('spokenComments.duration', { duration: '0:02' })).waitFor();
    expect(await seriousAxeFindings(staff)).toEqual([]);

    const hostile = 'She said <b>the heating</b> is broken <img src=x onerror="document.title=1">';
    await staff.getByLabel(r('spokenComments.transcript', { n: 1 })).fill(hostile);
    await staff.getByRole('button', { name: r('spokenComments.save', { n: 1 }) }).click();
    await staff.getByText(r('spokenComments.saved')).waitFor();

    await staff.reload();
    await staff.getByRole('heading', { name: r('spokenComments.title') }).waitFor();
    const field = staff.getByLabel(r('spokenComments.transcript', { n: 1 }));
    await field.waitFor();
    expect(await field.inputValue()).toBe(hostile);
    expect(await staff.locator('.sw-comments b, .sw-comments img').count()).toBe(0);
    await context.close();
  });

  it('says so when the microphone is refused, and the respondent skips on', async () => {
    // No fake UI: Chromium refuses the microphone, as a tablet whose permission was denied.
    const refusing = await launchChromium({ extraArgs: ['--use-fake-device-for-media-stream'] });
    try {
      const context = await refusing.newContext({ viewport: { width: 1024, height: 768 } });
      const page = await context.newPage();
      await page.goto(`${server.url}/?survey=resident-satisfaction`);
      await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller), undefined, { timeout: 30_000 });
      await enrollInBrowser(page, secondCode);
      await page.reload();
      const driver = new KioskDriver(page, survey, 'en');
      await driver.startFromAttract();
      await driver.answerQuestions(script, screensToSpoken());
      await page.getByRole('button', { name: en('spoken.agree') }).click();
      await page.getByRole('button', { name: en('spoken.record') }).click();
      await page.getByRole('alert').filter({ hasText: en('spoken.denied') }).waitFor();
      expect(await readSpokenClips(page)).toEqual([]);
      await page.getByRole('button', { name: en('nav.skip') }).click();
      await driver.expectQuestion(screens()[screensToSpoken()]!.question);
    } finally {
      await refusing.close();
    }
  });
});
