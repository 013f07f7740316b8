import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashDevicePin } from '../../src/device/enrollmentRecord.ts';
import { PREFER_NOT_TO_ANSWER, type Answers } from '../../src/survey/answers.ts';
import type { Question } from '../../src/survey/schema.ts';
import { visibleQuestions } from '../../src/survey/visibleQuestions.ts';
import { hashTabletPin } from '../../src/survey/staffPins.ts';
import { loadBuiltInSurvey, loadLocale } from './support/builtIns.ts';
import { KioskDriver, readTabletStore } from './support/kioskDriver.ts';
import { chromiumPath } from './support/launchChromium.ts';
import { putDeviceSetting, waitForAppDatabase } from './support/promptFixtures.ts';
import { seriousAxeFindings } from './support/runAxe.ts';
import { startAppServer, type RunningServer } from './support/startAppServer.ts';

const survey = loadBuiltInSurvey('resident-satisfaction');
const en = loadLocale('en');
const staff = loadLocale('en', 'staff');
const COMMENT = 'The heating in block C is broken';

/** Not satisfied with the room, so the comment question comes, and types a comment there. */
function script(question: Question) {
  if (question.id === 'room.satisfied') return false;
  if (question.id === 'room.reasons' && question.kind === 'multi') return [question.choices[0]!.value];
  if (question.id === 'room.comment') return COMMENT;
  if (question.kind === 'yesno') return true;
  if (question.kind === 'rating') return 7;
  if (question.id === 'about_you.age') return PREFER_NOT_TO_ANSWER;
  return undefined;
}

/** Answers by the script from the `start`-th visible question to the end (the driver's answerQuestions starts at the first). */
async function finishFrom(driver: KioskDriver, start: number, answers: Answers): Promise<void> {
  for (let index = start; ; index++) {
    const placed = visibleQuestions(survey, answers)[index];
    if (!placed) return;
    await driver.expectQuestion(placed.question);
    const value = script(placed.question);
    if (value !== undefined) {
      await driver.give(placed.question, value);
      answers[placed.question.id] = value;
    }
    await driver.goOn();
  }
}

