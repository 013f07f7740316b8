import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLocale } from './support/builtIns.ts';
import { launchChromium } from './support/launchChromium.ts';
import { startAppServer, type RunningServer } from './support/startAppServer.ts';

const en = loadLocale('en');

describe('when the tablet cannot store answers', () => {
  let browser: Browser;
  let server: RunningServer;
  beforeAll(async () => {
    server = await startAppServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('tells staff, and starts no survey, when IndexedDB is unavailable (as in some private modes)', async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/?survey=centre-satisfaction`);
    await page.getByRole('heading', { name: en('staff.title') }).waitFor();
    expect(await page.getByRole('alert').innerText()).toContain(en('staff.storageUnavailable'));
    expect(await page.getByRole('button', { name: en('attract.start'), exact: true }).count()).toBe(0);
    await context.close();
  });

  it('tells staff, and starts no survey, when storage is full', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: server.url, quotaSize: 64 * 1024 });
    await page.goto(`${server.url}/?survey=centre-satisfaction`);
    await page.getByRole('button', { name: en('attract.start'), exact: true }).click();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: en('consent.agree') }).click();
    await page.getByRole('heading', { name: en('staff.title') }).waitFor();
    expect(await page.getByRole('alert').innerText()).toContain(en('staff.storageFull'));
    await context.close();
  });
});
