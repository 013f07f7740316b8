import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadLocale } from './support/builtIns.ts';
import { useAppInBrowser } from './support/useAppInBrowser.ts';

describe('a language file with a missing string', () => {
  const env = useAppInBrowser();

  it('shows the English words in its place and tells staff on the attract screen', async () => {
    // No service worker, so the page's own requests can be altered.
    const context = await env.browser.newContext({ serviceWorkers: 'block' });
    const french = JSON.parse(readFileSync('public/locales/fr/kiosk.json', 'utf8'));
    delete french.consent.agree;
    await context.route('**/locales/fr/kiosk.json', (route) => route.fulfill({ json: french }));
    const page = await context.newPage();
    const en = loadLocale('en');
    const fr = loadLocale('fr');

    await page.goto(env.server.url);
    await page.getByRole('button', { name: en('attract.start'), exact: true }).click();
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { name: fr('consent.title') }).waitFor();
    expect(await page.getByRole('button', { name: en('consent.agree') }).count()).toBe(1);

    await page.getByRole('button', { name: fr('consent.decline') }).click();
    const notices = page.getByRole('list', { name: en('staff.title') });
    await notices.waitFor();
    expect(await notices.innerText()).toContain(en('staff.translationMissing', { language: 'French', fallback: 'English' }));
    await context.close();
  });
});