const attract = (page: Page) => page.getByRole('button', { name: en('attract.start'), exact: true });
/** Everything a person could read in the page: its text and what its fields hold. */
const bodyText = (page: Page) =>
  page.evaluate(() => [document.body.innerText, ...Array.from(document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea'), (field) => field.value)].join('\n'));
/** The history guard and kiosk lock load a few seconds after the first paint: wait until the guard holds its entry. */
const guardReady = (page: Page) => page.waitForFunction(() => (history.state as { saysoKiosk?: boolean } | null)?.saysoKiosk === true, undefined, { timeout: 15_000 });

describe('a shared tablet never shows the previous respondent', () => {
  let browser: Browser;
  let server: RunningServer;
  beforeAll(async () => {
    server = await startAppServer();
    // Playwright turns the back/forward cache off by default; a kiosk browser has it on.
    browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
      ignoreDefaultArgs: ['--disable-back-forward-cache'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('after a completed survey, browser back and reload show the attract screen, with no answer left in the page', async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    const page = await context.newPage();
    await page.goto(server.url);
    await guardReady(page);
    const driver = new KioskDriver(page, survey, 'en');
    await driver.startFromAttract();
    // Back on a question is the kiosk's own back: the question before.
    const [first, second] = visibleQuestions(survey, { 'room.satisfied': false }).map((placed) => placed.question);
    await driver.answerQuestions(script, 1);
    await driver.goOn();
    await driver.expectQuestion(second!);
    await page.goBack();
    await driver.expectQuestion(first!);
    // On from there to the end.
    await driver.goOn();
    await finishFrom(driver, 1, { 'room.satisfied': false });
    await page.getByRole('heading', { name: driver.t('thanks.title') }).waitFor();

    await page.goBack();
    await attract(page).waitFor({ timeout: 5000 });
    expect(await page.getByRole('heading', { name: driver.t('thanks.title') }).count()).toBe(0);
    expect(await bodyText(page)).not.toContain(COMMENT);
    // Back again on the attract screen: nothing happens, the app stays.
    await page.goBack();
    await attract(page).waitFor({ timeout: 5000 });
    expect(new URL(page.url()).origin).toBe(server.url);

    await page.reload();
    await attract(page).waitFor();
    expect(await bodyText(page)).not.toContain(COMMENT);
    const stored = await readTabletStore(page);
    expect(stored.responses.map((r) => r.status)).toEqual(['complete']);
    await context.close();
  });

  it('a page restored from the back/forward cache mid-survey shows the attract screen, and the draft is closed as partial', async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      const log: boolean[] = [];
      (window as unknown as { __pageshows: boolean[] }).__pageshows = log;
      addEventListener('pageshow', (event) => log.push(event.persisted));
    });
    await page.goto(server.url);
    await guardReady(page);
    const driver = new KioskDriver(page, survey, 'en');
    await driver.startFromAttract();
    // Up to and including the typed comment (the fourth question), then the respondent's page is left for another page of the site.
    await driver.answerQuestions(script, 4);
    expect(await bodyText(page)).toContain(COMMENT);
    await page.waitForTimeout(300);

    await page.goto(`${server.url}/icons/icon.svg`);
    // A page restored from the cache fires pageshow, not load.
    await page.goBack({ waitUntil: 'commit' });
    await attract(page).waitFor({ timeout: 10_000 });

    const restored = await page.evaluate(() => ({
      pageshows: (window as unknown as { __pageshows?: boolean[] }).__pageshows ?? null,
      type: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.type,
      notRestoredReasons: JSON.stringify((performance.getEntriesByType('navigation')[0] as unknown as { notRestoredReasons?: unknown } | undefined)?.notRestoredReasons ?? null),
    }));
    // The cache was really used (a fresh load would prove nothing about pagehide/pageshow): the same document came back.
    expect(restored.pageshows, `not restored from the back/forward cache: ${restored.notRestoredReasons}`).toEqual([false, true]);
    expect(await bodyText(page)).not.toContain(COMMENT);
    expect(await page.getByRole('textbox').count()).toBe(0);

    const stored = await readTabletStore(page);
    expect(stored.responses).toHaveLength(1);
    // Closed by the guard at pagehide (walked away), not left for a reload to find.
    expect(stored.responses[0]).toMatchObject({ status: 'partial', closedReason: 'idle' });
    expect(stored.responses[0]!.answers).toMatchObject({ 'room.comment': COMMENT });
    expect(stored.outbox.map((e) => e.responseId)).toEqual([stored.responses[0]!.id]);

    // And a reload mid-survey (no cache) closes the next draft as partial as before.
    await driver.startFromAttract();
    await driver.answerQuestions(script, 1);
    await page.waitForTimeout(300);
    await page.reload();
    await attract(page).waitFor();
    // The reloaded page closes the draft it finds as soon as its storage opens.
    await expect.poll(async () => (await readTabletStore(page)).responses.map((r) => r.status), { timeout: 10_000 }).toEqual(['partial', 'partial']);
    await context.close();
  });

  it('staff screens open with a personal PIN once five wrong ones have locked them with a message; the Kiosk tab holds full screen across touches and reloads', async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(server.url);
    await waitForAppDatabase(page);
    await putDeviceSetting(page, 'enrollment', {
      enrollmentId: 'e2e-enrollment', token: 'not-a-real-token', secret: 'c2VjcmV0', facilityId: 'f1', organisationId: 'o1',
      deviceName: 'Common room tablet', enrolledAt: new Date().toISOString(), pin: await hashDevicePin('246810'),
    });
    const verifier = { number: 4, ref: 'sr_e2eStaffReference0001', role: 'manager', uses: ['mediate', 'staff-screens'], ...(await hashTabletPin('918273', 100_000)) };
    await putDeviceSetting(page, 'bundle', { fetchedAt: new Date().toISOString(), bundle: { staffPinVerifiers: [verifier] } });

    await page.getByRole('button', { name: en('attract.staff') }).click();
    const number = page.getByLabel(staff('unlock.number'));
    const pin = page.getByLabel(staff('unlock.pin'), { exact: true });
    const submit = page.getByRole('button', { name: staff('unlock.submit') });
    const alert = page.getByRole('alert');
    await number.waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);
    for (let attempt = 1; attempt <= 4; attempt++) {
      await number.fill('4');
      await pin.fill(`10000${attempt}`);
      await submit.click();
      await expect.poll(() => alert.innerText()).toBe(staff('unlock.wrongAttempts', { attemptsLeft: 5 - attempt }));
    }
    await pin.fill('100005');
    await submit.click();
    await expect.poll(() => alert.innerText()).toBe(staff('unlock.locked', { minutes: 5 }));
    // Locked: the right PIN waits too, and so does the device PIN.
    await pin.fill('918273');
    await submit.click();
    await expect.poll(() => alert.innerText()).toBe(staff('unlock.locked', { minutes: 5 }));
    await number.fill('');
    await pin.fill('246810');
    await submit.click();
    await expect.poll(() => alert.innerText()).toMatch(/^Too many wrong PINs/);

    await page.clock.fastForward('05:01');
    await number.fill('4');
    await pin.fill('918273');
    await submit.click();
    await page.getByRole('tab', { name: staff('kioskLock.tab') }).click();

    // The Kiosk tab: turning the lock on asks for full screen inside the tap, and says what the browser did.
    await page.getByRole('button', { name: staff('kioskLock.turnOn') }).click();
    await page.getByText(staff('kioskLock.isOn')).waitFor();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
    await page.getByText(staff('kioskLock.fullscreen.on')).waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);
    // Headless Chromium may grant or refuse the wake lock: either way the tab says which.
    const wakeLockLine = await page.getByText(/^Screen kept awake:/).innerText();
    console.log(`kiosk tab, headless Chromium: ${wakeLockLine}`);
    expect(wakeLockLine === staff('kioskLock.wakeLock.on') || wakeLockLine.startsWith(staff('kioskLock.wakeLock.refused', { reason: '@' }).split('@')[0]!)).toBe(true);

    // Back in the kiosk, someone leaves full screen (a swipe, Esc): the next touch asks again.
    await page.getByRole('button', { name: staff('backToKiosk') }).click();
    await attract(page).waitFor();
    await page.evaluate(() => document.exitFullscreen());
    await expect.poll(() => page.evaluate(() => document.fullscreenElement === null)).toBe(true);
    await page.mouse.click(8, 8);
    await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);

    // The setting stays: after a reload the lock is on again (nobody opened its tab), and a touch goes full screen.
    await page.reload();
    await attract(page).waitFor();
    await page.clock.fastForward(4000);
    await guardReady(page);
    // Out of full screen first; a request still pending from the reload may enter it late, so leave again until out.
    await expect.poll(() => page.evaluate(async () => {
      if (document.fullscreenElement) await document.exitFullscreen().catch(() => undefined);
      return document.fullscreenElement === null;
    })).toBe(true);
    await expect.poll(async () => {
      await page.mouse.click(8, 8);
      return page.evaluate(() => document.fullscreenElement !== null);
    }).toBe(true);
    await context.close();
  });
});
