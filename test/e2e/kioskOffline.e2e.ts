import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answers } from '../../src/survey/answers.ts';
import { PREFER_NOT_TO_ANSWER } from '../../src/survey/answers.ts';
import type { Question } from '../../src/survey/schema.ts';
import { loadBuiltInSurvey, loadLocale } from './support/builtIns.ts';
import { KioskDriver, readTabletStore } from './support/kioskDriver.ts';
import { launchChromium } from './support/launchChromium.ts';
import { startAppServer, startTripwire, type RunningServer } from './support/startAppServer.ts';
import { useAppInBrowser } from './support/useAppInBrowser.ts';
import { waitInPage } from './support/waitInPage.ts';

const survey = loadBuiltInSurvey('resident-satisfaction');
const en = loadLocale('en');

/** Not satisfied with the room (two reasons, score 3), content with the rest, declines the age question. */
function residentScript(question: Question) {
  if (question.id === 'room.satisfied') return false;
  if (question.id === 'room.reasons' && question.kind === 'multi') return question.choices.slice(0, 2).map((c) => c.value);
  if (question.id === 'room.score') return 3;
  if (question.id === 'room.comment') return 'Noise at night';
  if (question.kind === 'yesno') return true;
  if (question.kind === 'rating') return 8;
  if (question.id === 'about_you.age') return PREFER_NOT_TO_ANSWER;
  return undefined;
}

async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await waitInPage(page, async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return Boolean(registration?.active && navigator.serviceWorker.controller);
  }, undefined, { timeout: 30_000 });
}

async function completeSurvey(page: Page, language: string, expected: Answers[]): Promise<void> {
  const driver = new KioskDriver(page, survey, language);
  await driver.startFromAttract();
  const answers = await driver.answerQuestions(residentScript);
  await page.getByRole('heading', { name: driver.t('thanks.title') }).waitFor();
  expected.push(answers);
  // Back to the attract screen by itself after the thank-you.
  await page.clock.runFor(9_000);
  await page.getByRole('button', { name: en('attract.start'), exact: true }).waitFor();
}

describe('the kiosk, offline', () => {
  let browser: Browser;
  let context: BrowserContext;
  let server: RunningServer;
  let tripwire: RunningServer | undefined;

  beforeAll(async () => {
    server = await startAppServer();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop().catch(() => undefined);
    await tripwire?.stop();
  });

  it('takes an Arabic and a Tigrinya survey and an abandoned one, with no network after the first visit, and keeps exactly what was tapped', async () => {
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(server.url);
    await waitForServiceWorkerControl(page);

    const completed: Answers[] = [];
    await completeSurvey(page, 'ar', completed);
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['en', 'ltr']);

    // The network goes away: the server stops and a tripwire takes its port to catch any request.
    await server.stop();
    tripwire = await startTripwire(server.port);
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('button', { name: en('attract.start'), exact: true }).waitFor();

    await completeSurvey(page, 'ti', completed);

    // A third person answers three questions in Arabic and walks away.
    const third = new KioskDriver(page, survey, 'ar');
    await third.startFromAttract();
    const abandoned = await third.answerQuestions(residentScript, 3);
    await page.clock.runFor(91_000);
    await page.getByRole('alertdialog', { name: third.t('idle.title') }).waitFor();
    await page.clock.runFor(31_000);
    await page.getByRole('button', { name: en('attract.start'), exact: true }).waitFor();
    // The next person sees nothing of the last one.
    expect(await page.locator('body').innerText()).not.toContain(third.t('answer.yes'));

    const stored = await readTabletStore(page);
    const byStatus = (status: string) => stored.responses.filter((r) => r.status === status);
    expect(byStatus('complete').map((r) => r.language).sort()).toEqual(['ar', 'ti']);
    expect(byStatus('complete').map((r) => r.answers)).toEqual(expect.arrayContaining(completed));
    expect(byStatus('partial')).toHaveLength(1);
    expect(byStatus('partial')[0]).toMatchObject({ language: 'ar', closedReason: 'idle', answers: abandoned });
    expect(byStatus('draft')).toHaveLength(0);
    expect(stored.outbox.map((e) => e.responseId).sort()).toEqual(stored.responses.map((r) => r.id).sort());
    // Only the background filling of the audio cache may still have been on its way out
    // (clips of other languages), and the browser's own check for a new app version
    // (/sw.js, once its worker is idle); the kiosk itself asked the network for nothing.
    expect(tripwire.requests.filter((url) => !url.startsWith('/audio/') && url !== '/sw.js')).toEqual([]);
  });

});

describe('the kiosk, reloaded mid-survey', () => {
  const env = useAppInBrowser();

  it('closes a survey interrupted by a reload as partial, and shows the next person the attract screen', async () => {
    const page = await env.browser.newPage();
    await page.goto(env.server.url);
    const driver = new KioskDriver(page, survey, 'en');
    await driver.startFromAttract();
    const given = await driver.answerQuestions(residentScript, 2);
    // Each tap is its own IndexedDB write, committed within milliseconds: wait for the last one (3 taps: "no", two reasons).
    await waitInPage(page, async () => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const request = indexedDB.open('sayso');
        request.onsuccess = () => resolve(request.result);
      });
      const events = await new Promise<number>((resolve) => {
        const request = db.transaction('answerEvents').objectStore('answerEvents').count();
        request.onsuccess = () => resolve(request.result);
      });
      db.close();
      return events === 3;
    }, undefined);
    await page.reload();
    await page.getByRole('button', { name: en('attract.start'), exact: true }).waitFor();
    await waitInPage(page, async () => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const request = indexedDB.open('sayso');
        request.onsuccess = () => resolve(request.result);
      });
      const drafts = await new Promise<number>((resolve) => {
        const request = db.transaction('responses').objectStore('responses').index('status').count('draft');
        request.onsuccess = () => resolve(request.result);
      });
      db.close();
      return drafts === 0;
    }, undefined);
    const stored = await readTabletStore(page);
    const interrupted = stored.responses.filter((r) => r.closedReason === 'reload');
    expect(interrupted).toHaveLength(1);
    expect(interrupted[0]).toMatchObject({ status: 'partial', language: 'en', answers: given });
    expect(stored.outbox.map((e) => e.responseId)).toContain(interrupted[0]!.id);
    await page.close();
  });
});
