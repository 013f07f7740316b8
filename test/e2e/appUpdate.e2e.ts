import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBuiltInSurvey, loadLocale } from './support/builtIns.ts';
import { KioskDriver } from './support/kioskDriver.ts';
import { useAppInBrowser } from './support/useAppInBrowser.ts';
import { waitInPage } from './support/waitInPage.ts';

describe('a new app version', () => {
  // A copy of the build, so the test can publish a "new version" without touching dist/.
  let root = '';
  const env = useAppInBrowser({
    staticRoot: () => {
      root = mkdtempSync(join(tmpdir(), 'sayso-update-'));
      cpSync(process.env.SAYSO_DIST ?? 'dist', root, { recursive: true });
      return root;
    },
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  // The first visit installs the worker while the kiosk fills its audio cache in the
  // background: on a loaded machine the whole update can take over a minute.
  it('waits while a respondent is answering and is applied at the attract screen', { timeout: 300_000 }, async () => {
    const page = await (await env.browser.newContext()).newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(env.server.url);
    await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller), undefined, { timeout: 30_000 });
    const firstWorker = await page.evaluate(() => navigator.serviceWorker.controller!.scriptURL);
    expect(firstWorker).toContain('/sw.js');

    const survey = loadBuiltInSurvey('resident-satisfaction');
    const driver = new KioskDriver(page, survey, 'en');
    await driver.startFromAttract();
    await driver.answerQuestions(() => true, 1);
    await page.evaluate(() => ((window as unknown as { respondentMarker: number }).respondentMarker = 1));

    // Publish a new version: the worker script changes, the tablet finds it.
    appendFileSync(join(root, 'sw.js'), '\n// next release\n');
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    await waitInPage(page, async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting), undefined, { timeout: 60_000 });

    // The respondent is not interrupted: same page, same question, new worker still waiting.
    await page.waitForTimeout(1_000);
    expect(await page.evaluate(() => (window as unknown as { respondentMarker?: number }).respondentMarker)).toBe(1);
    await driver.expectQuestion(driver.survey.items[0]!.kind === 'group' ? (driver.survey.items[0]!.items[0] as never) : (driver.survey.items[0] as never));

    // At the attract screen the update is applied and the page reloads on the new version.
    await page.getByRole('button', { name: driver.t('nav.startOver') }).click();
    await page.getByRole('button', { name: driver.t('nav.startOverYes') }).click();
    await page.waitForFunction(() => !(window as unknown as { respondentMarker?: number }).respondentMarker, undefined, { timeout: 60_000 });
    await page.getByRole('button', { name: loadLocale('en')('attract.start'), exact: true }).waitFor();
    // The new worker takes over: none is left waiting (it may still be activating as the page comes back).
    await waitInPage(page, async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return !registration?.waiting && registration?.active?.state === 'activated';
    }, undefined, { timeout: 60_000 });
  });
});
