import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/survey/schema.ts';
import { loadBuiltInSurvey, loadLocale } from './support/builtIns.ts';
import { KioskDriver, readTabletStore } from './support/kioskDriver.ts';
import { useAppInBrowser } from './support/useAppInBrowser.ts';

const en = loadLocale('en');

describe('when the tablet cannot store answers', () => {
  const env = useAppInBrowser();

  it('tells staff, and starts no survey, when IndexedDB is unavailable (as in some private modes)', async () => {
    const context = await env.browser.newContext();
    await context.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
    });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/?survey=centre-satisfaction`);
    await page.getByRole('heading', { name: en('staff.title') }).waitFor();
    expect(await page.getByRole('alert').innerText()).toContain(en('staff.storageUnavailable'));
    expect(await page.getByRole('button', { name: en('attract.start'), exact: true }).count()).toBe(0);
    await context.close();
  });

  it('tells staff, and starts no survey, when storage is nearly full', async () => {
    const context = await env.browser.newContext();
    // Chromium's quota cannot be lowered from outside here, so the estimate reports it.
    await context.addInitScript(() => {
      navigator.storage.estimate = async () => ({ quota: 50 * 1024 * 1024, usage: 50 * 1024 * 1024 - 1024 });
    });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/?survey=centre-satisfaction`);
    await page.getByRole('button', { name: en('attract.start'), exact: true }).click();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: en('consent.agree') }).click();
    await page.getByRole('heading', { name: en('staff.title') }).waitFor();
    expect(await page.getByRole('alert').innerText()).toContain(en('staff.storageFull'));
    await context.close();
  });

  it('stops the survey with a message to staff when the disk fills mid-survey, keeping the answers stored before', async () => {
    const context = await env.browser.newContext();
    // From the moment the test says so, every IndexedDB write fails as a full disk does.
    await context.addInitScript(() => {
      for (const method of ['add', 'put'] as const) {
        const original = IDBObjectStore.prototype[method];
        IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: Parameters<typeof original>) {
          if ((window as unknown as { diskFull?: boolean }).diskFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          return original.apply(this, args);
        };
      }
    });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/?survey=centre-satisfaction`);
    const survey = loadBuiltInSurvey('centre-satisfaction');
    const driver = new KioskDriver(page, survey, 'en');
    await driver.startFromAttract();
    const first = survey.items[0] as Question;
    await driver.give(first, 'above');
    await driver.goOn();
    await page.evaluate(() => ((window as unknown as { diskFull: boolean }).diskFull = true));
    await driver.give(survey.items[1] as Question, 'below');
    await page.getByRole('heading', { name: en('staff.title') }).waitFor();
    expect(await page.getByRole('alert').innerText()).toContain(en('staff.storageFull'));
    await page.evaluate(() => ((window as unknown as { diskFull: boolean }).diskFull = false));
    const stored = await readTabletStore(page);
    expect(stored.responses).toHaveLength(1);
    expect(stored.responses[0]).toMatchObject({ status: 'draft' });
    await context.close();
  });
});
