import { serve, type ServerType } from '@hono/node-server';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/createApp.ts';
import { createDatabase, type DatabaseHandle } from '../../src/server/db/createDatabase.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { hashToken } from '../../src/server/hashToken.ts';
import { createFacility, createOrganisation } from '../../src/server/queries/organisations.ts';
import { publishSurveyVersion } from '../../src/server/queries/surveyVersions.ts';
import { localDay } from '../../src/server/rollupCells.ts';
import { formatInvitationCode, makeInvitationCode } from '../../src/survey/invitations/invitationCode.ts';
import { languageInfo } from '../../src/survey/languages.ts';
import { parseSurvey } from '../../src/survey/parseSurvey.ts';
import type { Question, SurveyDefinition } from '../../src/survey/schema.ts';
import { seedInvitationWave } from '../server/invitations/seedInvitationWave.ts';
import { loadLocale } from './support/builtIns.ts';
import { KioskDriver } from './support/kioskDriver.ts';
import { launchChromium } from './support/launchChromium.ts';
import { seriousAxeFindings } from './support/runAxe.ts';
import { waitInPage } from './support/waitInPage.ts';

const parsed = parseSurvey(JSON.parse(readFileSync('test/survey/fixtures/mini-survey.json', 'utf8')));
if (!parsed.ok) throw new Error('fixture must be valid');
const mini: SurveyDefinition = parsed.survey;
const ar = loadLocale('ar');
const arInvitation = loadLocale('ar', 'invitation');
const enInvitation = loadLocale('en', 'invitation');
const ZONE = 'Europe/Brussels';
const dayPlus = (days: number) => localDay(new Date(Date.now() + days * 86_400_000).toISOString(), ZONE);
const script = (question: Question) => ({ 'room.satisfied': true, 'room.score': 7, overall: 4, comment: 'الغرفة جيدة' } as Record<string, boolean | number | string>)[question.id];

