import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSerial } from '../../src/survey/paper/paperSerial.ts';
import { loadBuiltInSurvey, loadLocale } from './support/builtIns.ts';
import { launchChromium } from './support/launchChromium.ts';
import { seriousAxeFindings } from './support/runAxe.ts';
import { seedVisits, startVisitServer } from './support/seedVisits.ts';

const r = loadLocale('en', 'results');
const ar = loadLocale('ar', 'results');
const day = (iso: string, language = 'en') => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`));
const survey = loadBuiltInSurvey('monitoring-visit');
const itemText = (id: string, language = 'en') => {
  const find = (items: typeof survey.items): string | undefined => {
    for (const item of items) {
      if (item.kind !== 'group') continue;
      if (item.id === id) return item.title[language];
      const inner = find(item.items);
      if (inner) return inner;
    }
    return undefined;
  };
  return find(survey.items)!;
};
/** An inspector's note that would run script if the screen rendered it as HTML. */
const NOTE = 'Cold meals <b>twice</b> a week <img src=x onerror="document.title=\'pwned\'">';

describe('the monitoring visit report in the staff screens, in Chromium', () => {
  let dir: string;
  let server: Awaited<ReturnType<typeof startVisitServer>>;
  let seeded: Awaited<ReturnType<typeof seedVisits>>;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sayso-visits-'));
    const dbPath = join(dir, 'sayso.db');
    seeded = await seedVisits(dbPath, [
      // Older: a critical issue on fire safety (observation), nothing else.
      { filledOn: '2026-10-02', answers: { centre_type: 'cas', 'safety.fire.observation': 'critical', 'safety.fire.managing_body': 'critical' } },
      // Newer: a critical issue on meals with a note, and a disagreement on the rooms.
      {
        filledOn: '2026-11-24',
        answers: {
          centre_type: 'cas', 'visit.mediator_present': true,
          'food.meals.observation': 'critical', 'food.meals.resident_interview': 'critical', 'food.meals.managing_body': 'effective', 'food.meals.notes': NOTE,
          'accommodation.rooms.observation': 'effective', 'accommodation.rooms.resident_interview': 'partial', 'accommodation.rooms.managing_body': 'effective',
        },
      },
    ]);
    server = await startVisitServer(dbPath);
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows an inspector the facility\'s visits, newest first: critical issues, then disagreements, then counts per source', async () => {
    await page.goto(`${server.url}/staff`);
    await page.getByLabel(r('signIn.email')).fill(seeded.inspector.email);
    await page.getByLabel(r('signIn.password')).fill(seeded.inspector.password);
    await page.getByRole('button', { name: r('signIn.submit') }).click();
    await page.getByRole('navigation', { name: r('nav.label') }).getByRole('link', { name: r('visits.nav') }).click();
    await page.getByRole('heading', { level: 1, name: r('visits.title') }).waitFor();

    const newer = page.getByRole('article', { name: r('visits.visitTitle', { day: day('2026-11-24') }) });
    const older = page.getByRole('article', { name: r('visits.visitTitle', { day: day('2026-10-02') }) });
    await newer.waitFor();
    const titles = await page.getByRole('article').getByRole('heading', { level: 2 }).allTextContents();
    expect(titles).toEqual([r('visits.visitTitle', { day: day('2026-11-24') }), r('visits.visitTitle', { day: day('2026-10-02') })]);
    await newer.getByText(formatSerial(seeded.serials[1]!), { exact: true }).waitFor();

    // Critical issues first, then disagreements, then the counts: the order of the headings.
    expect(await newer.getByRole('heading', { level: 3 }).allTextContents()).toEqual([r('visits.criticalTitle'), r('visits.disagreementsTitle'), r('visits.countsTitle')]);
    const critical = newer.getByRole('region', { name: r('visits.criticalTitle') });
    await critical.getByText(itemText('food.meals'), { exact: true }).waitFor();
    await critical.getByText(r('visits.criticalBy', { sources: `${r('visits.sources.observation')}, ${r('visits.sources.resident-interview')}` }), { exact: true }).waitFor();
    // The note as text: its markup shown, never run.
    await critical.getByText(`${r('visits.notesLabel')} ${NOTE}`, { exact: true }).waitFor();
    expect(await page.locator('.sw-visit img[src="x"]').count()).toBe(0);
    expect(await page.title()).not.toBe('pwned');

    const disagreements = newer.getByRole('table', { name: r('visits.disagreementsCaption', { area: 'Accommodation and hygiene' }) });
    const row = disagreements.getByRole('row', { name: new RegExp(itemText('accommodation.rooms')) });
    expect((await row.getByRole('cell').allTextContents()).map((s) => s.trim())).toEqual([r('visits.ratings.effective'), r('visits.ratings.partial'), r('visits.ratings.effective')]);

    const counts = newer.getByRole('table', { name: r('visits.countsCaption', { day: day('2026-11-24') }) });
    expect(await counts.getByRole('row', { name: new RegExp(`^${r('visits.sources.resident-interview')}`) }).getByRole('cell').allTextContents()).toEqual(['0', '1', '1']);

    await older.getByRole('region', { name: r('visits.criticalTitle') }).getByText(itemText('safety.fire'), { exact: true }).waitFor();
    await older.getByText(r('visits.disagreementsNone'), { exact: true }).waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);
  });

  it('prints the reports without the navigation', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: r('nav.label') }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: r('visits.print') }).isVisible()).toBe(false);
    expect(await page.getByRole('article').first().isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
  });

  it('lays the report out right to left in Arabic, without axe findings', async () => {
    await page.getByLabel(r('language.label')).selectOption('ar');
    await page.getByRole('heading', { level: 1, name: ar('visits.title') }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'ar']);
    await page.getByRole('article', { name: ar('visits.visitTitle', { day: day('2026-11-24', 'ar') }) }).getByRole('region', { name: ar('visits.criticalTitle') }).getByText(itemText('food.meals', 'ar'), { exact: true }).waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);
  });
});
