import type { Page } from 'playwright-core';
import { loadLocale } from './builtIns.ts';
import { waitInPage } from './waitInPage.ts';

/** Enrolls the tablet in the page from its staff screen, and waits until its first sync brought the device bundle. */
export async function enrollInBrowser(page: Page, code: string, pin = '246810'): Promise<void> {
  const en = loadLocale('en');
  const staff = loadLocale('en', 'staff');
  await page.getByRole('button', { name: en('attract.staff') }).click();
  await page.getByLabel(staff('enroll.code')).fill(code);
  await page.getByLabel(staff('enroll.name')).fill('Common room tablet');
  await page.getByLabel(staff('enroll.pin'), { exact: true }).fill(pin);
  await page.getByLabel(staff('enroll.pinAgain')).fill(pin);
  await page.getByRole('button', { name: staff('enroll.submit') }).click();
  await page.getByRole('heading', { name: staff('status.title') }).waitFor();
  await waitInPage(page, async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open('sayso');
      request.onsuccess = () => resolve(request.result);
    });
    const bundle = await new Promise<unknown>((resolve) => {
      const request = db.transaction('settings').objectStore('settings').get('bundle');
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    return Boolean(bundle);
  }, undefined, { timeout: 30_000 });
  await page.getByRole('button', { name: staff('backToKiosk') }).click();
}