describe('answering by invitation on a phone', () => {
  let dir: string;
  let database: DatabaseHandle;
  let server: ServerType;
  let origin: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let facilityId: string;
  let wave: { waveId: string; codes: string[] };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sayso-invite-'));
    database = createDatabase({ sqlitePath: join(dir, 'server.db') });
    await migrateToLatest(database.db);
    const organisationId = (await createOrganisation(database.db, { name: 'Fedasil e2e' })).id;
    facilityId = (await createFacility(database.db, { organisationId, name: 'Centre e2e', timeZone: ZONE })).id;
    await database.db.updateTable('facilities').set({ languages: JSON.stringify(['ar', 'en', 'ti']) }).where('id', '=', facilityId).execute();
    await publishSurveyVersion(database.db, { organisationId, definition: mini });
    wave = await seedInvitationWave(database.db, { organisationId, facilityId, surveyId: 'mini', surveyVersion: 1, startsOn: dayPlus(-7), endsOn: dayPlus(7), count: 3 });
    const app = createApp({ staticRoot: resolve(process.env.SAYSO_DIST ?? 'dist'), db: database.db });
    origin = await new Promise<string>((done) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => done(`http://127.0.0.1:${info.port}`));
    });
    browser = await launchChromium();
    // A phone held upright: 360 × 740 CSS pixels, touch, its own language English.
    context = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2, locale: 'en-GB' });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const serverResponses = () => database.db.selectFrom('responses').selectAll().where('wave_id', '=', wave.waveId).execute();
  const axeClean = async (where: string) => expect(await seriousAxeFindings(page), where).toEqual([]);

  it('answers in Arabic, goes offline before the end, survives a reload offline, and the response arrives once back online', async () => {
    const code = wave.codes[0]!;
    // The printed slip's link; the page reads the code however it is typed.
    await page.goto(`${origin}/i/${formatInvitationCode(code)}`);
    await page.getByRole('button', { name: languageInfo('ar').nativeName }).waitFor();
    // Only the languages the facility has and the survey has: Arabic and English, not Tigrinya.
    await expect(page.getByRole('button', { name: languageInfo('ti').nativeName }).count()).resolves.toBe(0);
    await axeClean('language screen');
    // The phone reopens the link offline only once the service worker has precached the app.
    await waitInPage(page, async () => Boolean(await navigator.serviceWorker.getRegistration()) && (await navigator.serviceWorker.ready).active !== null, undefined);

    await page.getByRole('button', { name: languageInfo('ar').nativeName }).click();
    await page.getByRole('heading', { name: ar('consent.title') }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
    await axeClean('consent screen in Arabic');
    await page.getByRole('button', { name: ar('consent.agree') }).click();

    const driver = new KioskDriver(page, mini, 'ar');
    await driver.answerQuestions(script, 3);
    await axeClean('question screen in Arabic');
    await page.screenshot({ path: '/tmp/h6/phone-question.png' });
    // Large targets on a phone: every answer control at least 44 CSS pixels high, and nothing wider than the screen.
    const heights = await page.getByRole('radio').evaluateAll((radios) => radios.map((r) => r.getBoundingClientRect().height));
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await context.setOffline(true);
    await driver.goOn();
    const comment = mini.items.find((item): item is Question => item.kind === 'text')!;
    await driver.expectQuestion(comment);
    await driver.give(comment, 'الغرفة جيدة');
    await driver.goOn();
    await page.getByRole('heading', { name: arInvitation('screens.waitingTitle') }).waitFor();
    await axeClean('kept offline screen');
    expect(await serverResponses()).toHaveLength(0);

    // Closed and reopened with no network: the precached app resumes the unsent response.
    await page.reload();
    await page.getByRole('heading', { name: arInvitation('screens.waitingTitle') }).waitFor();

    await context.setOffline(false);
    await page.getByRole('heading', { name: arInvitation('screens.sentTitle') }).waitFor({ timeout: 30_000 });
    await axeClean('sent screen');
    const rows = await serverResponses();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ source: 'invitation', mode: 'self', status: 'complete', language: 'ar', wave_id: wave.waveId, facility_id: facilityId, enrollment_id: null });
    expect(JSON.parse(rows[0]!.answers)).toEqual({ 'room.satisfied': true, 'room.score': 7, overall: 4, comment: 'الغرفة جيدة' });
    expect(rows[0]!.sealed_key).not.toBeNull();
    const codeRow = await database.db.selectFrom('invitation_codes').select('used_on').where('code_hash', '=', hashToken(code)).executeTakeFirstOrThrow();
    expect(codeRow.used_on).toBe(dayPlus(0));
    // The phone forgot the answers: no invitation database is left, and the tablet's own was never made.
    expect(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).toEqual([]);
  });

  it('says kindly that a used code is used, and that a forged or mistyped one is not known', async () => {
    await page.goto(`${origin}/i/${wave.codes[0]}`);
    await page.getByRole('heading', { name: enInvitation('screens.usedTitle') }).waitFor();
    await page.getByText(enInvitation('screens.used')).waitFor();
    await axeClean('used code screen');

    await page.goto(`${origin}/i/${makeInvitationCode()}`);
    await page.getByRole('heading', { name: enInvitation('screens.unknownTitle') }).waitFor();
    await axeClean('unknown code screen');

    await page.goto(`${origin}/i/${wave.codes[1]!.slice(0, 10)}`);
    await page.getByRole('heading', { name: enInvitation('screens.invalidTitle') }).waitFor();
    expect(await serverResponses()).toHaveLength(1);
  });

  it('shows a clear message with a retry when the invitation cannot be fetched, and opens it on retry once the network is back', async () => {
    const fresh = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, locale: 'ar' });
    const phone = await fresh.newPage();
    try {
      // The page itself loads, but the invitation's request finds no network.
      await fresh.route('**/api/v1/invitations/**', (route) => route.abort('internetdisconnected'));
      await phone.goto(`${origin}/i/${wave.codes[2]}`);
      await phone.getByRole('heading', { name: arInvitation('screens.unreachableTitle') }).waitFor();
      expect(await seriousAxeFindings(phone)).toEqual([]);
      await fresh.unroute('**/api/v1/invitations/**');
      await phone.getByRole('button', { name: arInvitation('screens.retry') }).click();
      await phone.getByRole('button', { name: languageInfo('ar').nativeName }).waitFor();
    } finally {
      await fresh.close();
    }
  });
});
